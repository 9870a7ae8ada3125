import { defineConfig } from '@playwright/test'

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const reuseExistingServer = !process.env.CI

/**
 * Origins used by the browser tests. Host pages and Link frames always run on different
 * origins, so every origin check in the SDK is exercised for real.
 */
export const ORIGINS = {
  /** Host pages (e2e/fixtures), the integrator's side. */
  host: 'http://localhost:5180',
  /** The small test Link frame (e2e/fixtures), speaking the real protocol. */
  testFrame: 'http://127.0.0.1:5181',
  /** A third, hostile origin. */
  attacker: 'http://127.0.0.1:5182',
} as const

const fixtureServer = (host: string, port: number) => ({
  command: `pnpm exec vite --config e2e/fixtures/vite.config.ts --host ${host} --port ${port} --strictPort`,
  url: `http://${host}:${port}/health.txt`,
  reuseExistingServer,
  timeout: 60_000,
})

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: ['--disable-gpu', '--disable-quic'] },
  },
  webServer: [
    fixtureServer('localhost', 5180),
    fixtureServer('127.0.0.1', 5181),
    fixtureServer('127.0.0.1', 5182),
    {
      command: 'pnpm --filter @humanos-link/sandbox start',
      url: 'http://127.0.0.1:4110/health',
      env: {
        PORT: '4110',
        HOST: '127.0.0.1',
        SANDBOX_DATA: ':memory:',
        SANDBOX_ALLOWED_ORIGINS:
          'http://localhost:5180,http://localhost:5173,http://127.0.0.1:5173,http://localhost:5186,http://localhost:5175',
        // The demo's e2e BFF (below) receives the webhooks.
        SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:4120/webhooks/humanos',
      },
      reuseExistingServer,
      timeout: 60_000,
    },
    // The demo (e2e/demo.spec.ts): its BFF against the e2e sandbox, and its web app.
    {
      command: 'pnpm --filter @humanos-link/demo bff',
      url: 'http://127.0.0.1:4120/api/health',
      env: {
        BFF_PORT: '4120',
        HUMANOS_BASE_URL: 'http://127.0.0.1:4110',
        DEMO_ORIGIN: 'http://localhost:5175',
        DEMO_DATA: ':memory:',
      },
      reuseExistingServer,
      timeout: 60_000,
    },
    {
      command:
        'pnpm --filter @humanos-link/demo exec vite --host localhost --port 5175 --strictPort',
      url: 'http://localhost:5175',
      env: { DEMO_BFF_URL: 'http://127.0.0.1:4120' },
      reuseExistingServer,
      timeout: 60_000,
    },
    // Plain HTML pages for the script-tag build (e2e/embed.spec.ts), with and without a CSP.
    {
      command: 'node e2e/servers/staticHost.mjs 5186',
      url: 'http://localhost:5186/health',
      reuseExistingServer,
      timeout: 60_000,
    },
  ],
})
