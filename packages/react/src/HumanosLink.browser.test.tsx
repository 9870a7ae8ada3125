import { Component, StrictMode } from 'react'
import type { ReactNode } from 'react'
import { act, cleanup, configure, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HumanosLink } from './HumanosLink.js'
import { callbacks, settle } from './test/callbacks.js'
import { decision, testFrame, testLink } from './test/linkFrame.js'

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
  return testFrame(iframe)
}

describe('<HumanosLink> inline', () => {
  it.each(['inline', 'modal'] as const)(
    'leaves exactly one iframe and one key pair under StrictMode (%s), and fires callbacks once',
    async (mode) => {
      const generateKey = vi.spyOn(crypto.subtle, 'generateKey')
      const { spies } = callbacks()
      render(
        <StrictMode>
          <HumanosLink link={testLink('sess-strict')} mode={mode} {...spies} />
        </StrictMode>,
      )
      const frame = await findFrame()
      await settle()
      expect(document.querySelectorAll('iframe')).toHaveLength(1)
      expect(generateKey).toHaveBeenCalledTimes(1)
      expect(frame.pubKey).toMatch(/^MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE/)

      frame.post('ready', {})
      await frame.approve()
      await waitFor(() => expect(spies.onSuccess).toHaveBeenCalledTimes(1))
      expect(spies.onSuccess).toHaveBeenCalledWith([decision('sess-strict')])
      expect(spies.onReady).toHaveBeenCalledTimes(1)
      expect(spies.onDecision).toHaveBeenCalledTimes(1)
      expect(spies.onError).not.toHaveBeenCalled()
    },
  )

  it('keeps the frame when callback props change, and calls the newest ones', async () => {
    const first = vi.fn()
    const second = vi.fn()
    const link = testLink('sess-callbacks')
    const { rerender } = render(<HumanosLink link={link} onSuccess={first} style={{}} />)
    const frame = await findFrame()
    const src = frame.iframe.src
    rerender(<HumanosLink link={link} onSuccess={second} style={{}} />)
    await settle()
    expect(document.querySelector('iframe')).toBe(frame.iframe)
    expect(frame.iframe.src).toBe(src)

    frame.post('ready', {})
    await frame.approve()
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1))
    expect(first).not.toHaveBeenCalled()
  })

  it('replaces the frame and the key pair when the link changes', async () => {
    const { spies } = callbacks()
    const { rerender } = render(<HumanosLink link={testLink('sess-a')} {...spies} />)
    const old = await findFrame()
    rerender(<HumanosLink link={testLink('sess-b')} {...spies} />)
    const next = await waitFor(() => {
      const iframe = document.querySelector('iframe')
      if (!iframe?.src.includes('sess-b')) throw new Error('still the old frame')
      return testFrame(iframe)
    })
    expect(old.iframe.isConnected).toBe(false)
    expect(document.querySelectorAll('iframe')).toHaveLength(1)
    expect(next.pubKey).not.toBe(old.pubKey)

    // The old frame is gone for good: what it still sends is ignored.
    old.post('ready', {})
    await settle()
    expect(spies.onReady).not.toHaveBeenCalled()
    next.post('ready', {})
    await waitFor(() => expect(spies.onReady).toHaveBeenCalledTimes(1))
  })

  it.each([
    ['lang', { lang: 'PRT' }, 'lang=PRT'],
    ['theme', { theme: 'dark' as const }, 'theme=dark'],
    ['loadTimeoutMs', { loadTimeoutMs: 30_000 }, 'sess-options'],
  ])('rebuilds the frame when %s changes', async (_name, props, expected) => {
    const link = testLink('sess-options')
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
    const { rerender } = render(<HumanosLink link={testLink('sess-camera')} />)
    expect((await findFrame()).iframe.allow).toBe('')
    rerender(<HumanosLink link={testLink('sess-camera')} allowCamera />)
    await waitFor(() => expect(document.querySelector('iframe')?.allow).toBe('camera'))
  })

  it('follows the height the flow reports', async () => {
    render(<HumanosLink link={testLink('sess-resize')} className="approval" />)
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
      const link = testLink(`sess-unmount-${stage.replace(/ /g, '-')}`)
      // Long enough that a busy machine does not time the flow out before the unmount, which
      // would make the 'loading' stage test nothing; the wait after the unmount outlasts it.
      const { unmount, container } = render(
        <HumanosLink link={link} loadTimeoutMs={LOAD_TIMEOUT_MS} {...spies} />,
      )
      if (stage === 'before the frame exists') {
        unmount()
        await settle(200)
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
        await frame.sendResult(decision(frame.sessionId))
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
      await settle(stage === 'loading' ? LOAD_TIMEOUT_MS + 200 : 250)
      expect(counts()).toEqual(before)
      expect(spies.onSuccess).not.toHaveBeenCalled()
      expect(spies.onError).not.toHaveBeenCalled()
    },
  )
})

describe('<HumanosLink mode="modal">', () => {
  it('opens the overlay while mounted, showing the loading state, and removes it on unmount', async () => {
    const { unmount } = render(<HumanosLink link={testLink('sess-modal')} mode="modal" />)
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
    const link = testLink('sess-modal-controlled')
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
          <HumanosLink link={testLink('sess-lang')} lang="english" />
        </Boundary>,
      )
    })
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^TypeError: Humanos Link: `lang` must be a three-letter code/,
    )
    expect(document.querySelector('iframe')).toBeNull()
  })
})
