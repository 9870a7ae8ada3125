#!/usr/bin/env node
// The `pnpm sandbox` and `npx @humanos-link/sandbox` command: starts the sandbox from flags and
// environment variables (src/cli.ts) and prints what a developer needs to call it.
import { parseCli } from './cli.js'
import { exposureWarning } from './exposure.js'
import { loadSandboxConfig, startSandbox } from './index.js'
import type { RunningSandbox } from './index.js'
import { PACKAGE_VERSION } from './packagePaths.js'

async function main(): Promise<void> {
  const request = parseCli(process.argv.slice(2), process.env)
  if (request.kind === 'help') return void process.stdout.write(request.text)
  if (request.kind === 'version') return void process.stdout.write(`${PACKAGE_VERSION}\n`)
  const settings = loadSandboxConfig(request.env)
  // Signal handlers go in before anything is announced: writes to a pipe are synchronous, so
  // whoever reads the banner may signal before the next line of this function runs.
  const running: { sandbox?: RunningSandbox } = {}
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n  ${signal}: stopping the sandbox…\n`)
    if (!running.sandbox) process.exit(0)
    running.sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  const sandbox = await startSandbox(settings)
  running.sandbox = sandbox
  const { config } = sandbox
  const lines = [
    '',
    `  Humanos sandbox ready at ${sandbox.url}`,
    '',
    `  API key           ${config.apiKey}`,
    `  Signature secret  ${config.signatureSecret}`,
    `  Allowed origins   ${config.allowedOrigins.join(', ') || '(none)'}`,
    `  Webhook URL       ${config.webhookUrl ?? '(none: events are recorded, not sent)'}`,
    `  Database          ${config.dataFile}`,
    `  Inbox (OTP codes) ${sandbox.url}/_sandbox/inbox`,
    '',
  ]
  // Before the banner: whoever waits for "ready" has the warning already.
  const warning = exposureWarning(config)
  if (warning) process.stderr.write(`${warning}\n`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
