import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import { SANDBOX_DEFAULTS, signedClient } from '@humanos-link/test-kit/node'

// The local sandbox (`pnpm sandbox`) and its public laptop defaults (apps/sandbox/src/config.ts),
// overridable with the same variables the sandbox reads.
const SANDBOX = process.env.HUMANOS_SANDBOX_URL ?? 'http://127.0.0.1:4010'
const API_KEY = process.env.SANDBOX_API_KEY ?? SANDBOX_DEFAULTS.apiKey
const SIGNATURE_SECRET = process.env.SANDBOX_SIGNATURE_SECRET ?? SANDBOX_DEFAULTS.signatureSecret

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(body))
}

async function allowedOrigins(): Promise<string[]> {
  const res = await fetch(`${SANDBOX}/_sandbox/settings`)
  return ((await res.json()) as { allowedOrigins: string[] }).allowedOrigins
}

// `POST /request`, signed as a backend signs it (HMAC-SHA256 over `<timestamp>.<body>`).
const api = signedClient(SANDBOX, { apiKey: API_KEY, secret: SIGNATURE_SECRET })

async function createRequest(contact: string, lang: string) {
  const res = await api('POST', '/request', {
    body: {
      contacts: [contact],
      name: 'Storybook request',
      language: lang,
      credentials: [
        { type: 'CONSENT', name: 'Monthly card payment', description: 'Up to 50 EUR a month.' },
      ],
    },
  })
  if (res.status !== 200) throw new Error(`POST /request answered ${res.status}`)
  return res.json as { id: string; subjects: { link: string }[] }
}

async function handle(req: IncomingMessage, res: ServerResponse, url: URL) {
  const origin = url.searchParams.get('origin') ?? ''
  let allowed: string[]
  try {
    allowed = await allowedOrigins()
  } catch {
    return send(res, 503, { reason: 'not_running', sandbox: SANDBOX })
  }
  if (url.pathname === '/__sandbox/allow' && req.method === 'POST') {
    const next = [...new Set([...allowed, origin])].slice(-10)
    const put = await fetch(`${SANDBOX}/_sandbox/settings`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ allowedOrigins: next }),
    })
    return send(res, put.ok ? 200 : 502, { allowedOrigins: next })
  }
  if (!allowed.includes(origin)) {
    return send(res, 403, { reason: 'origin_not_allowed', sandbox: SANDBOX, origin })
  }
  const contact = `storybook-${randomUUID().slice(0, 8)}@example.com`
  const request = await createRequest(contact, url.searchParams.get('lang') ?? 'ENG')
  send(res, 200, { link: request.subjects[0]?.link, requestId: request.id, contact })
}

/**
 * Dev-server endpoints that let a story use the real local sandbox, with the signing done here
 * on the server side, as an integrator's backend does (the browser never sees the secret):
 * - `GET /__sandbox/link?origin=…&lang=…` creates a request and answers its Link URL, or says
 *   that the sandbox is not running (503) or does not allow this origin (403);
 * - `POST /__sandbox/allow?origin=…` adds the origin to the sandbox's allowlist (a click in the
 *   story, never implicit: it changes the sandbox's saved settings).
 */
export function sandboxLinkPlugin(): Plugin {
  return {
    name: 'humanos-link:story-sandbox',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://story.invalid')
        if (url.pathname !== '/__sandbox/link' && url.pathname !== '/__sandbox/allow') {
          return next()
        }
        handle(req, res, url).catch((error: unknown) =>
          send(res, 502, { reason: 'sandbox_error', message: String(error) }),
        )
      })
    },
  }
}
