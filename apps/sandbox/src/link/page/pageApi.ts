// Calls to the sandbox's page endpoints (same origin). Each names the frame token, which ties
// the call to the origin and key this page was opened with.
import type { ResultMessage } from '@humanos-link/core/protocol'
import type { FlowBoot } from './boot.js'

/** A page endpoint's answer; `status` 0 when the network failed. */
export interface PageResult {
  ok: boolean
  status: number
  /** The JSON body, or `{}` when there was none: the server's answers are read field by field. */
  body: PageBody
  headers: Headers
}

/** The fields the page reads from the endpoints' answers (each present only on some). */
export interface PageBody {
  code?: string
  message?: string
  waitSeconds?: number
  success?: boolean
  finished?: boolean
  /** Sealed `result` messages, built whole by the server: the page only forwards them. */
  messages?: ResultMessage[]
}

export type PageCall = (path: string, payload: Record<string, unknown>) => Promise<PageResult>

export function createPageApi(boot: FlowBoot): PageCall {
  return async function call(path, payload) {
    try {
      const response = await fetch(`/link/${encodeURIComponent(boot.sessionId)}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...payload, frame: boot.frame }),
        credentials: 'omit',
      })
      const body = (await response.json().catch(() => ({}))) as PageBody
      return { ok: response.ok, status: response.status, body, headers: response.headers }
    } catch {
      return { ok: false, status: 0, body: {}, headers: new Headers() }
    }
  }
}
