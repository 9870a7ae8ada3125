import { startSandbox } from '../index.js'
import type { RunningSandbox, SandboxConfig } from '../index.js'
import { signedClient } from '@humanos-link/test-kit/node'
import type { SignedCall } from '@humanos-link/test-kit/node'

export interface TestSandbox {
  sandbox: RunningSandbox
  url: string
  api: SignedCall
  /**
   * Calls a `/_sandbox/` or Link page endpoint (unsigned JSON); with `apiKey`, for that key's
   * organization.
   */
  post(path: string, body?: unknown, apiKey?: string): Promise<{ status: number; json: any }> // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
  /** Adds an organization through `POST /_sandbox/organizations`; `api` signs as it. */
  addOrganization(input?: Record<string, unknown>): Promise<TestOrganization>
  close(): Promise<void>
}

/** An organization added by a test: the answer of `POST /_sandbox/organizations`, and its client. */
export interface TestOrganization {
  id: string
  name: string
  issuerDid: string
  apiKey: string
  signatureSecret: string
  webhookSignatureSecret: string
  webhookEncryptionSecret: string
  webhookEncryptionSalt: string
  api: SignedCall
  /** GETs a `/_sandbox/` path as this organization. */
  get(path: string): Promise<{ status: number; json: any }> // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
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
    async post(path, body = {}, apiKey) {
      const response = await fetch(`${sandbox.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify(body),
      })
      return { status: response.status, json: await response.json() }
    },
    async addOrganization(input = {}) {
      const response = await fetch(`${sandbox.url}/_sandbox/organizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Second organization', ...input }),
      })
      if (response.status !== 201)
        throw new Error(`POST /_sandbox/organizations: ${response.status}`)
      const org = (await response.json()) as Omit<TestOrganization, 'api' | 'get'>
      const get = async (path: string) => {
        const res = await fetch(`${sandbox.url}${path}`, {
          headers: { authorization: `Bearer ${org.apiKey}` },
        })
        return { status: res.status, json: await res.json() }
      }
      return {
        ...org,
        api: signedClient(sandbox.url, { apiKey: org.apiKey, secret: org.signatureSecret }),
        get,
      }
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
