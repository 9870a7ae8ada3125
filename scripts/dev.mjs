// Starts the local stack for development: the sandbox (127.0.0.1:4010), and the demo's BFF and
// web app when the demo is present. Output is prefixed per process; Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const hasScript = (dir, script) => {
  const file = join(root, dir, 'package.json')
  return existsSync(file) && Boolean(JSON.parse(readFileSync(file, 'utf8')).scripts?.[script])
}

// With the demo's BFF running, the sandbox delivers its webhooks there (unless told otherwise).
const withBff = hasScript('apps/demo', 'bff')
const sandboxEnv = withBff
  ? {
      SANDBOX_WEBHOOK_URL:
        process.env.SANDBOX_WEBHOOK_URL || 'http://127.0.0.1:4020/webhooks/humanos',
    }
  : {}

const processes = [
  { name: 'sandbox', dir: 'apps/sandbox', script: 'start', env: sandboxEnv },
  { name: 'bff', dir: 'apps/demo', script: 'bff' },
  { name: 'web', dir: 'apps/demo', script: 'dev' },
].filter((p) => hasScript(p.dir, p.script))

// The demo's plain-HTML page loads the script-tag build from the sandbox: build it once.
const embedScript = join(root, 'packages/embed/dist/humanos-link.js')
if (processes.some((p) => p.name === 'web') && !existsSync(embedScript)) {
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

if (processes.some((p) => p.name === 'web')) {
  process.stdout.write(
    '\n  Humanos Link demo: http://localhost:5173  (Ctrl-C stops everything)\n\n',
  )
} else {
  process.stdout.write('\n  Humanos sandbox: http://127.0.0.1:4010  (Ctrl-C stops it)\n\n')
}

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
