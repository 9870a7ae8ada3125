// The real sandbox (apps/sandbox, started by playwright.config.ts on 127.0.0.1:4110) embedded
// by the fixture host page on another origin through the core SDK: the whole flow, as an
// integrator's user would go through it.
import { createPublicKey, verify } from 'node:crypto'
import { expect, test } from '@playwright/test'
import type { FrameLocator, Page } from '@playwright/test'
import { SANDBOX_DEFAULTS, signedClient } from '@humanos-link/test-kit/node'
import { SANDBOX, otpFor, uniqueContact } from './embedSandbox.js'
import { ATTACKER, HOST, hostLog, hostUrl, waitForStatus } from './support.js'

const api = signedClient(SANDBOX, {
  apiKey: SANDBOX_DEFAULTS.apiKey,
  secret: SANDBOX_DEFAULTS.signatureSecret,
})

// Chromium's fake camera, for the identity step; harmless for the other tests of this file.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  },
})

async function createRequest(body: Record<string, unknown>) {
  const res = await api('POST', '/request', { body })
  expect(res.status, res.text).toBe(200)
  return res.json as {
    id: string
    credentials: Array<{ id: string; name: string }>
    subjects: Array<{ contact: string; id: string; link: string }>
  }
}

/** Review → code → (caller continues). */
async function passCode(frame: FrameLocator, contact: string) {
  await frame.getByRole('button', { name: 'Continue' }).click()
  await expect(frame.getByRole('heading', { name: 'Enter your code' })).toBeFocused()
  await frame.getByLabel('One-time code').fill(await otpFor(frame.owner().page(), contact))
  await frame.getByRole('button', { name: 'Verify' }).click()
}

/** Verifies an ES256 compact JWS against the sandbox's JWK set (no library involved). */
async function verifyAttestation(jws: string, audience: string) {
  const [header, payload, signature] = jws.split('.') as [string, string, string]
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString())
  expect(alg).toBe('ES256')
  const jwks = await fetch(`${SANDBOX}/.well-known/jwks.json`).then((r) => r.json())
  const jwk = jwks.keys.find((k: { kid: string }) => k.kid === kid)
  const key = createPublicKey({ key: jwk, format: 'jwk' })
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  )
  expect(valid).toBe(true)
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  expect(claims).toMatchObject({ iss: SANDBOX, aud: audience })
  expect(claims.exp - claims.iat).toBe(300)
  return claims
}

async function decisions(page: Page) {
  return (await hostLog(page, 'onDecision')).map((entry) => entry.data as Record<string, any>) // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted below
}

test.describe('the sandbox Link flow, embedded by the core SDK', () => {
  test('a person reviews, enters the emailed code, accepts, and the host gets the decision', async ({
    page,
  }) => {
    const contact = uniqueContact('accept')
    const created = await createRequest({
      contacts: [contact],
      name: 'Open a savings account',
      credentials: [
        {
          type: 'CONSENT',
          name: 'Share my profile',
          description: 'Name and email',
          data: { plan: 'gold' },
        },
      ],
    })
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text())
    })
    await page.goto(hostUrl([created.subjects[0]!.link], { mode: 'inline' }))
    await waitForStatus(page, 'ready')
    const iframe = page.locator('iframe')
    expect(new URL((await iframe.getAttribute('src'))!).origin).toBe(SANDBOX)
    const frame = page.frameLocator('iframe')
    await expect(frame.getByRole('heading', { name: 'Open a savings account' })).toBeVisible()
    await expect(frame.getByRole('heading', { name: 'Share my profile' })).toBeVisible()
    await expect(frame.getByText('gold')).toBeVisible()
    // The sandbox banner says where the code went, never the code itself.
    const code = await otpFor(page, contact)
    await expect(frame.getByText('Your code is in the sandbox inbox')).toBeVisible()
    await expect(frame.locator('body')).not.toContainText(code)

    await passCode(frame, contact)
    await frame.getByRole('button', { name: 'Accept' }).click()
    await waitForStatus(page, 'completed')
    await expect(frame.getByRole('heading', { name: 'All set' })).toBeVisible()

    const [decision] = await decisions(page)
    expect(decision).toMatchObject({
      eventType: 'credential',
      requestId: created.id,
      user: { contact, id: created.subjects[0]!.id },
      credential: { id: created.credentials[0]!.id, status: 'ACTIVE', name: 'Share my profile' },
      decision: { action: 'accept' },
    })
    const [success] = await hostLog(page, 'onSuccess')
    expect(success?.data).toEqual([decision])
    expect(await hostLog(page, 'onError')).toEqual([])
    const claims = await verifyAttestation(decision!.attestation, HOST)
    expect(claims).toMatchObject({
      sub: created.subjects[0]!.id,
      requestId: created.id,
      eventType: 'credential',
      credentialId: created.credentials[0]!.id,
      credentialStatus: 'ACTIVE',
      decision: decision!.decision,
    })
    const events = (await hostLog(page, 'onEvent')).map(
      (e) => e.data as { type: string; name?: string },
    )
    const names = events.filter((e) => e.type === 'event').map((e) => e.name)
    expect(names).toEqual(
      expect.arrayContaining(['STEP_VIEWED', 'OTP_SENT', 'OTP_VERIFIED', 'DECISION_MADE']),
    )
    expect(events.some((e) => e.type === 'resize')).toBe(true)
    // The page runs under its strict CSP without tripping it.
    expect(violations).toEqual([])
    // The API agrees with what the browser was told.
    const credential = await api('GET', `/credential/${created.credentials[0]!.id}`)
    expect(credential.json.status).toBe('ACTIVE')
  })

  test('a host origin outside the allowlist gets origin_not_allowed and no result', async ({
    page,
  }) => {
    const created = await createRequest({
      contacts: [uniqueContact('attacker')],
      credentials: [{ type: 'CONSENT', name: 'Secret consent' }],
    })
    await page.goto(
      `${ATTACKER}/host.html?link=${encodeURIComponent(created.subjects[0]!.link)}&mode=inline`,
    )
    await waitForStatus(page, 'failed')
    const [error] = await hostLog(page, 'onError')
    expect(error?.data).toMatchObject({ code: 'origin_not_allowed' })
    expect(await hostLog(page, 'onReady')).toEqual([])
    expect(await hostLog(page, 'onDecision')).toEqual([])
    expect(await hostLog(page, 'onSuccess')).toEqual([])
    await expect(page.frameLocator('iframe').getByText('Secret consent')).toHaveCount(0)
  })

  test('three wrong codes lock the session and the host hears otp_locked', async ({ page }) => {
    const contact = uniqueContact('locked')
    const created = await createRequest({
      contacts: [contact],
      credentials: [{ type: 'POLICY', name: 'Privacy policy' }],
    })
    await page.goto(hostUrl([created.subjects[0]!.link]))
    await waitForStatus(page, 'ready')
    const frame = page.frameLocator('iframe')
    await frame.getByRole('button', { name: 'Continue' }).click()
    const code = await otpFor(page, contact)
    const wrong = code === '000000' ? '111111' : '000000'
    const input = frame.getByLabel('One-time code')
    await input.fill(wrong)
    await frame.getByRole('button', { name: 'Verify' }).click()
    await expect(frame.getByRole('alert')).toHaveText('That code is wrong. Attempts left: 2.')
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toBeFocused()
    await input.fill(wrong)
    await frame.getByRole('button', { name: 'Verify' }).click()
    await expect(frame.getByRole('alert')).toHaveText('That code is wrong. Attempts left: 1.')
    await input.fill(wrong)
    await frame.getByRole('button', { name: 'Verify' }).click()
    await waitForStatus(page, 'failed')
    const [error] = await hostLog(page, 'onError')
    expect(error?.data).toMatchObject({
      code: 'otp_locked',
      message: 'Too many wrong codes: the session is locked.',
    })
    // A failed flow loses its frame (link-protocol.md section 8); the host announces the error
    // in its place.
    await expect(page.locator('iframe')).toHaveCount(0)
    await expect(page.getByRole('alert')).toHaveText('Too many wrong codes: the session is locked.')
  })

  test('closing the flow tells the host user_closed', async ({ page }) => {
    const created = await createRequest({
      contacts: [uniqueContact('close')],
      credentials: [{ type: 'FORM', name: 'Address form' }],
    })
    await page.goto(hostUrl([created.subjects[0]!.link]))
    await waitForStatus(page, 'ready')
    await page.frameLocator('iframe').getByRole('button', { name: 'Cancel' }).click()
    await waitForStatus(page, 'exited')
    const [exit] = await hostLog(page, 'onExit')
    expect(exit?.data).toBe('user_closed')
  })

  test('speaks Portuguese, follows the dark theme and fits 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 })
    const created = await createRequest({
      contacts: [uniqueContact('pt')],
      credentials: [
        {
          type: 'DOCUMENT',
          name: 'Contrato de abertura de conta com um nome bastante comprido',
          data: { cláusula: 'x'.repeat(80) },
        },
      ],
    })
    await page.goto(hostUrl([created.subjects[0]!.link], { lang: 'PRT', theme: 'dark' }))
    await waitForStatus(page, 'ready')
    const frame = page.frameLocator('iframe')
    await expect(frame.getByRole('button', { name: 'Continuar' })).toBeVisible()
    await expect(frame.locator('html')).toHaveAttribute('lang', 'pt')
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark')
    const background = await frame
      .locator('body')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).toBe('rgb(18, 20, 24)')
    const overflow = await frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })

  test('without a theme follows the system colour scheme; an explicit theme overrides it', async ({
    page,
  }) => {
    const created = await createRequest({
      contacts: [uniqueContact('scheme')],
      credentials: [{ type: 'CONSENT', name: 'Colour check' }],
    })
    const link = created.subjects[0]!.link
    const cases: [theme: string | null, system: 'light' | 'dark', background: string][] = [
      [null, 'dark', 'rgb(18, 20, 24)'],
      [null, 'light', 'rgb(255, 255, 255)'],
      ['light', 'dark', 'rgb(255, 255, 255)'],
    ]
    for (const [theme, system, background] of cases) {
      await page.emulateMedia({ colorScheme: system })
      await page.goto(hostUrl([link], theme ? { theme } : {}))
      await waitForStatus(page, 'ready')
      const body = page.frameLocator('iframe').locator('body')
      const shown = await body.evaluate((el) => getComputedStyle(el).backgroundColor)
      expect(shown, `theme ${theme ?? 'auto'}, system ${system}`).toBe(background)
    }
  })
})

test.describe('the identity step with a camera', () => {
  test('a KYC request passes with the fake camera: identity first, then the credential', async ({
    page,
  }) => {
    const contact = uniqueContact('kyc')
    const created = await createRequest({
      contacts: [contact],
      securityLevel: 'HUMANOS_KYC',
      credentials: [{ type: 'CONSENT', name: 'Open an account' }],
    })
    await page.goto(hostUrl([created.subjects[0]!.link], { allowCamera: '1' }))
    await waitForStatus(page, 'ready')
    expect(await page.locator('iframe').getAttribute('allow')).toContain('camera')
    const frame = page.frameLocator('iframe')
    await expect(
      frame.getByText('You will also verify your identity with your camera.'),
    ).toBeVisible()
    await passCode(frame, contact)
    await expect(frame.getByRole('heading', { name: 'Verify your identity' })).toBeFocused()
    await frame.getByRole('button', { name: 'Turn on camera' }).click()
    await expect(frame.getByLabel('Camera preview')).toBeVisible()
    await frame.getByRole('button', { name: 'Take photo and verify' }).click()
    await expect(frame.getByRole('heading', { name: 'Your decision' })).toBeVisible()
    await frame.getByRole('button', { name: 'Accept' }).click()
    await waitForStatus(page, 'completed')

    const [identity, credential] = await decisions(page)
    expect(identity).toMatchObject({
      eventType: 'identity',
      requestId: created.id,
      decision: { success: true, isFraud: false, outcome: 'APPROVED' },
    })
    expect(credential).toMatchObject({ eventType: 'credential', credential: { status: 'ACTIVE' } })
    const [success] = await hostLog(page, 'onSuccess')
    expect(success?.data).toHaveLength(2)
    const claims = await verifyAttestation(identity!.attestation, HOST)
    expect(claims).toMatchObject({ eventType: 'identity', decision: identity!.decision })
    const names = (await hostLog(page, 'onEvent')).map((e) => (e.data as { name?: string }).name)
    expect(names).toEqual(expect.arrayContaining(['KYC_STARTED', 'KYC_FINISHED']))
  })
})
