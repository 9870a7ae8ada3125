// Origins of the servers examples/playwright.config.ts starts, read by the specs too. Each
// example has its own sandbox (its allowlist and webhook URL name that example), and the page
// and the Link frame are on different origins (localhost vs 127.0.0.1), as in e2e/. The ports
// are outside the ones the e2e suite, the demo and Storybook use.
export const EXAMPLES = Object.freeze({
  nextjs: { app: 'http://localhost:3110', sandbox: 'http://127.0.0.1:4130' },
  express: { app: 'http://localhost:3120', sandbox: 'http://127.0.0.1:4131' },
} as const)
