// Real child processes for the fault tests: the sandbox and the demo BFF started from source
// exactly as `pnpm sandbox` / `pnpm --filter @humanos-link/demo bff` do, but with Node running
// the program itself (tsx's loader imported in-process), so SIGKILL hits the server and not a
// wrapper that would leave it running.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface ServerProcess {
  /** Base URL the server printed once it was listening. */
  url: string
  child: ChildProcess
  /** Everything it printed, for failure messages. */
  output: () => string
  /** SIGKILL, then waits until the process is gone. */
  kill: () => Promise<void>
  /** SIGTERM (a clean stop), then waits until the process is gone. */
  stop: () => Promise<void>
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** Runs a server's TypeScript main file from source, as the tests run every server. */
function spawnEntry(entry: string, env: Record<string, string>) {
  return spawn(process.execPath, ['--conditions=@humanos-link/source', '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

async function startProcess(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<ServerProcess> {
  const child = spawnEntry(entry, env)
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${entry} exited (${code ?? signal}) before it was ready:\n${output}`))
    })
  })
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited(child)
  }
  return {
    url,
    child,
    output: () => output,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  }
}

/** `apps/sandbox/src/main.ts` with the given environment (PORT defaults to a free port). */
export function startSandboxProcess(env: Record<string, string>): Promise<ServerProcess> {
  return startProcess(
    'apps/sandbox/src/main.ts',
    { PORT: '0', SANDBOX_LOG_REQUESTS: '0', ...env },
    /Humanos sandbox ready at (http:\/\/\S+)/,
  )
}

/** `apps/demo/src/bff/main.ts` with the given environment (BFF_PORT defaults to a free port). */
export function startBffProcess(env: Record<string, string>): Promise<ServerProcess> {
  return startProcess(
    'apps/demo/src/bff/main.ts',
    { BFF_PORT: '0', ...env },
    /Demo BFF ready at (http:\/\/\S+)/,
  )
}

/**
 * Runs `entry` (a server's main file) until it exits on its own, for configurations it must
 * refuse; fails after `timeoutMs` if it starts serving instead.
 */
export function runToExit(
  entry: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawnEntry(entry, env)
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${entry} did not exit:\n${output}`))
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}
