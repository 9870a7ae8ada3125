// The fake Link frame as a real cross-origin page (Playwright and Storybook): the kit's one
// frame (`linkFrame.ts`) posting to `window.parent`, with buttons a person can press. The Link
// URL's own query picks a scenario:
//   (none)        post `ready`, `resize` and a `STEP_VIEWED` event, then wait for a button
//   silent=1      post nothing on load (a load timeout); a test may still drive the frame
//                 through `window.testLinkFrame` (for example `ready()` after the timeout)
//   error=<code>  post only an `error` with that code
//   results=<n>   Accept / Reject send n results (default 1)
//   count=<n>     `complete` claims n results (default: the number sent)
//   tamper=1      results are sealed, then one ciphertext byte is changed (decryption_failed)
// The page honours the `theme=dark` and `lang=PRT` the host adds, reports Escape as
// `exit('user_closed')` as link-protocol.md section 5 asks of a modal, and lets its embedding
// page click its buttons by message (`{ testClick: 'accept' }`) for Storybook play functions,
// which cannot reach into a cross-origin frame.
import { createLinkFrame, frameParamsOf } from '../linkFrame.js'
import type { LinkFrame } from '../linkFrame.js'
import { translate } from './frameStrings.js'

declare global {
  interface Window {
    /** The page's frame, for tests that drive it from Playwright (`frame.evaluate`). */
    testLinkFrame: LinkFrame
  }
}

const params = new URLSearchParams(location.search)
const frameParams = frameParamsOf(location.href)
const element = (id: string) => {
  const found = document.getElementById(id)
  if (!found) throw new Error(`The frame page has no #${id}`)
  return found
}
const state = element('state')
const t = translate(params.get('lang'))

if (params.get('lang') === 'PRT') {
  document.documentElement.lang = 'pt'
  for (const el of document.querySelectorAll('h1, p, button'))
    el.textContent = t(el.textContent ?? '')
}
if (params.get('theme') === 'dark') {
  document.documentElement.style.colorScheme = 'dark'
  Object.assign(document.body.style, { background: '#0f172a', color: '#e2e8f0' })
}

// Never '*': the browser delivers a message only if the parent really has this origin.
const frame = createLinkFrame(frameParams, (message) =>
  window.parent.postMessage(message, frameParams.hostOrigin),
)
window.testLinkFrame = frame

async function decide(action: 'accept' | 'reject') {
  const results = Number(params.get('results') ?? 1)
  await frame.decide(action, {
    results,
    claimCount: params.has('count') ? Number(params.get('count')) : undefined,
    tamper: params.has('tamper'),
  })
  state.textContent = t(action === 'accept' ? 'Accepted' : 'Rejected')
}

function exit(reason: 'user_closed' | 'canceled') {
  frame.exit(reason)
  state.textContent = t('Exited')
}

element('accept').addEventListener('click', () => void decide('accept'))
element('reject').addEventListener('click', () => void decide('reject'))
element('cancel').addEventListener('click', () => exit('canceled'))
// Keys pressed in a cross-origin frame never reach the host, so the frame reports Escape.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') exit('user_closed')
})
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || event.origin !== frameParams.hostOrigin) return
  const data: unknown = event.data
  if (typeof data === 'object' && data !== null && 'testClick' in data) {
    if (typeof data.testClick === 'string') document.getElementById(data.testClick)?.click()
  }
})

const error = params.get('error')
if (error !== null) {
  frame.error(error, 'Test error')
  state.textContent = t('Error')
} else if (!params.has('silent')) {
  frame.ready()
  // The content's height (not the viewport's), as the host sizes the frame to it.
  frame.resize(Math.ceil(element('main').getBoundingClientRect().bottom + 16))
  frame.event('STEP_VIEWED', { step: 'review' })
  state.textContent = t('Ready')
}
