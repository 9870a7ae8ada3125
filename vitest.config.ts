import path from 'node:path'
import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
// Browser mode for every project that runs in a page: Debian's Chromium, headless. A fresh
// object per project: Vitest names each project's browser instances in place.
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: chromiumPath, args: ['--disable-gpu', '--disable-quic'] },
  }),
  instances: [{ browser: 'chromium' as const }],
})

// Packages expose a `@humanos-link/source` export condition (a name no consumer sets by accident), so tests run straight from `src/` without a build.
const resolve = {
  conditions: ['@humanos-link/source', 'module', 'browser', 'development|production'],
}
const ssrResolve = {
  resolve: { conditions: ['@humanos-link/source', 'module', 'node', 'development|production'] },
}

// React 18 is installed for the React package only; absolute paths let the test kit's contract
// suite (which imports React from outside that package) get the same copy.
const react18 = (name: string) =>
  path.join(import.meta.dirname, 'packages/react/node_modules', name)

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        ssr: ssrResolve,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.{ts,tsx}', 'apps/*/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}', '**/node_modules/**'],
        },
      },
      {
        resolve,
        // Found on first import otherwise, which reloads the page mid-run.
        optimizeDeps: { include: ['fast-check'] },
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.{ts,tsx}'],
          provide: { reactMajor: 19 },
          browser: chromium(),
        },
      },
      {
        // The React binding's browser tests again, with React 18 swapped in for 19 (the peer
        // range allows both). Aliases reach every importer, testing-library and zustand too.
        resolve: {
          ...resolve,
          alias: [
            { find: /^react$/, replacement: react18('react18') },
            { find: /^react\/(.*)$/, replacement: react18('react18/$1') },
            { find: /^react-dom$/, replacement: react18('react-dom18') },
            { find: /^react-dom\/(.*)$/, replacement: react18('react-dom18/$1') },
          ],
        },
        root: path.join(import.meta.dirname, 'packages/react'),
        test: {
          name: 'browser-react18',
          // The contract suite too: the React entry points must keep it under either major.
          include: ['src/**/*.browser.test.tsx', '../test-kit/src/contract/*.browser.test.ts'],
          provide: { reactMajor: 18 },
          browser: chromium(),
        },
      },
      {
        resolve,
        ssr: ssrResolve,
        test: {
          name: 'security',
          environment: 'node',
          include: ['security/**/*.test.ts'],
          // Fault and load tests run real servers as child processes and measure throughput:
          // one file at a time, after the other projects, so neither disturbs the other.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Every story renders in Chromium and its `play` function runs as a test.
        plugins: [storybookTest({ configDir: path.join(import.meta.dirname, '.storybook') })],
        test: {
          name: 'storybook',
          // The first story waits for the test Link frame to be compiled on a cold server.
          testTimeout: 30_000,
          browser: chromium(),
        },
      },
    ],
  },
})
