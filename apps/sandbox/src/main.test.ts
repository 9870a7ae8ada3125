import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Node itself runs the CLI, with tsx as a loader: the `tsx` binary would add a process that
// relays signals, and under load that relay can end the child before it shuts down cleanly.
const cliArgs = ['--conditions=@humanos-link/source', '--import', 'tsx', 'src/main.ts']

/** Starts the CLI as `pnpm sandbox` does, waits for its banner, returns the process and URL. */
async function startCli(env: Record<string, string>) {
  const child = spawn(process.execPath, cliArgs, {
    cwd: appDir,
    env: { ...process.env, PORT: '0', SANDBOX_DATA: ':memory:', SANDBOX_LOG_REQUESTS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No banner:\n${output}`)), 20_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /ready at (http:\/\/\S+)/.exec(output)
      if (match && /Inbox \(OTP codes\)/.test(output)) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.on('exit', (code) => reject(new Error(`Exited with ${code}:\n${output}`)))
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, url, output: () => output, exited }
}

describe('the sandbox CLI', () => {
  it('prints its URL and secrets, answers /health, and exits cleanly on SIGTERM', async () => {
    const cli = await startCli({
      SANDBOX_API_KEY: 'cli-key',
      SANDBOX_SIGNATURE_SECRET: 'cli-secret',
    })
    expect(cli.output()).toContain('API key           cli-key')
    expect(cli.output()).toContain('Signature secret  cli-secret')
    const health = await fetch(`${cli.url}/health`)
    expect(health.status).toBe(200)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
  }, 30_000)

  it('exits cleanly on SIGINT, and refuses a bad environment with a message', async () => {
    const cli = await startCli({})
    cli.child.kill('SIGINT')
    expect(await cli.exited).toBe(0)

    const bad = spawn(process.execPath, cliArgs, {
      cwd: appDir,
      env: { ...process.env, PORT: 'eighty', SANDBOX_DATA: ':memory:' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    bad.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => bad.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toContain('PORT: expected a whole number')
  }, 30_000)
})
