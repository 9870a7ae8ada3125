import { ErrorCodes, HumanosLinkError, createHumanosLink } from '@humanos-link/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { linkUrl } from '@humanos-link/test-kit'
import { installHumanosLink } from './installHumanosLink.js'
import type { HumanosLinkGlobal } from './installHumanosLink.js'
import { VERSION } from './version.js'

afterEach(() => {
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

describe('installHumanosLink', () => {
  it('defines the global, the element and auto-mounting, once however often it runs', async () => {
    const define = vi.spyOn(customElements, 'define')
    const observe = vi.spyOn(MutationObserver.prototype, 'observe')
    const api = installHumanosLink()
    expect(window.HumanosLink).toBe(api)
    expect(api).toMatchObject({ create: createHumanosLink, ErrorCodes, HumanosLinkError })
    expect(api.version).toBe(VERSION)
    expect(Object.isFrozen(api)).toBe(true)
    expect(customElements.get('humanos-link')).toBeDefined()

    expect(installHumanosLink()).toBe(api)
    expect(define).toHaveBeenCalledOnce()
    expect(observe).toHaveBeenCalledOnce()

    // One observer: a marked element gets exactly one flow. Every flow asks for its key pair
    // as it starts, so once one frame exists a second flow would have asked too.
    const generateKey = vi.spyOn(crypto.subtle, 'generateKey')
    const el = document.createElement('div')
    el.dataset.humanosLink = linkUrl('sess-once')
    document.body.append(el)
    await vi.waitFor(() => expect(el.querySelector('iframe')).not.toBeNull())
    expect(generateKey).toHaveBeenCalledOnce()
    expect(document.querySelectorAll('iframe')).toHaveLength(1)
  })

  it('keeps another copy already on the page and says so when its version differs', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const other = { version: '9.9.9' } as HumanosLinkGlobal
    const win = { HumanosLink: other } as unknown as Window
    expect(installHumanosLink(win)).toBe(other)
    expect(win.HumanosLink).toBe(other)
    expect(String(warn.mock.calls[0]?.[0])).toContain('9.9.9')
  })
})
