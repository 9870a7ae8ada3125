import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { credentialDecision, fakeLinkFrame, linkUrl, nextTask } from '@humanos-link/test-kit'
import { HumanosLinkElement, defineHumanosLinkElement } from './humanosLinkElement.js'
import { recordEvents } from './testing/recordEvents.js'

beforeAll(() => {
  defineHumanosLinkElement()
})

afterEach(() => {
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

function element(attributes: Record<string, string>): HumanosLinkElement {
  const el = document.createElement('humanos-link')
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value)
  return el
}

const iframes = () => Array.from(document.querySelectorAll('iframe'))

async function onlyFrame(): Promise<HTMLIFrameElement> {
  await vi.waitFor(() => expect(iframes()).toHaveLength(1))
  return iframes()[0]!
}

describe('<humanos-link>', () => {
  it('embeds the flow inline with the options from its attributes', async () => {
    const el = element({ link: linkUrl('sess-a'), lang: 'prt', theme: 'dark', 'allow-camera': '' })
    document.body.append(el)
    const iframe = await onlyFrame()
    expect(el.contains(iframe)).toBe(true)
    const src = new URL(iframe.src)
    expect(src.pathname).toBe('/link/sess-a')
    expect(src.searchParams.get('lang')).toBe('PRT')
    expect(src.searchParams.get('theme')).toBe('dark')
    expect(src.searchParams.get('mode')).toBe('inline')
    expect(src.searchParams.get('postMessageOrigin')).toBe(location.origin)
    expect(iframe.allow).toBe('camera')
    expect(el.status).toBe('loading')
  })

  it('turns the flow into bubbling, composed DOM events with the decrypted decision', async () => {
    const el = element({ link: linkUrl('sess-events') })
    const events = recordEvents(document)
    document.body.append(el)
    const frame = fakeLinkFrame(await onlyFrame())
    frame.ready()
    await frame.decide('accept', { payload: () => credentialDecision({ name: 'Share my email' }) })
    await vi.waitFor(() => expect(el.status).toBe('completed'))

    const types = events.filter((e) => e.type !== 'event').map((e) => e.type)
    expect(types).toEqual(['ready', 'decision', 'success'])
    expect(events.every((e) => e.target === el)).toBe(true)
    const decision = events.find((e) => e.type === 'decision')!.detail
    expect(decision).toMatchObject({ credential: { name: 'Share my email' } })
    expect(events.find((e) => e.type === 'success')!.detail).toEqual([decision])
    expect(events.find((e) => e.type === 'event')!.detail).toMatchObject({ type: 'ready' })
  })

  it('dispatches events that cross a shadow root', async () => {
    const host = document.createElement('div')
    const shadow = host.attachShadow({ mode: 'open' })
    const el = element({ link: linkUrl('sess-shadow') })
    shadow.append(el)
    const events = recordEvents(document)
    document.body.append(host)
    await vi.waitFor(() => expect(shadow.querySelector('iframe')).not.toBeNull())
    fakeLinkFrame(shadow.querySelector('iframe')!).exit('user_closed')
    await vi.waitFor(() => expect(events.map((e) => e.type)).toContain('exit'))
    expect(events.find((e) => e.type === 'exit')!.detail).toBe('user_closed')
  })

  it('re-creates the flow once when several attributes change together', async () => {
    const el = element({ link: linkUrl('sess-1') })
    document.body.append(el)
    const first = await onlyFrame()
    el.setAttribute('link', linkUrl('sess-2'))
    el.setAttribute('lang', 'ENG')
    el.setAttribute('theme', 'light')
    await vi.waitFor(() => expect(iframes()[0]).not.toBe(first))
    await Promise.resolve()
    const [second] = iframes()
    expect(iframes()).toHaveLength(1)
    expect(first.isConnected).toBe(false)
    const src = new URL(second!.src)
    expect(src.pathname).toBe('/link/sess-2')
    expect(src.searchParams.get('lang')).toBe('ENG')
    // A new flow has a new key pair.
    expect(src.searchParams.get('pubKey')).not.toBe(new URL(first.src).searchParams.get('pubKey'))
  })

  it('keeps the flow when an attribute is set to the value it already has', async () => {
    const el = element({ link: linkUrl('sess-same') })
    document.body.append(el)
    const first = await onlyFrame()
    el.setAttribute('link', linkUrl('sess-same'))
    await nextTask()
    expect(iframes()).toEqual([first])
  })

  it('waits for a link set after insertion, and destroys the flow when it is removed', async () => {
    const el = element({})
    document.body.append(el)
    await Promise.resolve()
    expect(iframes()).toHaveLength(0)
    expect(el.status).toBe('idle')
    el.setAttribute('link', linkUrl('sess-late'))
    await onlyFrame()
    el.removeAttribute('link')
    await vi.waitFor(() => expect(iframes()).toHaveLength(0))
    expect(el.status).toBe('idle')
  })

  it('destroys the flow when it leaves the document and makes a new one when it comes back', async () => {
    const el = element({ link: linkUrl('sess-move') })
    document.body.append(el)
    const first = await onlyFrame()
    el.remove()
    await vi.waitFor(() => expect(el.querySelector('iframe')).toBeNull())
    expect(el.status).toBe('idle')
    document.body.append(el)
    const second = await onlyFrame()
    expect(second).not.toBe(first)
  })

  it('opens and closes a modal flow; nothing renders inside the element', async () => {
    const el = element({ link: linkUrl('sess-modal'), mode: 'modal' })
    document.body.append(el)
    // open() right after insertion works: the intent is kept until the frame exists.
    el.open()
    await vi.waitFor(() => expect(document.querySelector('dialog')?.open).toBe(true))
    const dialog = document.querySelector('dialog')!
    await vi.waitFor(() => expect(dialog.querySelector('iframe')).not.toBeNull())
    expect(el.querySelector('iframe')).toBeNull()
    el.close()
    expect(dialog.open).toBe(false)
    el.remove()
    await vi.waitFor(() => expect(document.querySelector('dialog')).toBeNull())
  })

  it('reports an invalid link as an invalid_link error event, without throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const el = element({ link: 'http://evil.example/link/x' })
    const events = recordEvents(el)
    document.body.append(el)
    await vi.waitFor(() => expect(events).toHaveLength(1))
    const error = events[0]!.detail as { name: string; code: string; message: string }
    expect(error.name).toBe('HumanosLinkError')
    expect(error.code).toBe('invalid_link')
    expect(error.message).toMatch(/https/)
    expect(warn).toHaveBeenCalledOnce()
    expect(iframes()).toHaveLength(0)
    // The same state as every other entry point: failed, with invalid_link.
    expect(el.status).toBe('failed')
  })

  it('says once on the console that an element without a link shows nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const el = element({ lang: 'ENG' })
    document.body.append(el)
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce())
    expect(String(warn.mock.calls[0]![0])).toMatch(/<humanos-link>.*no link.*\/link\/<id>/)
    el.setAttribute('theme', 'dark')
    el.setAttribute('link', linkUrl('sess-late-link'))
    await onlyFrame()
    expect(warn).toHaveBeenCalledOnce()
  })

  it('falls back to inline for an unknown mode and ignores a bad theme, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    document.body.append(element({ link: linkUrl('sess-typo'), mode: 'modl', theme: 'blue' }))
    const src = new URL((await onlyFrame()).src)
    expect(src.searchParams.get('mode')).toBe('inline')
    expect(src.searchParams.has('theme')).toBe(false)
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('modl'),
      expect.stringContaining('blue'),
    ])
  })

  it('registers once: defining again returns the existing class', () => {
    expect(customElements.get('humanos-link')).toBe(HumanosLinkElement)
    expect(() => defineHumanosLinkElement()).not.toThrow()
    class Other extends HTMLElement {}
    const registry = { get: () => Other, define: vi.fn() } as unknown as CustomElementRegistry
    expect(defineHumanosLinkElement(registry)).toBe(Other)
    expect(registry.define).not.toHaveBeenCalled()
  })
})
