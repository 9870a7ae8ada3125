// Server throughput: the sandbox's signed `POST /request` and the demo BFF's create endpoint,
// 50 connections each, every one beside the same server's health endpoint in the same run.
import type { Request } from 'autocannon'
import { signature } from '@humanos-link/test-kit/node'
import { ms, ratio } from '../lib/report.js'
import type { Row } from '../lib/report.js'
import { startChildServer } from './childServer.js'
import type { ChildServer } from './childServer.js'
import { CONNECTIONS, runLoad } from './loadTest.js'
import { runMandateBench } from './mandateBench.js'
import type { LoadResult } from './loadTest.js'

const SECONDS = 10
const WARMUP_SECONDS = 2
// The sandbox's defaults: the bench talks to a sandbox it started itself.
const API_KEY = 'sandbox-api-key'
const SIGNATURE_SECRET = 'sandbox-signature-secret'

let counter = 0
const nextContact = () => `load-${process.pid}-${counter++}@example.com`

/** Every request its own body, timestamp and HMAC, as humanos-api.md asks. */
function signedCreate(request: Request): Request {
  const body = JSON.stringify({
    contacts: [nextContact()],
    name: 'Load test',
    credentials: [{ type: 'CONSENT', name: 'Share my profile' }],
  })
  const timestamp = String(Date.now())
  return {
    ...request,
    body,
    headers: {
      ...request.headers,
      'content-type': 'application/json',
      authorization: `Bearer ${API_KEY}`,
      'x-timestamp': timestamp,
      'x-signature': signature(SIGNATURE_SECRET, timestamp, body),
    },
  }
}

// One browser session for the whole run, as the web app would send it (bff/session/).
let bffCookie = ''

function bffCreate(request: Request): Request {
  return {
    ...request,
    body: JSON.stringify({ contacts: [nextContact()], credentialName: 'Share my profile' }),
    headers: {
      ...request.headers,
      'content-type': 'application/json',
      origin: 'http://localhost:5173',
      'x-requested-by': 'humanos-demo',
      cookie: bffCookie,
    },
  }
}

function rows(label: string, floorLabel: string, run: LoadResult, floor: LoadResult): Row[] {
  const data = { run, floor, connections: CONNECTIONS }
  return [
    {
      figure: `${label}: requests/s (${CONNECTIONS} conn, ${SECONDS} s)`,
      ours: run.rps.toFixed(0),
      reference: `${floor.rps.toFixed(0)} ${floorLabel}`,
      // ours ÷ floor, as everywhere; for throughput a lower ratio means a slower endpoint.
      ratio: ratio(run.rps, floor.rps),
      target: '0 errors',
      met: true,
      data,
    },
    {
      figure: `${label}: latency p50`,
      ours: ms(run.p50),
      reference: `${ms(floor.p50)} ${floorLabel}`,
      ratio: ratio(run.p50, floor.p50),
      target: '—',
      met: null,
    },
    {
      figure: `${label}: latency p99`,
      ours: ms(run.p99),
      reference: `${ms(floor.p99)} ${floorLabel}`,
      ratio: ratio(run.p99, floor.p99),
      target: '—',
      met: null,
    },
  ]
}

async function measurePair(
  title: string,
  url: string,
  create: { method: 'POST'; path: string; setup: (r: Request) => Request },
  healthPath: string,
): Promise<{ run: LoadResult; floor: LoadResult }> {
  // Unmeasured warm-up of the create path (JIT, SQLite statements, connection pools).
  await runLoad({ title: `${title} warm-up`, url, ...create, seconds: WARMUP_SECONDS })
  const floor = await runLoad({
    title: `${title} health`,
    url,
    method: 'GET',
    path: healthPath,
    seconds: SECONDS,
  })
  const run = await runLoad({ title, url, ...create, seconds: SECONDS })
  return { run, floor }
}

export async function runServerBench(options: { bff: boolean }): Promise<Row[]> {
  const servers: ChildServer[] = []
  try {
    const sandbox = await startChildServer('sandboxProcess.ts')
    servers.push(sandbox)
    const s = await measurePair(
      'sandbox POST /request',
      sandbox.url,
      { method: 'POST', path: '/request', setup: signedCreate },
      '/health',
    )
    const out = rows('sandbox signed POST /request', 'GET /health', s.run, s.floor)
    out.push(...(await runMandateBench(sandbox.url)))
    if (options.bff) {
      const bff = await startChildServer('bffProcess.ts', [sandbox.url])
      servers.push(bff)
      const session = await fetch(`${bff.url}/api/requests`)
      bffCookie = session.headers.get('set-cookie')?.split(';')[0] ?? ''
      const b = await measurePair(
        'BFF POST /api/requests',
        bff.url,
        { method: 'POST', path: '/api/requests', setup: bffCreate },
        '/api/health',
      )
      out.push(...rows('BFF POST /api/requests', 'GET /api/health', b.run, b.floor))
    }
    return out
  } finally {
    for (const server of servers.reverse()) await server.stop()
  }
}
