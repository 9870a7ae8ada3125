import { html } from './html.js'
import type { SafeHtml } from './html.js'

const MAX_DEPTH = 6
const MAX_ITEMS = 200

function label(key: string): string {
  // `firstName` / `first_name` read better as "first name".
  return key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
}

/**
 * Shows a credential's `data` (any JSON) as readable HTML: text as paragraphs, objects as
 * definition lists, arrays as lists. Everything is escaped; depth and size are capped so a
 * large document cannot stall the page.
 */
export function renderData(value: unknown, depth = 0): SafeHtml {
  if (value === null || value === undefined) return html``
  if (depth >= MAX_DEPTH) return html`<p class="data-more">…</p>`
  if (typeof value === 'string') {
    return html`${value
      .split(/\n{2,}/)
      .slice(0, MAX_ITEMS)
      .map((paragraph) => html`<p class="data-text">${paragraph}</p>`)}`
  }
  if (typeof value !== 'object') return html`<p class="data-text">${String(value)}</p>`
  if (Array.isArray(value)) {
    return html`<ul class="data-list">
      ${value.slice(0, MAX_ITEMS).map((item) => html`<li>${renderData(item, depth + 1)}</li>`)}
    </ul>`
  }
  const entries = Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS)
  return html`<dl class="data-fields">
    ${entries.map(
      ([key, item]) =>
        html`<div class="data-field">
          <dt>${label(key)}</dt>
          <dd>${renderData(item, depth + 1)}</dd>
        </div>`,
    )}
  </dl>`
}
