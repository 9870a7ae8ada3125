import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  UNREACHABLE_LINK_ORIGIN,
  createLinkFrame,
  credentialDecision,
  frameParamsOf,
  linkUrl,
} from '@humanos-link/test-kit'
import { createHumanosLink } from './createHumanosLink.js'
import { ErrorCodes } from './errors.js'
import type { HumanosLinkError } from './errors.js'
import type { HumanosLinkHandle, HumanosLinkOptions } from './options.js'
import { createLinkMessage } from './protocol/messages.js'
import type { LinkMessage } from './protocol/messages.js'

// Nothing listens there: the iframe loads an error page, but its window is real, so messages
// "from the frame" are dispatched with that window as `source`, as a browser would.
const FRAME_ORIGIN = UNREACHABLE_LINK_ORIGIN
const SESSION = 'sess-browser'
const LINK = linkUrl(SESSION)

let container: HTMLElement
const handles: HumanosLinkHandle[] = []
const messageListeners = new Set<EventListenerOrEventListenerObject>()
const realAdd = window.addEventListener.bind(window)
const realRemove = window.removeEventListener.bind(window)

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  // Count the SDK's `message` listeners, to prove destroy() leaves none behind.
  vi.spyOn(window, 'addEventListener').mockImplementation((type, listener, options) => {
    if (type === 'message' && listener) messageListeners.add(listener)
    realAdd(type, listener, options)
  })
  vi.spyOn(window, 'removeEventListener').mockImplementation((type, listener, options) => {
    if (type === 'message' && listener) messageListeners.delete(listener)
    realRemove(type, listener, options)
  })
})

afterEach(() => {
  vi.useRealTimers()
  handles.splice(0).forEach((handle) => handle.destroy())
  container.remove()
  vi.restoreAllMocks()
  messageListeners.clear()
})

function mount(options: Record<string, unknown> = {}) {
  const calls: { cb: string; data?: unknown }[] = []
  const record = (cb: string) => (data?: unknown) => calls.push({ cb, data })
  const handle = createHumanosLink({
    link: LINK,
    container,
    onReady: record('onReady'),
    onDecision: record('onDecision'),
    onSuccess: record('onSuccess'),
    onExit: record('onExit'),
    onError: (error: HumanosLinkError) => calls.push({ cb: 'onError', data: error.code }),
    ...options,
  } as HumanosLinkOptions)
  handles.push(handle)
  return { handle, calls }
}

async function frameOf() {
  await vi.waitFor(() => expect(document.querySelector('iframe')).not.toBeNull())
  const iframe = document.querySelector('iframe')!
  // Raw posting, so a test can also post from the wrong origin or window.
  const post = (data: LinkMessage, origin = FRAME_ORIGIN, source = iframe.contentWindow) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }))
  // The kit's frame seals the result; the test decides who posts it.
  const sealed: LinkMessage[] = []
  const frame = createLinkFrame(frameParamsOf(iframe.src), (message) => sealed.push(message))
  const seal = async () => {
    await frame.result(credentialDecision())
    return sealed.pop()!
  }
  return { iframe, post, seal }
}

describe('createHumanosLink in a browser', () => {
  it('mounts a titled iframe pointing at the link with the host key and origin', async () => {
    mount({ allowCamera: true })
    const { iframe } = await frameOf()
    expect(iframe.title).toBe('Humanos approval')
    expect(iframe.allow).toBe('camera')
    expect(iframe.referrerPolicy).toBe('strict-origin-when-cross-origin')
    const src = new URL(iframe.src)
    expect(src.origin + src.pathname).toBe(LINK)
    expect(src.searchParams.get('postMessageOrigin')).toBe(location.origin)
    expect(src.searchParams.get('pubKey')).toHaveLength(124)
    expect(container.querySelector('[role="status"]')!.textContent).toBe(
      'Loading the approval flow…',
    )
  })

  it.each([
    ['session_expired', 'session_expired', 'The link has expired.'],
    ['decryption_failed', 'internal', 'The link has expired.'],
    ['brand_new_code', 'internal', 'The link has expired.'],
  ])(
    "turns a frame error %s into %s, announced with the frame's message",
    async (sent, code, text) => {
      const { handle, calls } = mount()
      const { post } = await frameOf()
      post(createLinkMessage('error', SESSION, { code: sent, message: text }))
      await vi.waitFor(() => expect(handle.getState().status).toBe('failed'))
      expect(calls).toEqual([{ cb: 'onError', data: code }])
      expect(handle.getState().error?.code).toBe(code)
      expect(container.querySelector('[role="alert"]')!.textContent).toBe(text)
    },
  )

  it('ignores open() inline: there is no overlay, so isOpen stays false', async () => {
    const { handle } = mount()
    const { post } = await frameOf()
    post(createLinkMessage('ready', SESSION, {}))
    await vi.waitFor(() => expect(handle.getState().status).toBe('ready'))
    handle.open()
    expect(handle.getState().isOpen).toBe(false)
  })

  it('runs a flow from ready to success and drops what is not from its frame', async () => {
    const { handle, calls } = mount()
    const { post, seal } = await frameOf()
    const events: string[] = []
    handle.subscribe((state) => events.push(state.status))
    post(createLinkMessage('ready', SESSION, {}), 'https://evil.example')
    post(createLinkMessage('ready', SESSION, {}), FRAME_ORIGIN, window)
    post(createLinkMessage('ready', SESSION, {}))
    post(await seal())
    post(createLinkMessage('complete', SESSION, { count: 1 }))
    await vi.waitFor(() => expect(handle.getState().status).toBe('completed'))
    // The forged readies were dropped: one `ready`, from the frame, then the rest.
    expect(events).toEqual(['ready', 'ready', 'completed'])
    expect(calls.map((c) => c.cb)).toEqual(['onReady', 'onDecision', 'onSuccess'])
    expect(container.querySelector('[role="status"]')!.textContent).toBe('')
  })

  it('fails closed on a replayed result', async () => {
    const { handle, calls } = mount()
    const { post, seal } = await frameOf()
    post(createLinkMessage('ready', SESSION, {}))
    const result = await seal()
    post(result)
    post(result)
    await vi.waitFor(() => expect(handle.getState().status).toBe('failed'))
    expect(calls.map((c) => c.cb)).toEqual(['onReady', 'onDecision', 'onError'])
    expect(handle.getState().error?.code).toBe(ErrorCodes.DECRYPTION_FAILED)
    expect(container.querySelector('[role="alert"]')!.textContent).toBe(
      'The result could not be decrypted.',
    )
  })

  it('reports a missing Web Crypto as insecure_context without mounting a frame', async () => {
    Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true })
    try {
      const { handle, calls } = mount()
      await vi.waitFor(() => expect(handle.getState().status).toBe('failed'))
      expect(calls).toEqual([{ cb: 'onError', data: ErrorCodes.INSECURE_CONTEXT }])
      expect(document.querySelector('iframe')).toBeNull()
    } finally {
      delete (crypto as { subtle?: SubtleCrypto }).subtle
    }
    expect(crypto.subtle).toBeDefined()
  })

  it('throws a TypeError at once for bad options', () => {
    const bad: [unknown, RegExp][] = [
      [undefined, /options object/],
      [{ container }, /`link` is required/],
      [{ link: LINK }, /needs `container`/],
      [{ link: LINK, container: '#app' }, /needs `container`/],
      [{ link: LINK, container, lang: ['ENG'] }, /`lang` must be a three-letter code/],
      [{ link: LINK, container, keyPair: { publicKey: 'x' } }, /`keyPair` must be/],
      [{ link: LINK, container, mode: 'popup' }, /`mode` must be/],
      [{ link: LINK, container, onSuccess: 'yes' }, /`onSuccess` must be a function/],
      [{ link: LINK, container, loadTimeoutMs: -1 }, /loadTimeoutMs/],
      [{ link: LINK, container, theme: 'blue' }, /`theme`/],
      [{ link: LINK, container, allowCamera: 'yes' }, /`allowCamera` must be true or false/],
    ]
    for (const [options, message] of bad) {
      expect(() => createHumanosLink(options as HumanosLinkOptions)).toThrow(message)
    }
    expect(document.querySelector('iframe')).toBeNull()
  })
})

describe('modal mode', () => {
  const nextFrames = () =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))

  it('survives close() then open() in one go: the late close event is no request to close', async () => {
    const { handle, calls } = mount({ mode: 'modal', container: undefined })
    const { post } = await frameOf()
    post(createLinkMessage('ready', SESSION, {}))
    await vi.waitFor(() => expect(handle.getState().status).toBe('ready'))
    handle.open()
    handle.close()
    handle.open()
    await nextFrames()
    expect(handle.getState()).toMatchObject({ status: 'ready', isOpen: true })
    expect(document.querySelector('dialog')!.open).toBe(true)
    expect(calls.filter((call) => call.cb === 'onExit')).toEqual([])
  })

  it('stays hidden while closed even when the host styles every dialog', async () => {
    const style = document.createElement('style')
    style.textContent = 'dialog { display: flex }'
    document.head.append(style)
    try {
      const { handle } = mount({ mode: 'modal', container: undefined })
      const dialog = document.querySelector('dialog')!
      expect(getComputedStyle(dialog).display).toBe('none')
      const { post } = await frameOf()
      post(createLinkMessage('ready', SESSION, {}))
      await vi.waitFor(() => expect(handle.getState().status).toBe('ready'))
      handle.open()
      expect(getComputedStyle(dialog).display).not.toBe('none')
      handle.close()
      expect(getComputedStyle(dialog).display).toBe('none')
    } finally {
      style.remove()
    }
  })
})

describe('destroy()', () => {
  const leftovers = () => ({
    iframes: document.querySelectorAll('iframe').length,
    overlays: document.querySelectorAll('.humanos-link-overlay').length,
    roots: document.querySelectorAll('.humanos-link').length,
    messageListeners: messageListeners.size,
  })
  const none = { iframes: 0, overlays: 0, roots: 0, messageListeners: 0 }

  it.each(['inline', 'modal'] as const)(
    'leaves nothing behind at any moment (%s), and twice is fine',
    async (mode) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      // Before the key pair exists.
      mount({ mode }).handle.destroy()
      expect(leftovers()).toEqual(none)

      // While loading, with the frame attached; then ready and open; then completed.
      for (const stage of ['loading', 'ready', 'completed'] as const) {
        const { handle, calls } = mount({ mode, loadTimeoutMs: 1_000 })
        const { post, seal } = await frameOf()
        if (stage !== 'loading') {
          post(createLinkMessage('ready', SESSION, {}))
          await vi.waitFor(() => expect(handle.getState().status).toBe('ready'))
          handle.open()
        }
        if (stage === 'completed') {
          post(await seal())
          post(createLinkMessage('complete', SESSION, { count: 1 }))
          await vi.waitFor(() => expect(handle.getState().status).toBe('completed'))
        }
        const before = calls.length
        handle.destroy()
        handle.destroy()
        expect(handle.getState().status).toBe('destroyed')
        expect(leftovers(), stage).toEqual(none)
        // No callback after destroy: not the load timer, not a late message.
        post(createLinkMessage('error', SESSION, { code: 'internal', message: 'late' }))
        // Well past the load timeout, had it not been cleared.
        vi.advanceTimersByTime(5_000)
        expect(calls.length, stage).toBe(before)
      }
      expect(document.documentElement.style.overflow).toBe('')
    },
  )
})
