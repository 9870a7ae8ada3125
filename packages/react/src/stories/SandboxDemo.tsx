import { useState } from 'react'
import { FlowDemo } from './FlowDemo.js'
import type { FlowDemoProps } from './FlowDemo.js'

type SandboxState =
  | { kind: 'idle' | 'busy' }
  | { kind: 'ready'; link: string; contact: string }
  | { kind: 'not_running'; sandbox: string }
  | { kind: 'origin_not_allowed'; sandbox: string; origin: string }
  | { kind: 'unavailable'; message: string }

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** Reads the answer of the dev server's `/__sandbox/link` (see .storybook/sandboxLinkPlugin.ts). */
async function requestLink(lang: string): Promise<SandboxState> {
  const query = new URLSearchParams({ origin: location.origin, lang })
  const res = await fetch(`/__sandbox/link?${query}`)
  const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null
  const data = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  if (res.ok && text(data.link)) {
    return { kind: 'ready', link: text(data.link), contact: text(data.contact) }
  }
  if (data.reason === 'not_running') return { kind: 'not_running', sandbox: text(data.sandbox) }
  if (data.reason === 'origin_not_allowed') {
    return { kind: 'origin_not_allowed', sandbox: text(data.sandbox), origin: text(data.origin) }
  }
  return {
    kind: 'unavailable',
    message:
      text(data.message) || 'This story needs `pnpm storybook` (a static build has no server).',
  }
}

/**
 * The real thing: a request created on the local sandbox (`pnpm sandbox`) through its signed
 * API, and the sandbox's own Link page in the frame. The sandbox shows the one-time code in a
 * banner, so the whole flow can be clicked through by hand.
 */
export function SandboxDemo(props: Omit<FlowDemoProps, 'link'>) {
  const [state, setState] = useState<SandboxState>({ kind: 'idle' })
  const create = async () => {
    setState({ kind: 'busy' })
    setState(await requestLink(props.lang ?? 'ENG'))
  }
  const allow = async () => {
    setState({ kind: 'busy' })
    await fetch(`/__sandbox/allow?${new URLSearchParams({ origin: location.origin })}`, {
      method: 'POST',
    })
    await create()
  }

  if (state.kind === 'ready') {
    return (
      <div>
        <p style={{ font: '14px system-ui, sans-serif', padding: '0 16px' }}>
          Request for <code>{state.contact}</code>; the sandbox shows the code in its banner.
        </p>
        <FlowDemo {...props} link={state.link} />
      </div>
    )
  }
  return (
    <div style={{ font: '14px system-ui, sans-serif', padding: 16, maxWidth: 560 }}>
      {state.kind === 'not_running' && (
        <p role="alert">
          No sandbox answers at <code>{state.sandbox}</code>. Start it with{' '}
          <code>pnpm sandbox</code> (or set <code>HUMANOS_SANDBOX_URL</code> before{' '}
          <code>pnpm storybook</code>), then try again. The other stories use a local test frame and
          need nothing.
        </p>
      )}
      {state.kind === 'origin_not_allowed' && (
        <p role="alert">
          The sandbox at <code>{state.sandbox}</code> does not allow <code>{state.origin}</code>{' '}
          yet.{' '}
          <button type="button" onClick={() => void allow()}>
            Allow this origin on the sandbox
          </button>
        </p>
      )}
      {state.kind === 'unavailable' && <p role="alert">{state.message}</p>}
      <button type="button" onClick={() => void create()} disabled={state.kind === 'busy'}>
        Create a request on the sandbox
      </button>
    </div>
  )
}
