// Both examples (examples/nextjs, examples/express), as built, against their own sandbox: a
// person subscribes, completes the Link flow embedded from the sandbox's origin, and the
// example's server verifies the decision by both channels (the attestation the page forwards,
// the signed webhook). The two apps have the same page, so one spec drives both.
import { randomUUID } from 'node:crypto'
import { signRequest } from '@humanos-link/server'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { uniqueContact } from '../../e2e/embedSandbox.js'
import { decideInFrame, serverDecisions } from './flow.js'
import { EXAMPLES } from './origins.js'

const WEBHOOK_PATHS = { nextjs: '/api/humanos/webhooks', express: '/webhooks/humanos' } as const
// The webhook comes on its own schedule (the sandbox's delivery queue), on a loaded machine too.
const WEBHOOK_WAIT = { timeout: 15_000 }

/** Starts a subscription for a fresh contact; answers the contact and the request id. */
async function subscribe(page: Page, app: string, urls: string[]) {
  page.on('request', (request) => urls.push(request.url()))
  const contact = uniqueContact(`example-${randomUUID().slice(0, 4)}`)
  await page.goto(app)
  await page.getByLabel('Your email').fill(contact)
  await page.getByRole('button', { name: 'Subscribe' }).click()
  const requestId = await page.locator('[data-request-id]').getAttribute('data-request-id')
  expect(requestId).toMatch(/^[0-9a-f]{24}$/)
  return { contact, requestId: requestId! }
}

for (const name of ['nextjs', 'express'] as const) {
  const { app, sandbox } = EXAMPLES[name]

  test.describe(`examples/${name}`, () => {
    test('accept: the page says subscribed, the server verified the attestation and got the webhook', async ({
      page,
    }) => {
      const urls: string[] = []
      const { contact, requestId } = await subscribe(page, app, urls)

      // The flow is embedded from the sandbox's origin, for this page's origin.
      const src = new URL((await page.locator('iframe').getAttribute('src')) ?? '')
      expect(src.origin).toBe(sandbox)
      expect(src.searchParams.get('postMessageOrigin')).toBe(app)

      const forwarded = page.waitForRequest((r) => r.url() === `${app}/api/attestations`)
      await decideInFrame(page.frameLocator('iframe'), contact, sandbox, 'Accept')
      await expect(page.getByText('Thanks, you are subscribed.')).toBeVisible()
      await expect(page.getByRole('list', { name: 'Server checks' })).toHaveText('verified: accept')

      await expect
        .poll(() => serverDecisions(page, app, requestId), WEBHOOK_WAIT)
        .toEqual([
          { via: 'attestation', eventType: 'credential', outcome: 'accept' },
          { via: 'webhook', eventType: 'credential', outcome: 'accept' },
        ])

      // Verified means once: the same attestation again is refused.
      const { attestation } = (await forwarded).postDataJSON() as { attestation: string }
      const replay = await page.request.post(`${app}/api/attestations`, { data: { attestation } })
      expect(replay.status()).toBe(422)
      expect(await replay.json()).toEqual({ error: 'replayed' })

      // The browser only talked to the example and the Link frame, never to the API.
      expect(urls.filter((url) => url.startsWith(`${sandbox}/request`))).toEqual([])
    })

    test('reject: the page branches on the decision, and the server records the rejection', async ({
      page,
    }) => {
      const { contact, requestId } = await subscribe(page, app, [])
      await decideInFrame(page.frameLocator('iframe'), contact, sandbox, 'Reject')
      await expect(page.getByText('No problem, we will not email you.')).toBeVisible()
      await expect(page.getByRole('list', { name: 'Server checks' })).toHaveText('verified: reject')
      await expect
        .poll(() => serverDecisions(page, app, requestId), WEBHOOK_WAIT)
        .toEqual([
          { via: 'attestation', eventType: 'credential', outcome: 'reject' },
          { via: 'webhook', eventType: 'credential', outcome: 'reject' },
        ])
    })

    test("another browser can neither read this browser's request nor use its attestation", async ({
      page,
      browser,
    }) => {
      const { contact, requestId } = await subscribe(page, app, [])
      // Catch the attestation before the page forwards it, so a stranger can try it first.
      let attestation = ''
      await page.route(`${app}/api/attestations`, async (route) => {
        attestation = (route.request().postDataJSON() as { attestation: string }).attestation
        await route.abort()
      })
      await decideInFrame(page.frameLocator('iframe'), contact, sandbox, 'Accept')
      await expect.poll(() => attestation).not.toBe('')

      const stranger = await browser.newContext()
      try {
        const status = await stranger.request.get(`${app}/api/requests/${requestId}`)
        expect(status.status()).toBe(404)
        expect(await status.json()).toEqual({ error: 'unknown_request' })
        const used = await stranger.request.post(`${app}/api/attestations`, {
          data: { attestation },
        })
        expect(used.status()).toBe(403)
        expect(await used.json()).toEqual({ error: 'not_your_request' })
      } finally {
        await stranger.close()
      }
      // The browser that started it still reads its request (the webhook's decision lands there).
      await expect
        .poll(() => serverDecisions(page, app, requestId), WEBHOOK_WAIT)
        .toEqual([{ via: 'webhook', eventType: 'credential', outcome: 'accept' }])
    })

    test('the server refuses a forged webhook and a forged attestation', async ({ request }) => {
      const body = JSON.stringify({ iv: 'AAAA', data: 'AAAA', tag: 'AAAA' })
      const timestamp = String(Date.now())
      const forged = await request.post(`${app}${WEBHOOK_PATHS[name]}`, {
        data: body,
        headers: {
          'content-type': 'application/json',
          'x-timestamp': timestamp,
          'x-signature': signRequest('not-the-webhook-secret', timestamp, body),
        },
      })
      expect(forged.status()).toBe(400)
      expect(await forged.json()).toEqual({ error: 'bad_signature' })

      const fake = await request.post(`${app}/api/attestations`, {
        data: { attestation: 'eyJhbGciOiJub25lIn0.eyJyZXF1ZXN0SWQiOiJ4In0.' },
      })
      expect(fake.status()).toBe(422)
      expect(await fake.json()).toEqual({ error: 'malformed' })
    })
  })
}
