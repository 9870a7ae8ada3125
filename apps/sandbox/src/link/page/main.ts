/*
 * The Humanos Link page script (bundled to /assets/link/main.js: the page's CSP allows no
 * inline script). It drives the steps and talks to the host page. It never sees a decision in
 * clear: the sandbox seals every result to the host's key and this script only forwards them.
 * 1. Read the boot data the server rendered into #link-boot.
 * 2. Post `ready` (or, on an error page, the one `error` message) and keep `resize` current.
 * 3. Walk review → code → identity (KYC) → decision → done, posting progress `event`s.
 * 4. Post each sealed `result`, then `complete` with their count; `exit` when the flow ends
 *    without completing: the close button, or Escape in a modal (link-protocol.md section 5:
 *    keys pressed in this cross-origin frame never reach the host, so the frame reports them).
 */
import { readBoot } from './boot.js'
import { runFlow } from './flow.js'
import type { FlowState } from './flow.js'
import { createMessenger } from './messenger.js'
import { createView } from './view.js'

const boot = readBoot()
const messenger = createMessenger(boot, document.getElementById('app')!)
const state: FlowState = { finished: false }
const modal = document.documentElement.dataset.mode === 'modal'

const view =
  boot.mode === 'flow'
    ? createView({
        working: boot.t.working,
        redirectUrl: boot.redirectUrl,
        onStepViewed: (step) => messenger.event('STEP_VIEWED', { step }),
        reportHeight: messenger.reportHeight,
      })
    : null

/** The person leaves: the host hears `exit` `user_closed`, once, unless the flow had ended. */
function leave() {
  if (state.finished) return
  state.finished = true
  messenger.post('exit', { reason: 'user_closed' })
  if (boot.mode === 'flow') view?.showEnd(boot.t.closedTitle, boot.t.closed)
}

document.querySelectorAll('[data-action="close"]').forEach((button) => {
  button.addEventListener('click', leave)
})
if (modal) {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') leave()
  })
}

if (boot.mode === 'error') messenger.post('error', { code: boot.code, message: boot.message })
else runFlow(boot, messenger, view!, state)
