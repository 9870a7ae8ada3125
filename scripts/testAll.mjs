// Runs every suite of the project, in order, and ends with one plain line of totals:
// `N passed, N failed, N skipped`. Checks without test counts (build, typecheck, lint, format,
// size budgets, Storybook build) count as one test each. Exits non-zero if anything failed or
// if no test ran at all.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const out = join(root, '.ci/out')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const env = {
  ...process.env,
  CHROMIUM_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  STORYBOOK_DISABLE_TELEMETRY: '1',
  // `pnpm -r build` runs `next build` for examples/nextjs: no telemetry calls to wait on.
  NEXT_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: '0',
}
const totals = { passed: 0, failed: 0, skipped: 0 }
const rows = []

function run(command, args, extraEnv = {}) {
  process.stdout.write(`\n▶ ${[command, ...args].join(' ')}\n`)
  const started = Date.now()
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  })
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }
}

function check(name, command, args) {
  const { ok, seconds } = run(command, args)
  totals[ok ? 'passed' : 'failed']++
  rows.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${seconds}s)`)
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

function suite(name, command, args, reportFile, count, extraEnv) {
  const { ok, seconds } = run(command, args, extraEnv)
  const report = readJson(reportFile)
  if (!report) {
    // The runner crashed before writing its report: count the whole suite as one failure.
    totals.failed++
    rows.push(`${name}: FAILED, no report (${seconds}s)`)
    return
  }
  const counts = count(report)
  if (!ok && counts.failed === 0) counts.failed = 1
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  rows.push(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds}s)`,
  )
}

check('build', 'pnpm', ['-r', 'build'])
check('package checks (publint, attw)', 'node', ['scripts/checkPackages.mjs'])
// Packs every publishable package and installs the tarballs into a scratch app outside the
// workspace: imports from ESM and CommonJS, types, the embed SRI, and the sandbox bin.
check('release dry run (pack, install, run)', 'node', ['scripts/releaseDry.mjs', '--no-build'])
check('typecheck', 'pnpm', ['typecheck'])
check('lint', 'pnpm', ['lint'])
check('format', 'pnpm', ['format:check'])
// The API reference from the TSDoc (typedoc.json): a missing doc comment or a broken {@link} fails.
check('API reference (TypeDoc, no warnings)', 'pnpm', ['exec', 'typedoc'])
// Every ts/tsx block of the READMEs and docs/, type-checked against the workspace packages.
check('README and docs snippets compile', 'node', ['scripts/snippets/checkSnippets.mjs'])
check('size budgets', 'pnpm', ['exec', 'size-limit'])
check('no sender code in host bundles', 'node', ['scripts/checkHostBundles.mjs'])
check('storybook build', 'pnpm', ['build-storybook'])

const vitestReport = join(out, 'vitest.json')
suite(
  'vitest',
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
  ],
  vitestReport,
  (r) => ({
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  }),
)

const playwrightCounts = (r) => ({
  passed: r.stats?.expected ?? 0,
  failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0),
  skipped: r.stats?.skipped ?? 0,
})
const playwrightReport = join(out, 'playwright.json')
suite(
  'playwright',
  'pnpm',
  ['exec', 'playwright', 'test', '--reporter=list,json'],
  playwrightReport,
  playwrightCounts,
  { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
)

// examples/nextjs and examples/express as built above, started as an integrator starts them
// (`next start`, `node dist/server.js`), each against its own sandbox: a flow in Chromium, the
// attestation verified on the example's server, the webhook received there.
const examplesReport = join(out, 'examples.json')
suite(
  'examples (Next.js, Express)',
  'pnpm',
  ['exec', 'playwright', 'test', '-c', 'examples', '--reporter=list,json'],
  examplesReport,
  playwrightCounts,
  { PLAYWRIGHT_JSON_OUTPUT_NAME: examplesReport },
)

process.stdout.write(`\nSuites\n${rows.map((row) => `  ${row}`).join('\n')}\n\n`)
const testsRan = totals.passed + totals.failed > 0
if (!testsRan) process.stdout.write('No test ran.\n')
process.stdout.write(
  `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
)
process.exit(totals.failed === 0 && testsRan ? 0 : 1)
