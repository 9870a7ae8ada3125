// Starts the local stack for development: the sandbox (127.0.0.1:4010), the demo's BFF and its
// web app. Output is prefixed per process; Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')

// The sandbox delivers its webhooks to the demo's BFF (unless told otherwise).
const sandboxEnv = {
  SANDBOX_WEBHOOK_URL: process.env.SANDBOX_WEBHOOK_URL || 'http://127.0.0.1:4020/webhooks/humanos',
}

const processes = [
  { name: 'sandbox', dir: 'apps/sandbox', script: 'start', env: sandboxEnv },
  { name: 'bff', dir: 'apps/demo', script: 'bff' },
  { name: 'web', dir: 'apps/demo', script: 'dev' },
]

// The demo's plain-HTML page loads the script-tag build from the sandbox: build it once.
const embedScript = join(root, 'packages/embed/dist/humanos-link.js')
if (!existsSync(embedScript)) {
  process.stdout.write('dev: building the script-tag bundle (packages/embed), once\n')
  spawnSync('pnpm', ['--filter', '@humanos-link/embed', 'build'], { cwd: root, stdio: 'inherit' })
}

const children = processes.map(({ name, dir, script, env = {} }) => {
  const child = spawn('pnpm', ['--dir', dir, 'run', '--silent', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const prefix = (stream, target) => {
    let pending = ''
    stream.on('data', (chunk) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) target.write(`[${name}] ${line}\n`)
    })
  }
  prefix(child.stdout, process.stdout)
  prefix(child.stderr, process.stderr)
  child.on('exit', (code, signal) => {
    process.stderr.write(`[${name}] exited (${signal ?? code})\n`)
    if (!stopping) stop(code ?? 1)
  })
  return child
})

process.stdout.write('\n  Humanos Link demo: http://localhost:5173  (Ctrl-C stops everything)\n\n')

let stopping = false
function stop(code = 0) {
  if (stopping) return
  stopping = true
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  setTimeout(() => process.exit(code), 500).unref()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
