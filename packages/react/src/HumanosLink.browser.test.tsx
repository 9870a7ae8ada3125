import { Component, StrictMode } from 'react'
import type { ReactNode } from 'react'
import { act, cleanup, configure, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeLinkFrame, frameDecision, linkUrl } from '@humanos-link/test-kit'
import { HumanosLink } from './HumanosLink.js'
import { callbacks, flushed } from './testing/callbacks.js'

// Generous waits: a shared CI machine can be slow to generate keys and load frames.
configure({ asyncUtilTimeout: 5_000 })
const LOAD_TIMEOUT_MS = 1_000

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

/** The SDK's iframe once it has its `src` (the key pair exists by then). */
async function findFrame(root: ParentNode = document) {
  const iframe = await waitFor(() => {
    const found = root.querySelector('iframe')
    if (!found?.src) throw new Error('no Link iframe yet')
    return found
  })
  return fakeLinkFrame(iframe)
}

/**
 * Resolves when a flow mounted now, with the same load timeout, times out: by then the unmounted
 * flow's load timer (scheduled earlier, same delay) would have fired, and any result it was
 * decrypting would have arrived. An event to wait for, instead of a guessed sleep.
 */
async function timedOutLater() {
  const onError = vi.fn()
  const fence = render(
    <HumanosLink link={linkUrl('sess-fence')} loadTimeoutMs={LOAD_TIMEOUT_MS} onError={onError} />,
  )
  await waitFor(() =>
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'load_timeout' })),
  )
  fence.unmount()
}

describe('<HumanosLink> inline', () => {
  it.each(['inline', 'modal'] as const)(
    'leaves exactly one iframe and one key pair under StrictMode (%s), and fires callbacks once',
    async (mode) => {
      const generateKey = vi.spyOn(crypto.subtle, 'generateKey')
      const { spies } = callbacks()
      render(
        <StrictMode>
          <HumanosLink link={linkUrl('sess-strict')} mode={mode} {...spies} />
        </StrictMode>,
      )
      const frame = await findFrame()
      await flushed()
      expect(document.querySelectorAll('iframe')).toHaveLength(1)
      expect(generateKey).toHaveBeenCalledTimes(1)
      expect(frame.publicKey).toMatch(/^MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE/)

      frame.post('ready', {})
      await frame.approve()
      await waitFor(() => expect(spies.onSuccess).toHaveBeenCalledTimes(1))
      expect(spies.onSuccess).toHaveBeenCalledWith([frameDecision('sess-strict')])
      expect(spies.onReady).toHaveBeenCalledTimes(1)
      expect(spies.onDecision).toHaveBeenCalledTimes(1)
      expect(spies.onError).not.toHaveBeenCalled()
    },
  )

  it('keeps the frame when callback props change, and calls the newest ones', async () => {
    const first = vi.fn()
    const second = vi.fn()
    const link = linkUrl('sess-callbacks')
    const { rerender } = render(<HumanosLink link={link} onSuccess={first} style={{}} />)
    const frame = await findFrame()
    const src = frame.iframe.src
    rerender(<HumanosLink link={link} onSuccess={second} style={{}} />)
    await flushed()
    expect(document.querySelector('iframe')).toBe(frame.iframe)
    expect(frame.iframe.src).toBe(src)

    frame.post('ready', {})
    await frame.approve()
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1))
    expect(first).not.toHaveBeenCalled()
  })

  it('replaces the frame and the key pair when the link changes', async () => {
    const { spies } = callbacks()
    const { rerender } = render(<HumanosLink link={linkUrl('sess-a')} {...spies} />)
    const old = await findFrame()
    rerender(<HumanosLink link={linkUrl('sess-b')} {...spies} />)
    const next = await waitFor(() => {
      const iframe = document.querySelector('iframe')
      if (!iframe?.src.includes('sess-b')) throw new Error('still the old frame')
      return fakeLinkFrame(iframe)
    })
    expect(old.iframe.isConnected).toBe(false)
    expect(document.querySelectorAll('iframe')).toHaveLength(1)
    expect(next.publicKey).not.toBe(old.publicKey)

    // The old frame is gone for good: what it still sends is ignored (a `message` event is
    // handled while it is dispatched, so there is nothing to wait for).
    old.post('ready', {})
    expect(spies.onReady).not.toHaveBeenCalled()
    next.post('ready', {})
    await waitFor(() => expect(spies.onReady).toHaveBeenCalledTimes(1))
  })

  it.each([
    ['lang', { lang: 'PRT' }, 'lang=PRT'],
    ['theme', { theme: 'dark' as const }, 'theme=dark'],
    ['loadTimeoutMs', { loadTimeoutMs: 30_000 }, 'sess-options'],
  ])('rebuilds the frame when %s changes', async (_name, props, expected) => {
    const link = linkUrl('sess-options')
    const { rerender } = render(<HumanosLink link={link} />)
    const old = await findFrame()
    rerender(<HumanosLink link={link} {...props} />)
    const next = await waitFor(() => {
      const iframe = document.querySelector('iframe')
      if (!iframe?.src || iframe === old.iframe) throw new Error('not rebuilt yet')
      return iframe
    })
    expect(next.src).toContain(expected)
    expect(old.iframe.isConnected).toBe(false)
  })

  it('lets the frame use the camera only when allowCamera is set', async () => {
    const { rerender } = render(<HumanosLink link={linkUrl('sess-camera')} />)
    expect((await findFrame()).iframe.allow).toBe('')
    rerender(<HumanosLink link={linkUrl('sess-camera')} allowCamera />)
    await waitFor(() => expect(document.querySelector('iframe')?.allow).toBe('camera'))
  })

  it('follows the height the flow reports', async () => {
    render(<HumanosLink link={linkUrl('sess-resize')} className="approval" />)
    const frame = await findFrame()
    frame.post('ready', {})
    frame.post('resize', { height: 321 })
    await waitFor(() => expect(frame.iframe.style.height).toBe('321px'))
    const container = document.querySelector('.approval')
    expect(container?.contains(frame.iframe)).toBe(true)
    expect(container?.getAttribute('data-humanos-link-status')).toBe('ready')
  })

  it.each(['before the frame exists', 'loading', 'ready', 'decrypting a result'] as const)(
    'destroys everything on unmount (%s) and fires nothing afterwards',
    async (stage) => {
      const generateKey = vi.spyOn(crypto.subtle, 'generateKey')
      const { spies, counts } = callbacks()
      const link = linkUrl(`sess-unmount-${stage.replace(/ /g, '-')}`)
      // Long enough that a busy machine does not time the flow out before the unmount, which
      // would make the 'loading' stage test nothing; the wait after the unmount outlasts it.
      const { unmount, container } = render(
        <HumanosLink link={link} loadTimeoutMs={LOAD_TIMEOUT_MS} {...spies} />,
      )
      if (stage === 'before the frame exists') {
        unmount()
        await flushed()
        expect(generateKey).not.toHaveBeenCalled()
        expect(document.querySelector('iframe')).toBeNull()
        expect(counts()).toEqual(callbacks().counts())
        return
      }
      const frame = await findFrame()
      if (stage !== 'loading') {
        frame.post('ready', {})
        await waitFor(() => expect(spies.onReady).toHaveBeenCalled())
      }
      if (stage === 'decrypting a result') {
        await frame.result(frameDecision(frame.sessionId))
        frame.post('complete', { count: 1 })
      }
      const before = counts()
      unmount()
      expect(document.querySelector('iframe')).toBeNull()
      expect(container.innerHTML).toBe('')
      expect(document.querySelector('.humanos-link')).toBeNull()

      // What the frame still sends, and the load timeout, reach nobody.
      frame.post('ready', {})
      await frame.approve()
      frame.post('error', { code: 'internal', message: 'late' })
      await timedOutLater()
      expect(counts()).toEqual(before)
      expect(spies.onSuccess).not.toHaveBeenCalled()
      expect(spies.onError).not.toHaveBeenCalled()
    },
  )
})

describe('<HumanosLink mode="modal">', () => {
  it('opens the overlay while mounted, showing the loading state, and removes it on unmount', async () => {
    const { unmount } = render(<HumanosLink link={linkUrl('sess-modal')} mode="modal" />)
    const dialog = await screen.findByRole('dialog')
    expect(dialog.checkVisibility()).toBe(true)
    expect(screen.getByRole('status').textContent).toBe('Loading the approval flow…')
    const frame = await findFrame(dialog)
    frame.post('ready', {})
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''))
    unmount()
    // Removed after the last unmount settles (an unmount, mount in one task keeps it).
    await waitFor(() => expect(document.querySelector('dialog')).toBeNull())
    expect(document.documentElement.style.overflow).toBe('')
  })

  it('follows the open prop when it is given', async () => {
    const { spies } = callbacks()
    const link = linkUrl('sess-modal-controlled')
    const { rerender } = render(<HumanosLink link={link} mode="modal" open={false} {...spies} />)
    const frame = await findFrame()
    frame.post('ready', {})
    await waitFor(() => expect(spies.onReady).toHaveBeenCalled())
    expect(screen.queryByRole('dialog')).toBeNull()

    rerender(<HumanosLink link={link} mode="modal" open {...spies} />)
    await waitFor(() => expect(screen.getByRole('dialog').checkVisibility()).toBe(true))
    rerender(<HumanosLink link={link} mode="modal" open={false} {...spies} />)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    // Hiding is not ending: the flow is still there and can still complete.
    expect(spies.onExit).not.toHaveBeenCalled()
    await frame.approve()
    await waitFor(() => expect(spies.onSuccess).toHaveBeenCalledTimes(1))
  })
})

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  override render() {
    const { error } = this.state
    return error ? <p role="alert">{String(error)}</p> : this.props.children
  }
}

describe('misuse', () => {
  it('throws option errors other than the link to the nearest error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await act(async () => {
      render(
        <Boundary>
          <HumanosLink link={linkUrl('sess-lang')} lang="english" />
        </Boundary>,
      )
    })
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^TypeError: Humanos Link: `lang` must be a three-letter code/,
    )
    expect(document.querySelector('iframe')).toBeNull()
  })
})
