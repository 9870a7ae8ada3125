// Shared steps of the mandate tests: a published shopping action, an approved mandate, a
// presentation. Each goes through the real HTTP API. The action and its limits are the test
// kit's (`groceriesAction`, `groceriesLimits`), shared with the server client's tests.
import { expect } from 'vitest'
import { groceriesAction, groceriesLimits } from '@humanos-link/test-kit'
import type { SignedCall } from '@humanos-link/test-kit/node'
import type { TestSandbox } from './testSandbox.js'

/** Calls a `/_sandbox` route as an organization (its API key as Bearer, no signature). */
export async function sandboxCall(
  t: TestSandbox,
  method: string,
  path: string,
  body?: unknown,
  apiKey?: string,
) {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as any } // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

/** Creates and publishes an action; answers `{ id, actionId, version, digestSRI }`. */
export async function publishedAction(
  t: TestSandbox,
  content: unknown = groceriesAction,
  apiKey?: string,
) {
  const res = await sandboxCall(t, 'POST', '/_sandbox/actions', { content, publish: true }, apiKey)
  expect(res.status).toBe(201)
  return res.json as { id: string; actionId: string; version: number; digestSRI: string }
}

export function mandateRequest(
  actionId: string,
  userParams: unknown = groceriesLimits,
  extra = {},
) {
  return {
    contacts: ['ana@example.com'],
    name: 'Shopping agent',
    credentials: [
      {
        type: 'POLICY',
        scope: 'agent.execute',
        name: 'Action mandate',
        action: { id: actionId, userParams },
        ...extra,
      },
    ],
  }
}

/** Creates a mandate request and has its one contact accept it: an `ACTIVE` mandate. */
export async function approvedMandate(
  t: TestSandbox,
  body: unknown,
  api: SignedCall = t.api,
  /** The organization's API key, for the sandbox's decide route (default the first one). */
  apiKey?: string,
) {
  const created = await api('POST', '/request', { body })
  expect(created.status, created.text).toBeLessThan(300)
  const [subject] = created.json.subjects as Array<{ link: string; id: string }>
  const sessionId = new URL(subject!.link).pathname.split('/').pop()!
  const decided = await sandboxCall(
    t,
    'POST',
    `/_sandbox/sessions/${sessionId}/decide`,
    { action: 'accept' },
    apiKey,
  )
  expect(decided.status).toBe(200)
  const credentialId = created.json.credentials[0].id as string
  return { credentialId, requestId: created.json.id as string, userDid: subject!.id }
}

/** Issues a presentation (200 expected). */
export async function presentation(
  t: TestSandbox,
  credentialId: string,
  body: unknown = {},
  api: SignedCall = t.api,
) {
  const res = await api('POST', `/credential/vp/${credentialId}`, { body })
  expect(res.status, res.text).toBe(200)
  return res.json.presentation as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}
