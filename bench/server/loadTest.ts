// One autocannon run, bounded in time and in count, that refuses to report figures from a run
// with errors: a server answering 429s or 500s fast is not a fast server.
import autocannon from 'autocannon'
import type { Request } from 'autocannon'

export const CONNECTIONS = 50
const MAX_REQUESTS = 1_000_000
// autocannon's default is 10 s. On a shared 2-core machine a starved server process can take
// longer than that for a few requests; those still count in p99, they just do not abort the
// run. A request that takes longer than this is an error, and fails the run.
const REQUEST_TIMEOUT_S = 30

export interface LoadSpec {
  title: string
  url: string
  method: 'GET' | 'POST'
  path: string
  /** Builds each request (its own body, timestamp and signature). */
  setup?: (request: Request) => Request
  seconds: number
  connections?: number
}

export interface LoadResult {
  title: string
  /** Mean requests per second over the run. */
  rps: number
  p50: number
  p99: number
  total: number
  seconds: number
}

/** Thrown when a load run saw an error or a non-2xx answer. */
export class LoadError extends Error {}

/** Sends one request as the load run would, so a misconfiguration fails with its real answer. */
async function preflight(spec: LoadSpec): Promise<void> {
  const request = spec.setup?.({ method: spec.method, path: spec.path, headers: {} }) ?? {}
  const response = await fetch(`${spec.url}${spec.path}`, {
    method: spec.method,
    headers: request.headers as Record<string, string> | undefined,
    body: request.body as string | undefined,
  })
  if (!response.ok) {
    throw new LoadError(
      `${spec.title}: ${spec.method} ${spec.path} answered ${response.status}: ${await response.text()}`,
    )
  }
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  await preflight(spec)
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections ?? CONNECTIONS,
        duration: spec.seconds,
        timeout: REQUEST_TIMEOUT_S,
        maxOverallRequests: MAX_REQUESTS,
        // autocannon calls `setupRequest` whenever the key is present, even when undefined.
        requests: [
          { method: spec.method, path: spec.path, ...(spec.setup && { setupRequest: spec.setup }) },
        ],
      },
      (error, done) => {
        clearTimeout(guard)
        if (error) reject(error)
        else resolve(done)
      },
    )
    // autocannon stops itself at `duration`; this only bounds a run that hangs.
    const guard = setTimeout(() => instance.stop(), (spec.seconds + REQUEST_TIMEOUT_S + 5) * 1000)
  })
  const bad = result.errors + result.timeouts + result.non2xx
  if (bad > 0) {
    const codes = Object.entries(result.statusCodeStats ?? {})
      .map(([code, stat]) => `${code}: ${stat.count ?? 0}`)
      .join(', ')
    throw new LoadError(
      `${spec.title}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers (${codes})`,
    )
  }
  return {
    title: spec.title,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    seconds: result.duration,
  }
}
