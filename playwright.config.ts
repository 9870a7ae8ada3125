import { defineConfig } from '@playwright/test'
import { E2E_ORIGINS, portOf } from '@humanos-link/test-kit/origins'

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const reuseExistingServer = !process.env.CI

// The servers' origins come from the test kit, which the specs read too: host pages and Link
// frames always run on different origins, so every origin check in the SDK runs for real.
const { host, testFrame, attacker, sandbox, bff, demo, staticPages } = E2E_ORIGINS

/**
 * The fixture pages (e2e/fixtures) and the test kit's Link frame, on `origin`. The config is
 * loaded by Vite's module runner, which compiles the kit's TypeScript plugin it imports.
 */
const fixtureServer = (origin: string) => ({
  command: `pnpm exec vite --config e2e/fixtures/vite.config.ts --configLoader runner --host ${new URL(origin).hostname} --port ${portOf(origin)} --strictPort`,
  url: `${origin}/health.txt`,
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
    fixtureServer(host),
    fixtureServer(testFrame),
    fixtureServer(attacker),
    {
      command: 'pnpm --filter @humanos-link/sandbox start',
      url: `${sandbox}/health`,
      env: {
        PORT: String(portOf(sandbox)),
        HOST: new URL(sandbox).hostname,
        SANDBOX_DATA: ':memory:',
        // The host pages, the demo, the static pages, and a local `vite` dev server (5173).
        SANDBOX_ALLOWED_ORIGINS: [
          host,
          'http://localhost:5173',
          'http://127.0.0.1:5173',
          staticPages,
          demo,
        ].join(','),
        // The demo's e2e BFF (below) receives the webhooks.
        SANDBOX_WEBHOOK_URL: `${bff}/webhooks/humanos`,
      },
      reuseExistingServer,
      timeout: 60_000,
    },
    // The demo (e2e/demo.spec.ts): its BFF against the e2e sandbox, and its web app.
    {
      command: 'pnpm --filter @humanos-link/demo bff',
      url: `${bff}/api/health`,
      env: {
        BFF_PORT: String(portOf(bff)),
        HUMANOS_BASE_URL: sandbox,
        DEMO_ORIGIN: demo,
        DEMO_DATA: ':memory:',
      },
      reuseExistingServer,
      timeout: 60_000,
    },
    {
      command: `pnpm --filter @humanos-link/demo exec vite --host ${new URL(demo).hostname} --port ${portOf(demo)} --strictPort`,
      url: demo,
      env: { DEMO_BFF_URL: bff },
      reuseExistingServer,
      timeout: 60_000,
    },
    // Plain HTML pages for the script-tag build (e2e/embed.spec.ts), with and without a CSP.
    {
      command: `node e2e/servers/staticHost.mjs ${portOf(staticPages)}`,
      url: `${staticPages}/health`,
      reuseExistingServer,
      timeout: 60_000,
    },
  ],
})
