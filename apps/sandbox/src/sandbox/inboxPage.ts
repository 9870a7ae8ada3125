// `GET /_sandbox/inbox`: the messages the sandbox "sent", as a person's inbox shows them, so a
// newcomer can read the one-time code beside the flow without reading logs. The Link page itself
// never carries the code (a stolen link must not be enough to decide); this page answers only
// callers on this machine (see loopbackOnly.ts). Plain HTML, no script, never framed.
import { Hono } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context.js'
import { listOutbox } from '../db/outboxStore.js'
import type { OutboxMessage } from '../db/outboxStore.js'
import type { AppEnv } from '../http/appEnv.js'
import { validate } from '../http/jsonBody.js'
import { html } from '../link/html.js'

const inboxQuery = z.strictObject({ contact: z.string().min(1).max(254).optional() })

const INBOX_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}
li{border:1px solid #8884;border-radius:.5rem;padding:.75rem 1rem;margin:.5rem 0;list-style:none}
ul{padding:0}.code{font:700 1.5rem ui-monospace,monospace;letter-spacing:.15em}
.meta{color:#666;font-size:.875rem}`

function message(m: OutboxMessage, showCodes: boolean) {
  const code =
    m.status !== 'sent'
      ? html`<p>Not delivered: ${m.error ?? 'undeliverable'}</p>`
      : showCodes && m.code !== null
        ? html`<p>
            Your Humanos code: <strong class="code" data-testid="inbox-code">${m.code}</strong>
          </p>`
        : html`<p>(Codes are hidden: SANDBOX_SHOW_CODES=false.)</p>`
  return html`<li data-contact="${m.contact}">
    <p class="meta">To ${m.contact} by ${m.channel}, ${m.createdAt} (${m.reason})</p>
    ${code}
    <p class="meta">Link: ${m.link}</p>
  </li>`
}

/** The inbox page; `?contact=` shows one person's messages. */
export function inboxRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/_sandbox/inbox', async (c) => {
    const query = await validate(inboxQuery, c.req.query(), 'query')
    const contact = query.contact?.includes('@') ? query.contact.toLowerCase() : query.contact
    const messages = listOutbox(ctx.db, c.get('org').id, contact, 20)
    const page = html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title>Sandbox inbox${contact ? ` – ${contact}` : ''}</title>
          <style>
            ${STYLE}
          </style>
        </head>
        <body>
          <h1>Sandbox inbox${contact ? html` for ${contact}` : null}</h1>
          <p class="meta">
            What the sandbox would have sent by email or SMS, newest first. Only this machine can
            read it.
          </p>
          ${
            messages.length === 0
              ? html`<p>No messages yet.</p>`
              : html`<ul>
                  ${messages.map((m) => message(m, ctx.config.showCodes))}
                </ul>`
          }
        </body>
      </html>`
    return c.html(page.value, 200, INBOX_HEADERS)
  })
  return app
}
