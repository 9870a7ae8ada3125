import { startSandbox } from '../index'
import type { RunningSandbox, SandboxConfig } from '../index'
import { signedClient } from '@humanos-link/test-kit/node'
import type { SignedCall } from '@humanos-link/test-kit/node'

export interface TestSandbox {
  sandbox: RunningSandbox
  url: string
  api: SignedCall
  /** Calls a `/_sandbox/` or Link page endpoint (unsigned JSON). */
  post(path: string, body?: unknown): Promise<{ status: number; json: any }> // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
  close(): Promise<void>
}

/** Starts a sandbox on a free port with an in-memory database (unless told otherwise). */
export async function startTestSandbox(options: Partial<SandboxConfig> = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, dataFile: ':memory:', ...options })
  const api = signedClient(sandbox.url, {
    apiKey: sandbox.config.apiKey,
    secret: sandbox.config.signatureSecret,
  })
  return {
    sandbox,
    url: sandbox.url,
    api,
    async post(path, body = {}) {
      const response = await fetch(`${sandbox.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      return { status: response.status, json: await response.json() }
    },
    close: () => sandbox.close(),
  }
}

/** A minimal valid `POST /request` body. */
export function requestBody(overrides: Record<string, unknown> = {}) {
  return {
    contacts: ['ana@example.com'],
    name: 'Open an account',
    credentials: [{ type: 'CONSENT', name: 'Share my profile', data: { plan: 'basic' } }],
    ...overrides,
  }
}
