// A sandbox and a BFF wired together on free ports, for the BFF's tests: the real Humanos
// emulation, the real HTTP servers, nothing mocked.
import { startSandbox } from '@humanos-link/sandbox'
import type { SandboxConfig } from '@humanos-link/sandbox'
import type { BffConfig } from '../config.js'
import { startBff } from '../startBff.js'
import { bffSession } from './sessionClient.js'
import type { BffSession } from './sessionClient.js'

/** The page origin the tests pretend to be: the attestations' audience. */
export const TEST_ORIGIN = 'http://localhost:5199'

export interface HttpResult {
  status: number
  headers: Headers
  text: string
  /** The parsed body, or `undefined` when it is not JSON. */
  json: unknown
}

export interface DemoStack {
  sandboxUrl: string
  bffUrl: string
  sandboxConfig: SandboxConfig
  /** Calls the BFF as one browser session (the stack's own); see {@link newSession}. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResult>
  /** Another browser session, with no cookie yet: another person. */
  newSession(): BffSession
  /** Stops the BFF only (the sandbox keeps running), for restart tests. */
  stopBff(): Promise<void>
  /** Starts the BFF again with the same configuration. */
  restartBff(): Promise<void>
  close(): Promise<void>
}

export async function request(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const init: RequestInit = { method, headers: { ...headers } }
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    init.headers = { 'content-type': 'application/json', ...headers }
  }
  const response = await fetch(url, init)
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

export interface DemoStackOptions {
  /** The BFF's database; default `:memory:`. */
  dataFile?: string
  /** Let the sandbox deliver webhooks to the BFF (default true). */
  webhooks?: boolean
  bff?: Partial<BffConfig>
  sandbox?: Partial<SandboxConfig>
}

export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const sandbox = await startSandbox({
    port: 0,
    dataFile: ':memory:',
    allowedOrigins: [TEST_ORIGIN, 'http://localhost:5198'],
    webhookBackoffMs: 20,
    ...options.sandbox,
  })
  const bffConfig: Partial<BffConfig> = {
    port: 0,
    humanosBaseUrl: sandbox.url,
    demoOrigins: [TEST_ORIGIN],
    dataFile: options.dataFile ?? ':memory:',
    ...options.bff,
  }
  const quiet = { log: () => undefined }
  // A restarted BFF gets a new port: fetch's pool may still hold sockets to the old one.
  async function start() {
    const started = await startBff(bffConfig, quiet)
    if (options.webhooks !== false) {
      const put = await request(`${sandbox.url}/_sandbox/settings`, 'PUT', {
        webhookUrl: `${started.url}/webhooks/humanos`,
      })
      if (put.status !== 200) throw new Error(`Could not set the webhook URL: ${put.text}`)
    }
    return started
  }
  let bff = await start()
  let running = true
  const newSession = () => bffSession(() => bff.url, TEST_ORIGIN)
  const own = newSession()
  return {
    sandboxUrl: sandbox.url,
    get bffUrl() {
      return bff.url
    },
    sandboxConfig: sandbox.config,
    call: (method, path, body, headers) => own.call(method, path, body, headers),
    newSession,
    async stopBff() {
      running = false
      await bff.close()
    },
    async restartBff() {
      bff = await start()
      running = true
    },
    async close() {
      if (running) await bff.close()
      await sandbox.close()
    },
  }
}
