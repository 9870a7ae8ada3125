// The review step's view of a mandate (humanos-mandates.md section 3): the action's name and
// description, then each limit the person approves in words they can judge ("Maximum amount
// per payment: 50"), lists as lists. Everything passes through the escaping template.
import type { ActionContent, ParamType } from '../mandates/actionContent.js'
import { html } from './html.js'
import type { SafeHtml } from './html.js'

/** The words the card needs, in the page's language. */
export interface MandateStrings {
  htmlLang: string
  mandateAction: string
  mandateLimits: string
  yes: string
  no: string
}

/** What a mandate credential shows: the pinned version's content and the approved values. */
export interface MandateView {
  content: ActionContent
  userParams: Record<string, unknown>
}

function label(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function scalar(t: MandateStrings, value: unknown): string {
  if (typeof value === 'boolean') return value ? t.yes : t.no
  if (typeof value === 'number') {
    return new Intl.NumberFormat(t.htmlLang, { maximumFractionDigits: 20 }).format(value)
  }
  return String(value)
}

function valueOf(t: MandateStrings, type: ParamType, value: unknown): SafeHtml {
  if (Array.isArray(value) && type.startsWith('array<')) {
    return html`<ul class="data-list">
      ${value.map((item) => html`<li>${scalar(t, item)}</li>`)}
    </ul>`
  }
  return html`${scalar(t, value)}`
}

/** The mandate part of a POLICY credential's card. */
export function mandateCard(t: MandateStrings, view: MandateView): SafeHtml {
  const { content, userParams } = view
  const limits = Object.entries(content.userParams)
  return html`<div class="mandate" data-testid="mandate">
    <p class="mandate-heading">${t.mandateAction}</p>
    <h3 class="mandate-name">${content.name}</h3>
    ${content.description ? html`<p class="card-description">${content.description}</p>` : null}
    ${
      limits.length > 0
        ? html`<p class="mandate-heading">${t.mandateLimits}</p>
            <dl class="data-fields mandate-limits">
              ${limits.map(
                ([name, param]) =>
                  html`<div class="data-field" data-param="${name}">
                    <dt>${param.description ?? label(name)}</dt>
                    <dd>${valueOf(t, param.type, userParams[name])}</dd>
                  </div>`,
              )}
            </dl>`
        : null
    }
  </div>`
}
