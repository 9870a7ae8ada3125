// The agent hot path: the sandbox's `POST /credential/vp/:id` and `POST /credential/verify`
// under load, beside the same server's `/health` in the same run, plus the cost of one
// verification broken down (proof checks vs CEL) measured in this process.
import type { Request } from 'autocannon'
import { signature } from '@humanos-link/test-kit/node'
import { ed25519FromSeed } from '../../apps/sandbox/src/proof/ed25519.js'
import {
  ed25519PublicKey,
  signDataIntegrity,
  verifyDataIntegrity,
} from '../../apps/sandbox/src/proof/eddsaJcs.js'
import {
  actionContentSchema,
  actionDigestSRI,
} from '../../apps/sandbox/src/mandates/actionContent.js'
import { compileRules } from '../../apps/sandbox/src/mandates/actionRules.js'
import { paramsProblem } from '../../apps/sandbox/src/mandates/actionParams.js'
import { ms, ratio } from '../lib/report.js'
import type { Row } from '../lib/report.js'
import { CONNECTIONS, runLoad } from './loadTest.js'
import type { LoadResult } from './loadTest.js'

const SECONDS = 10
const WARMUP_SECONDS = 2
const API_KEY = 'sandbox-api-key'
const SIGNATURE_SECRET = 'sandbox-signature-secret'

const content = {
  name: 'Pay for groceries',
  userParams: {
    maxAmount: { type: 'number', description: 'Maximum amount per payment' },
    allowedCategories: { type: 'array<string>' },
  },
  executionParams: { amount: { type: 'number' }, category: { type: 'string' } },
  rules: [
    { name: 'within limit', expression: 'executionParams.amount <= userParams.maxAmount' },
    {
      name: 'allowed category',
      expression: 'executionParams.category in userParams.allowedCategories',
    },
  ],
}
const userParams = { maxAmount: 50, allowedCategories: ['groceries', 'books'] }
const executionParams = { amount: 30, category: 'groceries' }

function signed(body: string): Record<string, string> {
  const timestamp = String(Date.now())
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${API_KEY}`,
    'x-timestamp': timestamp,
    'x-signature': signature(SIGNATURE_SECRET, timestamp, body),
  }
}

async function call(url: string, path: string, body: unknown, sign = true) {
  const text = JSON.stringify(body)
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: sign ? signed(text) : { 'content-type': 'application/json' },
    body: text,
  })
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- bench setup
}

/** An approved mandate in the sandbox, through its API: the action, the request, the approval. */
async function approvedMandate(url: string): Promise<string> {
  const action = await call(url, '/_sandbox/actions', { content, publish: true }, false)
  const request = await call(url, '/request', {
    contacts: ['bench-agent@example.com'],
    credentials: [
      { type: 'POLICY', name: 'Shopping agent', action: { id: action.id, userParams } },
    ],
  })
  const sessionId = new URL(request.subjects[0].link).pathname.split('/').pop()
  await call(url, `/_sandbox/sessions/${sessionId}/decide`, { action: 'accept' }, false)
  return request.credentials[0].id as string
}

const withBody =
  (body: string) =>
  (request: Request): Request => ({
    ...request,
    body,
    headers: { ...request.headers, ...signed(body) },
  })

function loadRows(
  label: string,
  run: LoadResult,
  floor: LoadResult,
  connections: number,
  target?: number,
): Row[] {
  return [
    {
      figure: `${label}: requests/s (${connections} conn, ${SECONDS} s)`,
      ours: run.rps.toFixed(0),
      reference: `${floor.rps.toFixed(0)} GET /health`,
      ratio: ratio(run.rps, floor.rps),
      target: '0 errors',
      met: true,
      data: { run, floor },
    },
    {
      figure: `${label}: latency p50`,
      ours: ms(run.p50),
      reference: `${ms(floor.p50)} GET /health`,
      ratio: ratio(run.p50, floor.p50),
      target: target === undefined ? '—' : `< ${target} ms`,
      met: target === undefined ? null : run.p50 < target,
    },
    {
      figure: `${label}: latency p99`,
      ours: ms(run.p99),
      reference: `${ms(floor.p99)} GET /health`,
      ratio: ratio(run.p99, floor.p99),
      target: '—',
      met: null,
    },
  ]
}

function microseconds(run: () => void, iterations = 2000): number {
  for (let i = 0; i < 200; i++) run()
  const started = performance.now()
  for (let i = 0; i < iterations; i++) run()
  return ((performance.now() - started) * 1000) / iterations
}

/** The in-process cost of one verification's parts, on a presentation like the sandbox's. */
function breakdown(): Row[] {
  const signer = ed25519FromSeed(new Uint8Array(32).fill(7))
  const publicKey = ed25519PublicKey(signer.publicKey)
  const method = 'did:web:127.0.0.1%3A4010:platform:bench#key-1'
  const created = '2026-11-24T12:00:00Z'
  const credential: Record<string, unknown> = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://via.humanos.dev/ns/v1'],
    id: 'urn:via:credential:00000000-0000-4000-8000-000000000000',
    type: ['VerifiableCredential', 'VIAMandate'],
    issuer: 'did:web:127.0.0.1%3A4010',
    credentialSubject: {
      id: 'did:web:127.0.0.1%3A4010:issuer:bench',
      mandate: {
        grantor: ['did:web:127.0.0.1%3A4010:user:1'],
        action: { id: 'urn:via:action:x', version: 1, digestSRI: actionDigestSRI(content) },
        userParams,
      },
    },
    proofs: [],
  }
  credential.proofs = [
    signDataIntegrity(credential, { verificationMethod: method, created, signer }),
  ]
  const vp: Record<string, unknown> = {
    '@context': credential['@context'],
    type: ['VerifiablePresentation'],
    holder: 'did:web:127.0.0.1%3A4010:issuer:bench',
    verifiableCredential: [credential],
  }
  vp.proof = signDataIntegrity(
    vp,
    { verificationMethod: method, created, proofPurpose: 'authentication', signer },
    'proof',
  )
  const parsed = actionContentSchema.parse(content)
  const rules = compileRules(parsed)
  const proofs = microseconds(() => {
    verifyDataIntegrity(vp, vp.proof, publicKey, 'proof')
    verifyDataIntegrity(credential, (credential.proofs as unknown[])[0], publicKey)
  })
  const cel = microseconds(() => {
    paramsProblem(parsed.executionParams, executionParams, 'executionParams')
    rules.evaluate(userParams, executionParams)
  }, 20000)
  const compile = microseconds(() => compileRules(parsed), 500)
  const us = (value: number) => `${value.toFixed(1)} µs`
  return [
    {
      figure: 'one verification: proof checks (VP + VC, JCS + Ed25519)',
      ours: us(proofs),
      reference: `${us(cel)} CEL`,
      ratio: ratio(proofs, cel),
      target: '—',
      met: null,
    },
    {
      figure: 'one verification: execution params + 2 CEL rules (compiled once)',
      ours: us(cel),
      reference: `${us(proofs)} proofs`,
      ratio: ratio(cel, proofs),
      target: '—',
      met: null,
    },
    {
      figure: 'compiling the 2 rules (once per published version, cached)',
      ours: us(compile),
      reference: '—',
      ratio: null,
      target: '—',
      met: null,
    },
  ]
}

/** The mandate rows of the server section, against a sandbox already running at `url`. */
export async function runMandateBench(url: string): Promise<Row[]> {
  const credentialId = await approvedMandate(url)
  const vpPath = `/credential/vp/${credentialId}`
  const issue = { method: 'POST' as const, path: vpPath, setup: withBody('{}') }
  // One unbound presentation, verified again and again: each verification runs every check
  // and writes its receipt and event; a bound one could be verified only once.
  const { presentation } = await call(url, vpPath, {})
  const verifyBody = JSON.stringify({ presentation, executionParams })
  const verify = {
    method: 'POST' as const,
    path: '/credential/verify',
    setup: withBody(verifyBody),
  }

  await runLoad({ title: 'verify warm-up', url, ...verify, seconds: WARMUP_SECONDS })
  const floor = await runLoad({
    title: 'health',
    url,
    method: 'GET',
    path: '/health',
    seconds: SECONDS,
  })
  const verified = await runLoad({
    title: 'POST /credential/verify',
    url,
    ...verify,
    seconds: SECONDS,
  })
  const issued = await runLoad({
    title: 'POST /credential/vp/:id',
    url,
    ...issue,
    seconds: SECONDS,
  })
  // Latency without queueing: one connection, one request at a time.
  const floor1 = await runLoad({
    title: 'health, 1 conn',
    url,
    method: 'GET',
    path: '/health',
    seconds: SECONDS,
    connections: 1,
  })
  const verified1 = await runLoad({
    title: 'POST /credential/verify, 1 conn',
    url,
    ...verify,
    seconds: SECONDS,
    connections: 1,
  })
  return [
    ...loadRows('sandbox POST /credential/verify', verified, floor, CONNECTIONS),
    ...loadRows('sandbox POST /credential/vp/:id', issued, floor, CONNECTIONS),
    ...loadRows('sandbox POST /credential/verify', verified1, floor1, 1, 5),
    ...breakdown(),
  ]
}
