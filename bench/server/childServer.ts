import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export interface ChildServer {
  url: string
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 30_000

/** Starts `script` (a file of this folder) under tsx and waits for the URL it reports. */
export async function startChildServer(script: string, args: string[] = []): Promise<ChildServer> {
  const child: ChildProcess = fork(join(import.meta.dirname, script), args, {
    execArgv: ['--import', 'tsx', '--conditions=@humanos-link/source'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start in 30 s`)),
      START_TIMEOUT_MS,
    )
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer)
      resolve(message.url)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code} before it was ready`))
    })
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
