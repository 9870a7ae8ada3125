// Markup cannot summon a frame (issue 15 item 5): HTML that survives a sanitizer (DOMPurify
// keeps `data-*`) mounts nothing outside the Link-origin allowlist, gets no camera and no
// overlay, and only the SDK's own `invalid_link` error reaches the page's listeners.
import { createHumanosLink } from '@humanos-link/core'
import type { HumanosLinkError } from '@humanos-link/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startAutoMount } from './autoMount.js'
import { defineHumanosLinkElement } from './humanosLinkElement.js'
import type { HumanosLinkElement } from './humanosLinkElement.js'
import { installHumanosLink } from './installHumanosLink.js'
import {
  UNREACHABLE_LINK_ORIGIN as FRAME_ORIGIN,
  fakeLinkFrame,
  linkUrl,
  watchAddedFrames,
} from '@humanos-link/test-kit'
import { recordEvents } from './testing/recordEvents.js'

const HOSTILE = 'https://evil.example'

const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup())
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

// What an attacker's comment or profile field would carry, after sanitizing.
const INJECTED = `
  <div id="inline" data-humanos-link="${HOSTILE}/link/a" data-allow-camera></div>
  <button id="modal" data-humanos-link="${HOSTILE}/link/b" data-mode="modal" data-allow-camera>Win</button>
  <div id="widen" data-humanos-link="${HOSTILE}/link/c" data-link-origins="${HOSTILE}" data-allow-camera></div>
  <humanos-link id="element" link="${HOSTILE}/link/d" link-origins="${HOSTILE}" allow-camera></humanos-link>`

describe('the Link-origin allowlist in the embed', () => {
  it('mounts nothing for hostile markup: no frame, no overlay, no camera, only invalid_link', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    defineHumanosLinkElement()
    cleanups.push(startAutoMount())
    const frames = watchAddedFrames()
    cleanups.push(frames.stop)
    const events = recordEvents(document)
    const section = document.createElement('section')
    section.innerHTML = INJECTED
    document.body.append(section)
    await vi.waitFor(() => expect(events).toHaveLength(4))
    section.querySelector<HTMLButtonElement>('#modal')!.click()
    await Promise.resolve()
    const seen = events.map((event) => `${event.type} #${(event.target as Element).id}`)
    expect(seen.sort()).toEqual(['error #element', 'error #inline', 'error #modal', 'error #widen'])
    for (const { detail } of events) {
      expect(detail).toMatchObject({ code: 'invalid_link' })
      expect((detail as HumanosLinkError).message).toContain(HOSTILE)
    }
    expect(section.querySelector<HumanosLinkElement>('#element')!.status).toBe('failed')
    expect(frames.added()).toEqual([])
    expect(document.querySelector('[allow~="camera"]')).toBeNull()
  })

  it('pins every flow to the page allowlist; only a script widens one element', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    // The script tag's `data-link-origins="https://link.example"`: the test frame's loopback
    // origin, allowed by default on this loopback page, is now outside.
    const api = installHumanosLink(window, { linkOrigins: ['https://link.example'] })
    const events = recordEvents(document)
    const frames = watchAddedFrames()
    cleanups.push(frames.stop)
    const marked = document.createElement('div')
    marked.id = 'marked'
    marked.dataset.humanosLink = linkUrl('sess-marked')
    const element = document.createElement('humanos-link')
    element.id = 'element'
    element.setAttribute('link', linkUrl('sess-element'))
    document.body.append(marked, element)
    const created = api.create({ link: linkUrl('sess-create'), container: marked })
    cleanups.push(created.destroy)
    expect(created.getState().error?.message).toContain(`${FRAME_ORIGIN} is not`)
    await vi.waitFor(() => expect(events.map((event) => event.type)).toEqual(['error', 'error']))
    expect(frames.added()).toEqual([])
    // An explicit list still wins for script-made flows.
    const own = createHumanosLink({
      link: linkUrl('sess-own'),
      container: marked,
      linkOrigins: [FRAME_ORIGIN],
    })
    cleanups.push(own.destroy)
    expect(own.getState().status).toBe('loading')
    // A property, which markup cannot set: the element's own list replaces the page's.
    element.linkOrigins = [FRAME_ORIGIN]
    await vi.waitFor(() => expect(element.querySelector('iframe')).not.toBeNull())
    fakeLinkFrame(element.querySelector('iframe')!).ready()
    await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ type: 'ready', target: element }))
  })
})
