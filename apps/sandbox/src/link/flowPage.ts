import type { CredentialRow } from '../db/rows.js'
import { documentShell } from './documentShell.js'
import type { FlowBoot } from './page/boot.js'
import type { PageLook } from './documentShell.js'
import { html } from './html.js'
import type { SafeHtml } from './html.js'
import { mandateCard } from './mandateCard.js'
import type { MandateView } from './mandateCard.js'
import { renderData } from './renderData.js'
import type { PageStrings } from './strings.js'

/** What the flow page shows. */
export interface FlowPageInput {
  strings: PageStrings
  look: PageLook
  boot: FlowBoot
  requestName: string | null
  credentials: CredentialRow[]
  /** The mandate of each POLICY credential that names an action, by credential id. */
  mandates: ReadonlyMap<string, MandateView>
  identityStep: boolean
  maskedContact: string
  /** Show the sandbox banner (says where the code went, never the code). */
  banner: boolean
  undeliverable: boolean
}

// The page that can decide never carries the code: whoever holds the link would hold both.
// The code goes out of band, to the sandbox inbox (`/_sandbox/inbox`), as a real one would.
function banner(input: FlowPageInput): SafeHtml | null {
  if (!input.banner) return null
  const { strings: t } = input
  const detail = input.undeliverable
    ? html`<span>${t.sandboxUndeliverable}</span>`
    : html`<span>${t.sandboxCode}</span>`
  return html`<aside class="sandbox-banner" aria-label="Sandbox">
    <strong class="sandbox-tag">SANDBOX</strong> <span>${t.sandboxBanner}</span> ${detail}
  </aside>`
}

function credentialItem(t: PageStrings, row: CredentialRow, mandate?: MandateView): SafeHtml {
  const data = row.data === null ? null : (JSON.parse(row.data) as unknown)
  return html`<li class="card">
    <p class="card-type">${t.types[row.type]}</p>
    <h2 class="card-title">${row.name}</h2>
    ${row.description ? html`<p class="card-description">${row.description}</p>` : null}
    ${data === null ? null : html`<div class="card-data">${renderData(data)}</div>`}
    ${mandate ? mandateCard(t, mandate) : null}
  </li>`
}

// The first step is visible without the script, so the page is never blank.
function step(name: string, title: string, body: SafeHtml): SafeHtml {
  const hidden = name === 'review' ? null : html` hidden`
  return html`<section class="step" data-step="${name}" aria-labelledby="${name}-title" ${hidden}>
    <h1 id="${name}-title" class="step-title" tabindex="-1">${title}</h1>
    ${body}
  </section>`
}

/** The approval flow: every step rendered on the server, shown one at a time by the script. */
export function renderFlowPage(input: FlowPageInput): string {
  const { strings: t } = input
  const names = input.credentials.map((row) => html`<li>${row.name}</li>`)
  const intro = t.verifyIntro.split('{contact}')
  const body = html`
    <div class="alert" id="alert" role="alert" aria-live="assertive" hidden></div>
    <p class="status" id="status" role="status" aria-live="polite"></p>
    ${step(
      'review',
      input.requestName ?? t.reviewTitle,
      html`${
          input.credentials.length > 0
            ? html`<p>${t.reviewIntro}</p>
                <ol class="cards">
                  ${input.credentials.map((row) => credentialItem(t, row, input.mandates.get(row.id)))}
                </ol>`
            : html`<p>${t.reviewEmpty}</p>`
        }
        ${input.identityStep ? html`<p class="note">${t.reviewIdentity}</p>` : null}
        <div class="actions">
          <button type="button" class="button primary" data-action="continue">${t.continue}</button>
          ${input.look.mode === 'standalone' ? null : html`<button type="button" class="button secondary" data-action="close">${t.cancel}</button>`}
        </div>`,
    )}
    ${step(
      'verify',
      t.verifyTitle,
      html`<p>${intro[0]}<strong>${input.maskedContact}</strong>${intro[1]}</p>
        <form class="otp-form" data-form="otp" novalidate>
          <label for="otp">${t.codeLabel}</label>
          <input
            id="otp"
            name="otp"
            class="otp-input"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            maxlength="6"
            required
            aria-describedby="otp-hint"
          />
          <p id="otp-hint" class="hint">${t.codeHint}</p>
          <div class="actions">
            <button type="submit" class="button primary">${t.verify}</button>
            <button type="button" class="button secondary" data-action="resend">${t.resend}</button>
          </div>
        </form>
        <p class="hint" id="resend-status" aria-live="polite"></p>`,
    )}
    ${
      input.identityStep
        ? step(
            'identity',
            t.identityTitle,
            html`<p>${t.identityIntro}</p>
              <div class="camera">
                <video
                  id="camera"
                  class="camera-video"
                  playsinline
                  muted
                  aria-label="${t.cameraPreview}"
                  hidden
                ></video>
              </div>
              <div class="actions">
                <button type="button" class="button secondary" data-action="camera">
                  ${t.cameraStart}
                </button>
                <button type="button" class="button primary" data-action="capture" disabled>
                  ${t.cameraCapture}
                </button>
              </div>`,
          )
        : null
    }
    ${
      input.credentials.length > 0
        ? step(
            'decide',
            t.decideTitle,
            html`<p>${t.decideIntro}</p>
              <ul class="summary">
                ${names}
              </ul>
              <div class="actions">
                <button type="button" class="button primary" data-action="accept">
                  ${t.accept}
                </button>
                <button type="button" class="button danger" data-action="reject">
                  ${t.reject}
                </button>
              </div>`,
          )
        : null
    }
    ${step(
      'done',
      t.doneAcceptedTitle,
      html`<p data-done-text>${t.doneAccepted}</p>
        <a class="button primary" data-redirect hidden>${t.redirect}</a>`,
    )}
  `
  return documentShell({
    strings: t,
    look: input.look,
    boot: input.boot,
    banner: banner(input),
    body,
  })
}
