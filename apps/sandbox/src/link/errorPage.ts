import { documentShell } from './documentShell.js'
import type { PageLook } from './documentShell.js'
import { FRAME_ERROR_CODES } from '@humanos-link/core/protocol'
import { html } from './html.js'
import type { PageStrings } from './strings.js'
import { englishError } from './strings.js'

/**
 * The page for a flow that cannot start (link-protocol section 5). Its script posts only the
 * content-free `error` message, and only when `postTo` is a valid origin.
 */
export function renderErrorPage(input: {
  strings: PageStrings
  look: PageLook
  sessionId: string
  code: string
  postTo: string | null
  message?: string
  /** What the developer should change; posted as the message and shown under the text. */
  detail?: string
}): string {
  const { strings, code } = input
  const text = strings.errors[code] ?? strings.genericError
  return documentShell({
    strings,
    look: input.look,
    banner: null,
    boot: {
      mode: 'error',
      sessionId: input.sessionId,
      origin: input.postTo,
      // The page may say more (`rate_limited`); the host hears only a protocol code.
      code: (FRAME_ERROR_CODES as readonly string[]).includes(code) ? code : 'internal',
      message: input.detail ?? input.message ?? englishError(code),
    },
    body: html`<section class="step" aria-labelledby="error-title">
      <div class="notice notice-error" role="alert">
        <h1 id="error-title" tabindex="-1">${strings.errorTitle}</h1>
        <p>${text}</p>
        ${input.detail === undefined ? '' : html`<p class="developer-note">${input.detail}</p>`}
      </div>
    </section>`,
  })
}
