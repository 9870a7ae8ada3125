// Calls to the sandbox's page endpoints (same origin). Each names the frame token, which ties
// the call to the origin and key this page was opened with.

/**
 * @param {{ sessionId: string, frame: string }} boot
 * @returns {(path: string, payload: object) => Promise<{ ok: boolean, status: number, body: any, headers: Headers }>}
 */
export function createPageApi(boot) {
  return async function call(path, payload) {
    try {
      const response = await fetch(`/link/${encodeURIComponent(boot.sessionId)}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...payload, frame: boot.frame }),
        credentials: 'omit',
      })
      const body = await response.json().catch(() => ({}))
      return { ok: response.ok, status: response.status, body, headers: response.headers }
    } catch {
      return { ok: false, status: 0, body: {}, headers: new Headers() }
    }
  }
}
