// The command line of `npx @humanos-link/sandbox`: every setting of the README is a flag named
// after its environment variable (`SANDBOX_WEBHOOK_URL` → `--webhook-url`, `PORT` → `--port`).
// A flag wins over the variable; both go through the one validation of `loadSandboxConfig`, so
// a bad value gets the same message whichever way it came.
import { parseArgs } from 'node:util'
import { SANDBOX_ENV_NAMES } from './config.js'

type Env = Record<string, string | undefined>

/** `SANDBOX_OTP_TTL_SECONDS` → `otp-ttl-seconds`. */
export function flagFor(envName: string): string {
  return envName
    .replace(/^SANDBOX_/, '')
    .toLowerCase()
    .replaceAll('_', '-')
}

/** What the command line asks for. */
export type CliRequest =
  { kind: 'start'; env: Env } | { kind: 'help'; text: string } | { kind: 'version' }

/** The `--help` text: every flag with the variable it stands for. */
export function helpText(): string {
  const rows = SANDBOX_ENV_NAMES.map((name) => `  --${flagFor(name)} <value>`.padEnd(40) + name)
  return [
    'Usage: humanos-link-sandbox [options]',
    '',
    'A local Humanos: the API, the hosted Link flow and webhooks. Every option can also be',
    'given as the environment variable shown; the option wins. Booleans: true or false.',
    '',
    ...rows,
    '  --help'.padEnd(40) + 'show this text',
    '  --version'.padEnd(40) + 'print the version',
    '',
    'Example: npx @humanos-link/sandbox --port 4010 --allowed-origins http://localhost:3000',
    '',
  ].join('\n')
}

/**
 * Reads `argv` (without `node` and the script) over `env`.
 * @throws Error naming an unknown option or a missing value, and pointing at `--help`.
 */
export function parseCli(argv: readonly string[], env: Env): CliRequest {
  const options = Object.fromEntries(
    SANDBOX_ENV_NAMES.map((name) => [flagFor(name), { type: 'string' as const }]),
  )
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean' }, version: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${message}\nRun with --help to see every option.`, { cause: error })
  }
  const { values } = parsed
  if (values.help) return { kind: 'help', text: helpText() }
  if (values.version) return { kind: 'version' }
  const merged: Env = { ...env }
  for (const name of SANDBOX_ENV_NAMES) {
    const value = values[flagFor(name)]
    if (typeof value === 'string') merged[name] = value
  }
  return { kind: 'start', env: merged }
}
