// The Link-origin allowlist in a real browser (issue 15 item 5): a link outside it never gets a
// frame, an overlay or the camera, whichever way the flow is created; the page's own origin is
// named when the organization refuses it (issue 16).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHumanosLink } from './createHumanosLink.js'
import { createLinkController } from './linkController.js'
import type { HumanosLinkError } from './errors.js'
import { createLinkMessage } from './protocol/messages.js'
import { watchAddedFrames } from '@humanos-link/test-kit'

// Nothing listens on port 9; the iframe's window is real (see linkController.browser.test.ts).
const ALLOWED = 'http://127.0.0.1:9'
const HOSTILE = 'https://evil.example'

const cleanups: (() => void)[] = []
afterEach(() => {
  vi.restoreAllMocks()
  cleanups.splice(0).forEach((cleanup) => cleanup())
})

function container() {
  const element = document.createElement('div')
  document.body.append(element)
  cleanups.push(() => element.remove())
  return element
}

describe('linkOrigins', () => {
  it('refuses a link outside the allowlist before any iframe, overlay or camera exists', async () => {
    const frames = watchAddedFrames()
    cleanups.push(frames.stop)
    const errors: HumanosLinkError[] = []
    const inline = createHumanosLink({
      link: `${HOSTILE}/link/s-inline`,
      container: container(),
      allowCamera: true,
      onError: (error) => errors.push(error),
    })
    const modal = createHumanosLink({
      link: `${HOSTILE}/link/s-modal`,
      mode: 'modal',
      allowCamera: true,
      linkOrigins: [ALLOWED],
      onError: (error) => errors.push(error),
    })
    modal.open()
    cleanups.push(inline.destroy, modal.destroy)
    // Refused synchronously: the handle is failed before anything could be mounted.
    expect(inline.getState().status).toBe('failed')
    expect(modal.getState()).toMatchObject({ status: 'failed', isOpen: false })
    expect(errors.map((error) => error.code)).toEqual(['invalid_link', 'invalid_link'])
    for (const error of errors) {
      expect(error.message).toContain(HOSTILE)
      expect(error.message).toContain('linkOrigins')
      expect(error.message).toContain('data-link-origins')
    }
    expect(errors[1]!.message).toContain(`Allowed: ${ALLOWED}.`)
    expect(inline.restart()).toBe(false)
    await Promise.resolve()
    expect(frames.added()).toEqual([])
    expect(document.querySelector('[allow~="camera"]')).toBeNull()
  })

  it('lets the pinned origin in, keeps its frame for an equal new list, drops it when unpinned', async () => {
    const frames = watchAddedFrames()
    cleanups.push(frames.stop)
    const onError = vi.fn()
    const flow = createLinkController({
      link: `${ALLOWED}/link/s-pinned`,
      allowCamera: true,
      linkOrigins: [ALLOWED],
      onError,
    })
    cleanups.push(flow.destroy)
    flow.mount(container())
    await vi.waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(1))
    const iframe = document.querySelector('iframe')!
    expect(iframe.allow).toBe('camera')
    // A React prop is a new array every render: same origins, same frame.
    const pinned = { link: `${ALLOWED}/link/s-pinned`, allowCamera: true, onError }
    flow.setOptions({ ...pinned, linkOrigins: [ALLOWED] })
    await Promise.resolve()
    expect(document.querySelector('iframe')).toBe(iframe)
    flow.setOptions({ ...pinned, linkOrigins: ['https://link.example'] })
    await vi.waitFor(() => expect(flow.getState().status).toBe('failed'))
    expect(document.querySelector('iframe')).toBeNull()
    expect(flow.getState().error).toMatchObject({ code: 'invalid_link' })
    expect(onError).toHaveBeenCalledOnce()
    expect(frames.added()).toEqual([iframe])
  })

  it('names the page origin and the setting to change when the organization refuses it', async () => {
    const box = container()
    const flow = createHumanosLink({ link: `${ALLOWED}/link/s-origin`, container: box })
    cleanups.push(flow.destroy)
    await vi.waitFor(() => expect(box.querySelector('iframe')).not.toBeNull())
    const iframe = box.querySelector('iframe')!
    window.dispatchEvent(
      new MessageEvent('message', {
        data: createLinkMessage('error', 's-origin', {
          code: 'origin_not_allowed',
          message: 'The website that opened this page is not allowed to use it.',
        }),
        origin: ALLOWED,
        source: iframe.contentWindow,
      }),
    )
    await vi.waitFor(() => expect(flow.getState().status).toBe('failed'))
    const error = flow.getState().error!
    expect(error.code).toBe('origin_not_allowed')
    expect(error.message).toContain(location.origin)
    expect(error.message).toContain("the organization's allowed origins")
    expect(error.message).toContain('SANDBOX_ALLOWED_ORIGINS')
    expect(box.querySelector('[role="alert"]')!.textContent).toBe(error.message)
  })
})
