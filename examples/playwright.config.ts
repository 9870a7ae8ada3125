// The examples, built and run as an integrator runs them, against the real sandbox:
//   pnpm -r build && pnpm exec playwright test -c examples
// Each example gets its own sandbox (the built `humanos-link-sandbox` bin, with the flags the
// sandbox README documents), whose allowlist holds the example's origin and whose webhooks go
// to the example's receiver. `next start` serves the build that `pnpm -r build` made.
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { portOf } from '@humanos-link/test-kit/origins'
import { EXAMPLES } from './tests/origins.js'

const root = path.join(import.meta.dirname, '..')
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const reuseExistingServer = !process.env.CI

/** The sandbox's public default secrets: what the examples' .env.development files hold. */
const sandboxSecrets = {
  HUMANOS_API_KEY: 'sandbox-api-key',
  HUMANOS_SIGNATURE_SECRET: 'sandbox-signature-secret',
  HUMANOS_WEBHOOK_SIGNATURE_SECRET: 'sandbox-webhook-signature-secret',
  HUMANOS_WEBHOOK_ENCRYPTION_SECRET: 'c2FuZGJveC13ZWJob29rLWVuY3J5cHRpb24tc2VjcmV0',
  HUMANOS_WEBHOOK_ENCRYPTION_SALT: 'sandbox-webhook-salt',
}

const loopback = (origin: string) => origin.replace('//localhost:', '//127.0.0.1:')

function sandboxFor(example: { app: string; sandbox: string }, webhookPath: string) {
  return {
    command: [
      'node apps/sandbox/dist/main.js',
      `--port ${portOf(example.sandbox)}`,
      '--data :memory:',
      `--allowed-origins ${example.app}`,
      `--webhook-url ${loopback(example.app)}${webhookPath}`,
      '--log-requests false',
    ].join(' '),
    cwd: root,
    url: `${example.sandbox}/health`,
    reuseExistingServer,
    timeout: 30_000,
  }
}

/** What each example reads from its environment, pointed at its own sandbox. */
const appEnv = (example: { app: string; sandbox: string }) => ({
  ...sandboxSecrets,
  HUMANOS_BASE_URL: example.sandbox,
  APP_ORIGIN: example.app,
  NEXT_TELEMETRY_DISABLED: '1',
})

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  // A flow spans an app, a sandbox and two origins, on a machine shared with other suites.
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: ['--disable-gpu', '--disable-quic'] },
  },
  webServer: [
    sandboxFor(EXAMPLES.nextjs, '/api/humanos/webhooks'),
    {
      command: `pnpm --filter @humanos-link/example-nextjs exec next start -H 127.0.0.1 -p ${portOf(EXAMPLES.nextjs.app)}`,
      cwd: root,
      url: loopback(EXAMPLES.nextjs.app),
      env: appEnv(EXAMPLES.nextjs),
      reuseExistingServer,
      timeout: 60_000,
    },
    sandboxFor(EXAMPLES.express, '/webhooks/humanos'),
    {
      command: 'pnpm --filter @humanos-link/example-express start',
      cwd: root,
      url: loopback(EXAMPLES.express.app),
      env: { ...appEnv(EXAMPLES.express), PORT: String(portOf(EXAMPLES.express.app)) },
      reuseExistingServer,
      timeout: 30_000,
    },
  ],
})
