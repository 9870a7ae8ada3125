// Fuzzing the two servers a browser or the internet can reach: the sandbox (the Humanos API,
// the Link page and its endpoints, the sandbox-only endpoints) and the demo BFF. Generated
// methods, paths, query strings, headers and bodies; requests to the API are mostly signed for
// real over their garbage, so validation is fuzzed and not only authentication. Every answer
// must be below 500, carry no stack trace or file path, and (for errors) have the specified
// body: `{ statusCode, message, error }` from the sandbox, `{ error, message }` from the BFF.
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSandbox } from '../apps/sandbox/src/index.js'
import type { RunningSandbox } from '../apps/sandbox/src/index.js'
import { startBff } from '../apps/demo/src/bff/startBff.js'
import type { RunningBff } from '../apps/demo/src/bff/startBff.js'
import { signedClient } from '@humanos-link/test-kit/node'
import {
  answerProblems,
  bodyArb,
  headerText,
  headersArb,
  jsonOf,
  mutated,
  queryArb,
  segmentArb,
  send,
} from './support/httpFuzz.js'
import type { FuzzAnswer, FuzzRequest } from './support/httpFuzz.js'

const RUNS = 700
const ORIGIN = 'http://localhost:5199'
// A valid P-256 public key (base64 SPKI), for Link pages opened as a host would.
const PUB_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEcoyTISuCRXtnarsOFol7QUcsgIFMED2dYSbLgS1H1swMeZuT+1ZOVCgXzSfeSLAMXKslVVVAlLBvC0SFf0maQQ=='

let sandbox: RunningSandbox
let bff: RunningBff
const logs: string[] = []
/** Real ids (request, session, credential, frame token), so paths often reach real things. */
const known: string[] = []

beforeAll(async () => {
  // The sandbox logs through console.info; a 500 would log its stack there.
  vi.spyOn(console, 'info').mockImplementation((line: unknown) => void logs.push(String(line)))
  // Limits high enough that validation, not the rate limiter, answers the generated requests.
  sandbox = await startSandbox({
    port: 0,
    dataFile: ':memory:',
    allowedOrigins: [ORIGIN],
    rateLimitPerMinute: 1_000_000,
  })
  bff = await startBff(
    {
      port: 0,
      humanosBaseUrl: sandbox.url,
      demoOrigins: [ORIGIN],
      dataFile: ':memory:',
      createLimitPerMinute: 1_000_000,
      sessionLimitPerMinute: 1_000_000,
    },
    { log: (line) => logs.push(line) },
  )
  const api = signedClient(sandbox.url, {
    apiKey: 'sandbox-api-key',
    secret: 'sandbox-signature-secret',
  })
  const created = await api('POST', '/request', {
    body: { contacts: ['fuzz@example.com'], credentials: [{ type: 'CONSENT', name: 'Fuzz' }] },
  })
  const sessionId = String(created.json.subjects[0].link).split('/').pop() ?? ''
  const query = new URLSearchParams({ postMessageOrigin: ORIGIN, pubKey: PUB_KEY })
  const page = await fetch(`${sandbox.url}/link/${sessionId}?${query}`).then((r) => r.text())
  const frame = /"frame":"([^"]+)"/.exec(page)?.[1]
  expect(frame).toBeDefined()
  known.push(created.json.id, sessionId, created.json.credentials[0].id, frame ?? '')
})

afterAll(async () => {
  await bff?.close()
  await sandbox?.close()
  vi.restoreAllMocks()
})

type Auth =
  | { kind: 'signed' | 'none' }
  | { kind: 'forged'; authorization: string; timestamp: string; signature: string }

/** How a request presents itself to the API: properly signed, or any way but. */
const authArb: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'signed' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('forged' as const),
      authorization: fc.oneof(fc.constant('Bearer sandbox-api-key'), headerText),
      timestamp: fc.oneof(fc.constant(String(Date.now() - 3_600_000)), headerText),
      signature: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), headerText),
    }),
  },
)

function withAuth(request: FuzzRequest, auth: Auth): FuzzRequest {
  if (auth.kind === 'none') return request
  const headers = { ...request.headers }
  if (auth.kind === 'forged') {
    Object.assign(headers, {
      authorization: auth.authorization,
      'x-timestamp': auth.timestamp,
      'x-signature': auth.signature,
    })
  } else {
    const timestamp = String(Date.now())
    const hmac = createHmac('sha256', 'sandbox-signature-secret').update(timestamp)
    if (request.body !== undefined && request.body.length > 0) hmac.update('.').update(request.body)
    Object.assign(headers, {
      authorization: 'Bearer sandbox-api-key',
      'x-timestamp': timestamp,
      'x-signature': hmac.digest('hex'),
    })
  }
  return { ...request, headers }
}

/** `:x` in a route stands for a generated path segment. */
interface Route {
  method: string
  path: string
  signed?: boolean
}

const segment = segmentArb(() => known)

function requestArb(
  routes: Route[],
  bodies: fc.Arbitrary<string | Uint8Array | undefined>,
  queryKeys: string[],
  headers: Record<string, fc.Arbitrary<string>>,
) {
  const route = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...routes) },
    // Methods and paths nobody serves.
    {
      weight: 1,
      arbitrary: fc.record({
        method: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'POST'),
        path: fc.constantFrom(
          '/',
          '/x/:x',
          '/request/:x/:x',
          '/link',
          '/_sandbox/:x',
          '/api/:x',
          '/.env',
        ),
        signed: fc.boolean(),
      }),
    },
  )
  return fc
    .record({
      route,
      segments: fc.array(segment, { minLength: 3, maxLength: 3 }),
      query: queryArb(queryKeys),
      headers: headersArb(headers),
      body: bodies,
      auth: authArb,
    })
    .map(({ route: r, segments, query, headers: h, body, auth }) => {
      let i = 0
      const path = r.path.replace(/:x/g, () => segments[i++] ?? 'x')
      const bodyless = r.method === 'GET' || r.method === 'HEAD'
      const request = {
        method: r.method,
        path,
        query,
        headers: h,
        body: bodyless ? undefined : body,
      }
      return r.signed ? withAuth(request, auth) : request
    })
}

const SANDBOX_ROUTES: Route[] = [
  { method: 'POST', path: '/request', signed: true },
  { method: 'GET', path: '/request', signed: true },
  { method: 'GET', path: '/request/:x', signed: true },
  { method: 'DELETE', path: '/request/:x', signed: true },
  { method: 'PATCH', path: '/request/resend/:x', signed: true },
  { method: 'GET', path: '/credential/:x', signed: true },
  { method: 'DELETE', path: '/credential/revoke/:x', signed: true },
  { method: 'GET', path: '/link/:x' },
  { method: 'POST', path: '/link/:x/otp/verify' },
  { method: 'POST', path: '/link/:x/otp/resend' },
  { method: 'POST', path: '/link/:x/identity' },
  { method: 'POST', path: '/link/:x/decision' },
  { method: 'GET', path: '/_sandbox/outbox' },
  { method: 'POST', path: '/_sandbox/sessions/:x/decide' },
  { method: 'GET', path: '/_sandbox/webhooks' },
  { method: 'POST', path: '/_sandbox/webhooks/test' },
  { method: 'GET', path: '/_sandbox/settings' },
  { method: 'GET', path: '/.well-known/jwks.json' },
  { method: 'GET', path: '/user/:x/did.json' },
  { method: 'GET', path: '/assets/:x' },
  { method: 'GET', path: '/static/:x' },
  { method: 'GET', path: '/health' },
]

const frameBody = (extra: Record<string, unknown>) =>
  fc.constant(null).chain(() => mutated({ frame: known[3] ?? '', ...extra }))

const sandboxBodies = bodyArb([
  mutated({
    contacts: ['ana@example.com', '+351912345678'],
    name: 'Fuzzed request',
    credentials: [
      { type: 'CONSENT', name: 'Share', data: { a: 1 }, validUntil: '2099-01-01T00:00:00Z' },
    ],
    securityLevel: 'CONTACT',
    language: 'ENG',
    redirectUrl: 'https://shop.example/done',
    pubKey: PUB_KEY,
    authorizedDIDs: ['did:web:agent.example'],
  }),
  mutated({ action: 'accept' }),
  mutated({ reason: 'fuzz' }),
  mutated({ message: 'hello' }),
  frameBody({ code: '123456' }),
  frameBody({ action: 'reject' }),
  frameBody({ image: 'data:image/png;base64,iVBORw0KGgo=' }),
])

const SANDBOX_QUERY = [
  'pageIndex',
  'pageSize',
  'search',
  'internalId',
  'contact',
  'limit',
  'pubKey',
  'postMessageOrigin',
  'lang',
  'theme',
  'mode',
]

function sandboxErrorBody(answer: FuzzAnswer): string[] {
  if (answer.status < 400 || answer.contentType.startsWith('text/html') || answer.text === '') {
    return []
  }
  const body = jsonOf(answer)
  const ok =
    typeof body === 'object' &&
    body !== null &&
    'statusCode' in body &&
    body.statusCode === answer.status &&
    'message' in body &&
    typeof body.message === 'string' &&
    'error' in body &&
    typeof body.error === 'string'
  return ok ? [] : [`not the error body: ${answer.text.slice(0, 200)}`]
}

function bffErrorBody(answer: FuzzAnswer): string[] {
  if (answer.status < 400 || answer.text === '') return []
  const body = jsonOf(answer)
  const ok =
    typeof body === 'object' &&
    body !== null &&
    'error' in body &&
    typeof body.error === 'string' &&
    'message' in body &&
    typeof body.message === 'string'
  return ok ? [] : [`not the error body: ${answer.text.slice(0, 200)}`]
}

async function fuzz(
  base: () => string,
  requests: fc.Arbitrary<FuzzRequest>,
  errorBody: (answer: FuzzAnswer) => string[],
): Promise<Map<number, number>> {
  const statuses = new Map<number, number>()
  await fc.assert(
    fc.asyncProperty(requests, async (request) => {
      const answer = await send(base(), request)
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      const problems = [...answerProblems(answer), ...errorBody(answer)]
      expect(problems, `${request.method} ${request.path}?${request.query}`).toEqual([])
    }),
    { numRuns: RUNS },
  )
  expect(logs.filter((line) => /failed|error/i.test(line))).toEqual([])
  return statuses
}

describe('fuzzing the servers', () => {
  it('the sandbox answers every generated request below 500, without internals', async () => {
    const requests = requestArb(SANDBOX_ROUTES, sandboxBodies, SANDBOX_QUERY, {
      'api-version': fc.oneof(fc.constant('2026-05-17'), headerText),
      'idempotency-key': headerText,
    })
    const statuses = await fuzz(() => sandbox.url, requests, sandboxErrorBody)
    // Validation itself was reached (not only authentication) and some requests succeeded.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(50)
    expect(statuses.get(401) ?? 0).toBeGreaterThan(10)
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true)
  })

  it('the BFF answers every generated request below 500, without internals', async () => {
    const bodies = bodyArb([
      mutated({
        contacts: ['ana@example.com'],
        credentialName: 'Fuzz',
        credentialDescription: 'd',
        securityLevel: 'CONTACT',
      }),
      mutated({ attestation: 'eyJhbGciOiJFUzI1NiJ9.eyJ4IjoxfQ.c2ln' }),
      mutated({ iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==' }),
    ])
    const routes: Route[] = [
      { method: 'POST', path: '/api/requests' },
      { method: 'GET', path: '/api/requests' },
      { method: 'GET', path: '/api/requests/:x' },
      { method: 'POST', path: '/api/attestations' },
      { method: 'POST', path: '/webhooks/humanos' },
      { method: 'GET', path: '/api/webhooks' },
      { method: 'GET', path: '/api/health' },
    ]
    const requests = requestArb(routes, bodies, ['id', 'page'], {
      'idempotency-key': fc.oneof(fc.uuid(), headerText),
      'x-timestamp': fc.oneof(fc.constant(String(Date.now())), headerText),
      'x-signature': headerText,
      'x-webhook-id': fc.oneof(fc.uuid(), headerText),
    }).map((generated) => {
      // As the web app calls: its Origin and CSRF header, so validation is reached.
      const headers: Record<string, string> = {
        origin: ORIGIN,
        'x-requested-by': 'humanos-demo',
        ...generated.headers,
      }
      const request = { ...generated, headers }
      // Webhooks signed for real over their garbage, so decryption and parsing are reached.
      if (request.path !== '/webhooks/humanos' || request.headers['x-signature'] !== undefined) {
        return request
      }
      const timestamp = String(Date.now())
      const signature = createHmac('sha256', 'sandbox-webhook-signature-secret')
        .update(`${timestamp}.`)
        .update(request.body ?? '')
        .digest('hex')
      return {
        ...request,
        headers: { ...request.headers, 'x-timestamp': timestamp, 'x-signature': signature },
      }
    })
    const statuses = await fuzz(() => bff.url, requests, bffErrorBody)
    expect(statuses.get(400) ?? 0).toBeGreaterThan(50)
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true)
  })
})
