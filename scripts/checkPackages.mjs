// Checks every publishable package as a consumer would install it: publint (package.json
// exports, files) and Are The Types Wrong (types resolve under node16 and bundler resolution).
// The packages are ES modules only, so the CommonJS `require` rows are ignored.
import { spawnSync } from 'node:child_process'

const packages = ['packages/core', 'packages/react', 'packages/embed', 'packages/server']
let failed = false
for (const dir of packages) {
  for (const [tool, args] of [
    ['publint', [dir, '--strict']],
    ['attw', ['--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    const result = spawnSync('pnpm', ['exec', tool, ...args], { stdio: 'inherit' })
    if (result.status !== 0) {
      process.stderr.write(`${tool} found problems in ${dir}\n`)
      failed = true
    }
  }
}
process.exit(failed ? 1 : 0)
