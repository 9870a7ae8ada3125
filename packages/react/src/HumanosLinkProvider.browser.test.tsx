import { cleanup, configure, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeLinkFrame, linkUrl } from '@humanos-link/test-kit'
import { HumanosLink } from './HumanosLink.js'
import { HumanosLinkProvider } from './HumanosLinkProvider.js'
import { useHumanosLinkStatus } from './useHumanosLinkStatus.js'
import { flushed } from './testing/callbacks.js'

// Generous waits: a shared CI machine can be slow to generate keys and load frames.
configure({ asyncUtilTimeout: 5_000 })

afterEach(cleanup)

/** Far from the flow in the tree: reads it through the provider only. */
function Badge() {
  const status = useHumanosLinkStatus()
  const decisions = useHumanosLinkStatus((state) => state.decisions.length)
  const code = useHumanosLinkStatus((state) => state.error?.code ?? '')
  return <p data-testid="badge">{`${status}:${decisions}:${code}`}</p>
}

function Page({ link, showFlow = true }: { link: string | null; showFlow?: boolean }) {
  return (
    <HumanosLinkProvider>
      <header>
        <Badge />
      </header>
      <main>{showFlow && <HumanosLink link={link} />}</main>
    </HumanosLinkProvider>
  )
}

const badge = () => screen.getByTestId('badge').textContent
async function findFrame(sessionId: string) {
  const iframe = await waitFor(() => {
    const found = document.querySelector('iframe')
    if (!found?.src.includes(sessionId)) throw new Error(`no frame for ${sessionId} yet`)
    return found
  })
  return fakeLinkFrame(iframe)
}

describe('HumanosLinkProvider + useHumanosLinkStatus', () => {
  it('follows the flow, and the next flow when the link changes', async () => {
    const { rerender } = render(<Page link={null} />)
    expect(badge()).toBe('idle:0:')
    rerender(<Page link={linkUrl('sess-p1')} />)
    const first = await findFrame('sess-p1')
    await waitFor(() => expect(badge()).toBe('loading:0:'))
    first.post('error', { code: 'session_expired', message: 'expired' })
    await waitFor(() => expect(badge()).toBe('failed:0:session_expired'))

    rerender(<Page link={linkUrl('sess-p2')} />)
    const second = await findFrame('sess-p2')
    await waitFor(() => expect(badge()).toBe('loading:0:'))
    // The old instance is gone: nothing it could still send reaches the badge.
    first.post('ready', {})
    second.post('ready', {})
    await waitFor(() => expect(badge()).toBe('ready:0:'))
    await second.approve(2)
    await waitFor(() => expect(badge()).toBe('completed:2:'))
  })

  it('re-renders a reader only when its selected value changes', async () => {
    const renders = vi.fn()
    function Count() {
      const count = useHumanosLinkStatus((state) => state.decisions.length)
      renders(count)
      return null
    }
    render(
      <HumanosLinkProvider>
        <Count />
        <HumanosLink link={linkUrl('sess-select')} />
      </HumanosLinkProvider>,
    )
    const frame = await findFrame('sess-select')
    frame.post('ready', {})
    await frame.approve(1)
    await waitFor(() => expect(renders).toHaveBeenLastCalledWith(1))
    // idle → loading → ready → decision → completed, but only two counts: 0, then 1.
    expect(renders.mock.calls.map(([count]) => count)).toEqual([0, 1])
  })

  it('keeps a finished outcome after the flow unmounts, and a live one goes back to idle', async () => {
    const { rerender } = render(<Page link={linkUrl('sess-done')} />)
    const done = await findFrame('sess-done')
    done.post('ready', {})
    await done.approve()
    await waitFor(() => expect(badge()).toBe('completed:1:'))
    rerender(<Page link={linkUrl('sess-done')} showFlow={false} />)
    await flushed()
    expect(badge()).toBe('completed:1:')

    rerender(<Page link={linkUrl('sess-live')} />)
    const live = await findFrame('sess-live')
    live.post('ready', {})
    await waitFor(() => expect(badge()).toBe('ready:0:'))
    rerender(<Page link={linkUrl('sess-live')} showFlow={false} />)
    // The frame is gone; mounting again would start a new one.
    await waitFor(() => expect(badge()).toBe('idle:0:'))
    expect(document.querySelector('iframe')).toBeNull()
  })
})
