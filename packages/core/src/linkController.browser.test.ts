import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeLinkFrame, linkUrl } from '@humanos-link/test-kit'
import type { FakeLinkFrame } from '@humanos-link/test-kit'
import { createHumanosLink } from './createHumanosLink.js'
import { createLinkController } from './linkController.js'
import type { LinkController, LinkControllerOptions } from './options.js'

// The kit's fake frame: nothing loads in the iframe, but its window is real, so messages "from
// the frame" are dispatched with that window as `source`, as a browser would.
const linkOf = (session: string) => linkUrl(session)

const cleanups: (() => void)[] = []
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  cleanups.splice(0).forEach((cleanup) => cleanup())
})

function controller(options: LinkControllerOptions = {}) {
  const calls: string[] = []
  const flow = createLinkController({
    onReady: () => calls.push('ready'),
    onSuccess: () => calls.push('success'),
    onExit: (reason) => calls.push(`exit:${reason}`),
    onError: (error) => calls.push(`error:${error.code}`),
    ...options,
  })
  cleanups.push(() => flow.destroy())
  const container = document.createElement('div')
  document.body.append(container)
  cleanups.push(() => container.remove())
  return { flow, calls, container }
}

const iframes = () => [...document.querySelectorAll('iframe')]

async function frameFor(session: string) {
  await vi.waitFor(() =>
    expect(iframes().some((f) => f.src.includes(`/link/${session}?`))).toBe(true),
  )
  return fakeLinkFrame(iframes().find((f) => f.src.includes(`/link/${session}?`))!)
}

const status = (flow: LinkController) => flow.getState().status

describe('createLinkController', () => {
  it('makes one frame for a mount, unmount, mount in one task (StrictMode)', async () => {
    const { flow, container } = controller({ link: linkOf('s1') })
    const unmount = flow.mount(container)
    unmount()
    flow.mount(container)
    await frameFor('s1')
    await Promise.resolve()
    expect(iframes()).toHaveLength(1)
  })

  it('swaps the frame when the link changes, and goes idle when it is removed', async () => {
    const { flow, container } = controller({ link: linkOf('a') })
    flow.mount(container)
    const frameA = await frameFor('a')
    frameA.post('ready', {})
    await vi.waitFor(() => expect(status(flow)).toBe('ready'))
    const seen: string[] = []
    flow.subscribe((state) => seen.push(state.status))
    flow.setOptions({ link: linkOf('b') })
    await frameFor('b')
    expect(iframes()).toHaveLength(1)
    expect(seen).toEqual(['idle', 'loading'])
    flow.setOptions({ link: null })
    await vi.waitFor(() => expect(iframes()).toHaveLength(0))
    expect(status(flow)).toBe('idle')
  })

  it('reports a bad link as invalid_link through the reducer, once, and warns without onError', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { flow, calls, container } = controller({ link: 'https://app.humanos.id/pay/x' })
    flow.mount(container)
    await vi.waitFor(() => expect(status(flow)).toBe('failed'))
    expect(flow.getState().error?.code).toBe('invalid_link')
    expect(flow.getState().error?.message).toMatch(/https:\/\/app\.humanos\.id\/link\/<id>/)
    expect(calls).toEqual(['error:invalid_link'])
    expect(warn).not.toHaveBeenCalled()
    const bare = createLinkController({ link: 'not a url' })
    cleanups.push(() => bare.destroy())
    bare.mount(container)
    await vi.waitFor(() => expect(status(bare)).toBe('failed'))
    bare.setOptions({ link: 'not a url' })
    await Promise.resolve()
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('keeps open() before a frame exists as a visible pending state, then opens the overlay', async () => {
    const { flow } = controller({ mode: 'modal' })
    flow.mount()
    flow.open()
    expect(flow.getState()).toMatchObject({ status: 'idle', isOpen: true })
    flow.setOptions({ mode: 'modal', link: linkOf('m') })
    await frameFor('m')
    expect(document.querySelector('dialog')!.open).toBe(true)
  })

  it('calls the latest callbacks without making a new frame', async () => {
    const { flow, container } = controller({ link: linkOf('cb') })
    flow.mount(container)
    const frame = await frameFor('cb')
    const later: string[] = []
    flow.setOptions({ link: linkOf('cb'), onReady: () => later.push('ready') })
    frame.post('ready', {})
    await vi.waitFor(() => expect(later).toEqual(['ready']))
    expect(iframes()).toHaveLength(1)
  })

  it('restarts a flow the person closed, with a new frame, and refuses a completed one', async () => {
    const { flow, calls, container } = controller({ link: linkOf('r') })
    flow.mount(container)
    let frame = await frameFor('r')
    frame.post('exit', { reason: 'user_closed' })
    await vi.waitFor(() => expect(status(flow)).toBe('exited'))
    const first = iframes()[0]
    expect(flow.restart()).toBe(true)
    await vi.waitFor(() => expect(iframes()[0]).not.toBe(first))
    frame = await frameFor('r')
    frame.post('ready', {})
    frame.post('complete', { count: 0 })
    await vi.waitFor(() => expect(status(flow)).toBe('completed'))
    expect(flow.restart()).toBe(false)
    expect(calls).toEqual(['exit:user_closed', 'ready', 'success'])
  })

  it('reports expiry one way, as session_expired, before and during the flow', async () => {
    for (const [session, expire] of [
      ['before', (frame: FakeLinkFrame) => frame.error('session_expired', 'x')],
      ['during', (frame: FakeLinkFrame) => frame.exit('expired')],
    ] as const) {
      const { flow, calls, container } = controller({ link: linkOf(session) })
      flow.mount(container)
      const frame = await frameFor(session)
      if (session === 'during') frame.post('ready', {})
      expire(frame)
      await vi.waitFor(() => expect(status(flow)).toBe('failed'))
      expect(flow.getState().error?.code).toBe('session_expired')
      expect(calls.at(-1)).toBe('error:session_expired')
      expect(flow.restart()).toBe(false)
    }
  })

  it('removes the frame on load_timeout, so a frame that gets ready later completes nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { flow, calls, container } = controller({ link: linkOf('slow'), loadTimeoutMs: 1_000 })
    flow.mount(container)
    const frame = await frameFor('slow')
    vi.advanceTimersByTime(1_000)
    expect(flow.getState().error?.code).toBe('load_timeout')
    expect(iframes()).toHaveLength(0)
    frame.post('ready', {})
    frame.post('complete', { count: 0 })
    await Promise.resolve()
    expect(status(flow)).toBe('failed')
    expect(calls).toEqual(['error:load_timeout'])
    // The session still allows it: restart makes a new frame.
    expect(flow.restart()).toBe(true)
    await frameFor('slow')
  })

  it('caps the text of a frame error and passes only a small scalar meta to onEvent', async () => {
    const events: { name?: string; meta?: object }[] = []
    const { flow, container } = controller({ link: linkOf('cap'), onEvent: (e) => events.push(e) })
    flow.mount(container)
    const frame = await frameFor('cap')
    const event = (meta: object) => frame.post('event', { name: 'STEP_VIEWED', meta } as never)
    // Nested objects, huge strings or many keys make a malformed message: dropped.
    event({ nested: { a: 1 } })
    event({ long: 'x'.repeat(10_000) })
    event(Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`k${i}`, i])))
    event({ step: 2, ok: true, label: 'Review' })
    frame.post('error', { code: 'internal', message: 'y'.repeat(100_000) })
    await vi.waitFor(() => expect(status(flow)).toBe('failed'))
    expect(flow.getState().error!.message.length).toBeLessThanOrEqual(300)
    expect(container.textContent!.length).toBeLessThan(1_000)
    expect(events.filter((e) => e.name === 'STEP_VIEWED').map((e) => e.meta)).toEqual([
      { step: 2, ok: true, label: 'Review' },
    ])
  })

  it('destroy() at any time leaves nothing, and twice is fine', async () => {
    const { flow, container } = controller({ link: linkOf('d'), mode: 'modal' })
    flow.mount(container)
    await frameFor('d')
    flow.destroy()
    flow.destroy()
    expect(status(flow)).toBe('destroyed')
    expect(document.querySelectorAll('iframe, dialog')).toHaveLength(0)
  })
})

describe('createHumanosLink over the controller', () => {
  it('starts at once and fails a bad link with invalid_link instead of throwing', () => {
    const container = document.createElement('div')
    const handle = createHumanosLink({
      link: 'https://app.humanos.id/nope',
      container,
      onError() {},
    })
    cleanups.push(() => handle.destroy())
    expect(handle.getState().error?.code).toBe('invalid_link')
  })
})
