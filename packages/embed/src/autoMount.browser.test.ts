import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialDecision, fakeLinkFrame, linkUrl, nextTask } from '@humanos-link/test-kit'
import { startAutoMount } from './autoMount.js'
import { recordEvents } from './testing/recordEvents.js'

let stop: () => void

function marked(link: string, data: Record<string, string> = {}, tag = 'div'): HTMLElement {
  const el = document.createElement(tag)
  el.dataset.humanosLink = link
  Object.assign(el.dataset, data)
  return el
}

const frameIn = async (el: Element) => {
  await vi.waitFor(() => expect(el.querySelector('iframe')).not.toBeNull())
  return el.querySelector('iframe')!
}

beforeEach(() => {
  stop = () => {}
})

afterEach(() => {
  stop()
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

describe('startAutoMount', () => {
  it('mounts the marked elements already in the page', async () => {
    const el = marked(linkUrl('sess-present'), { lang: 'ENG' })
    document.body.append(el)
    stop = startAutoMount()
    const src = new URL((await frameIn(el)).src)
    expect(src.pathname).toBe('/link/sess-present')
    expect(src.searchParams.get('lang')).toBe('ENG')
  })

  it('mounts elements added later, also deep inside an added subtree', async () => {
    stop = startAutoMount()
    const section = document.createElement('section')
    const inner = marked(linkUrl('sess-deep'))
    section.append(document.createElement('p'), inner)
    const direct = marked(linkUrl('sess-direct'))
    document.body.append(section, direct)
    await frameIn(inner)
    await frameIn(direct)
    expect(document.querySelectorAll('iframe')).toHaveLength(2)
  })

  it('dispatches the humanos-link events on the marked element', async () => {
    stop = startAutoMount()
    const el = marked(linkUrl('sess-events'))
    const events = recordEvents(document)
    document.body.append(el)
    const frame = fakeLinkFrame(await frameIn(el))
    frame.ready()
    await frame.decide('accept', {
      payload: () => credentialDecision({ name: 'Marketing emails' }),
    })
    await vi.waitFor(() => expect(events.map((e) => e.type)).toContain('success'))
    const decision = events.find((e) => e.type === 'decision')!
    expect(decision.target).toBe(el)
    expect(decision.detail).toMatchObject({ credential: { name: 'Marketing emails' } })
  })

  it('destroys the flow when the element is removed, with its subtree', async () => {
    stop = startAutoMount()
    const wrapper = document.createElement('div')
    const el = marked(linkUrl('sess-removed'))
    wrapper.append(el)
    document.body.append(wrapper)
    await frameIn(el)
    wrapper.remove()
    await vi.waitFor(() => expect(el.querySelector('iframe')).toBeNull())
  })

  it('re-creates the flow when a data attribute changes, and drops it with the marker', async () => {
    stop = startAutoMount()
    const el = marked(linkUrl('sess-x'))
    document.body.append(el)
    const first = await frameIn(el)
    el.dataset.humanosLink = linkUrl('sess-y')
    el.dataset.theme = 'dark'
    await vi.waitFor(() => expect(el.querySelector('iframe')).not.toBe(first))
    const src = new URL((await frameIn(el)).src)
    expect(src.pathname).toBe('/link/sess-y')
    expect(src.searchParams.get('theme')).toBe('dark')
    expect(el.querySelectorAll('iframe')).toHaveLength(1)
    delete el.dataset.humanosLink
    await vi.waitFor(() => expect(el.querySelector('iframe')).toBeNull())
  })

  it('keeps the flow when a data attribute is set to the value it already has', async () => {
    stop = startAutoMount()
    const el = marked(linkUrl('sess-same'), { theme: 'dark' })
    document.body.append(el)
    const first = await frameIn(el)
    el.dataset.theme = 'dark'
    el.dataset.humanosLink = linkUrl('sess-same')
    await nextTask()
    expect(el.querySelector('iframe')).toBe(first)
  })

  it('leaves the data attributes of unmarked elements alone, without warnings', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    stop = startAutoMount()
    const el = marked(linkUrl('sess-page-theme'))
    document.body.append(el)
    await frameIn(el)
    // A page's own dark-mode switch, say: not a flow option.
    document.documentElement.dataset.theme = 'system'
    document.body.dataset.mode = 'dark'
    await nextTask()
    delete document.documentElement.dataset.theme
    delete document.body.dataset.mode
    expect(warn).not.toHaveBeenCalled()
    expect(document.querySelectorAll('iframe')).toHaveLength(1)
  })

  it('opens a modal flow when its element is clicked', async () => {
    stop = startAutoMount()
    const button = marked(linkUrl('sess-button'), { mode: 'modal' }, 'button')
    button.textContent = 'Approve'
    document.body.append(button)
    await vi.waitFor(() => expect(document.querySelector('dialog iframe')).not.toBeNull())
    const dialog = document.querySelector('dialog')!
    expect(dialog.open).toBe(false)
    button.click()
    expect(dialog.open).toBe(true)
    expect(button.querySelector('iframe')).toBeNull()
  })

  it('leaves <humanos-link> elements to themselves', async () => {
    stop = startAutoMount()
    const el = marked(linkUrl('sess-tag'), {}, 'humanos-link')
    document.body.append(el, marked(linkUrl('sess-div')))
    await vi.waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(1))
    expect(el.querySelector('iframe')).toBeNull()
  })

  it('stops watching and destroys every flow it mounted when stopped', async () => {
    stop = startAutoMount()
    const el = marked(linkUrl('sess-stop'))
    document.body.append(el)
    await frameIn(el)
    stop()
    await vi.waitFor(() => expect(el.querySelector('iframe')).toBeNull())
    // Not watched any more: a marked element added now gets no flow. A flow's view would be
    // there once the observer's records and the controller's update (microtasks) had run,
    // which is before the next animation frame.
    document.body.append(marked(linkUrl('sess-after')))
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
    expect(document.querySelectorAll('.humanos-link, iframe')).toHaveLength(0)
  })
})
