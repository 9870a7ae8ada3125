// `pnpm --filter @humanos-link/demo bff`: the BFF configured from the environment.
import { loadBffConfig } from './config.js'
import { startBff } from './startBff.js'

type RunningBff = Awaited<ReturnType<typeof startBff>>

async function main(): Promise<void> {
  const config = loadBffConfig(process.env)
  // Signal handlers go in before anything is announced: writes to a pipe are synchronous, so
  // whoever reads the banner may signal before the next line of this function runs.
  const running: { bff?: RunningBff } = {}
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    if (!running.bff) process.exit(0)
    running.bff.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  if (config.allowDefaultSecrets) {
    console.error(
      '\n  WARNING: DEMO_ALLOW_DEFAULT_SECRETS=true. If the webhook secrets are the README defaults,\n' +
        '  anyone who can reach this BFF can forge webhooks it records as decisions.\n',
    )
  }
  const bff = await startBff(config)
  running.bff = bff
  // The banner names where things are, never a secret.
  const lines = [
    '',
    `  Demo BFF ready at ${bff.url}`,
    `  Humanos API       ${config.humanosBaseUrl}`,
    `  Webhook endpoint  ${bff.url}/webhooks/humanos`,
    `  Attestation aud   ${config.demoOrigins.join(', ')}`,
    `  Database          ${config.dataFile}`,
    '',
  ]
  console.info(lines.join('\n'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
