// `pnpm --filter @humanos-link/demo bff`: the BFF configured from the environment.
import { loadBffConfig } from './config'
import { startBff } from './startBff'

async function main(): Promise<void> {
  const config = loadBffConfig(process.env)
  const bff = await startBff(config)
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

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    bff.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
