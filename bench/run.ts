// `pnpm bench`: every benchmark of BENCHMARKS.md in one run, one table on stdout, and
// bench/results.json. Figures are reported, never asserted: the only failures are a build that
// fails and a load run with errors. Options: --no-build (use the dist/ already there),
// --only=<sizes,decrypt,ready,decision,memory,server> (a subset, while working on one).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startBrowserSession } from './browser/browserSession.js'
import { runDecisionBench } from './browser/decisionBench.js'
import { runDecryptBench } from './browser/decryptBench.js'
import { runMemoryBench } from './browser/memoryBench.js'
import { runReadyBench } from './browser/readyBench.js'
import { formatTable, machine, writeResults } from './lib/report.js'
import type { Section } from './lib/report.js'
import { LoadError } from './server/loadTest.js'
import { runServerBench } from './server/serverBench.js'
import { runSizeBench } from './sizes/sizeBench.js'

const root = join(import.meta.dirname, '..')
const ALL = ['sizes', 'decrypt', 'ready', 'decision', 'memory', 'server'] as const
type Bench = (typeof ALL)[number]

const { values } = parseArgs({
  options: { 'no-build': { type: 'boolean' }, only: { type: 'string' } },
})
const only = new Set((values.only?.split(',') ?? ALL) as Bench[])
const wants = (name: Bench) => only.has(name)
const started = performance.now()

function step(text: string) {
  const at = ((performance.now() - started) / 1000).toFixed(0).padStart(3)
  process.stderr.write(`[bench ${at}s] ${text}\n`)
}

// The host entries are measured from dist/, as integrators install them.
function build() {
  step('building core, react and embed')
  const filters = ['core', 'react', 'embed'].flatMap((p) => ['--filter', `@humanos-link/${p}`])
  // Build logs go to stderr: stdout is the table.
  const result = spawnSync('pnpm', [...filters, 'run', 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  })
  if (result.status !== 0) throw new Error('The build failed; the benchmarks need dist/')
}

const sections: Section[] = []
let chromium: string | null = null
let failure: Error | null = null

try {
  if (!values['no-build']) build()
  if (wants('sizes')) {
    step('sizes')
    sections.push(await runSizeBench())
  }
  const browserBenches = (['decrypt', 'ready', 'decision', 'memory'] as const).filter(wants)
  if (browserBenches.length > 0) {
    const session = await startBrowserSession()
    chromium = session.browser.version()
    const rows = []
    try {
      const runners = {
        decrypt: runDecryptBench,
        ready: runReadyBench,
        decision: runDecisionBench,
        memory: runMemoryBench,
      }
      for (const name of browserBenches) {
        step(name)
        rows.push(...(await runners[name](session)))
      }
    } finally {
      await session.close()
    }
    sections.push({
      title: `Speed, Chromium ${chromium} via Playwright (host on localhost, Link frame on 127.0.0.1)`,
      rows,
    })
  }
  if (wants('server')) {
    step('server load (sandbox, then BFF)')
    sections.push({
      title: 'Server, autocannon on loopback (server in its own process; floor = its health route)',
      rows: await runServerBench({ bff: true }),
      notes: ['ratio = ours ÷ floor: for requests/s lower means slower, for latency higher'],
    })
  }
} catch (error) {
  failure = error instanceof Error ? error : new Error(String(error))
}

const seconds = (performance.now() - started) / 1000
process.stdout.write(`\n${formatTable(sections)}\n`)
process.stdout.write(`${seconds.toFixed(0)} s in all; results in bench/results.json\n`)
await writeResults(join(import.meta.dirname, 'results.json'), {
  date: new Date().toISOString(),
  seconds: Number(seconds.toFixed(1)),
  machine: machine(chromium),
  failure: failure?.message ?? null,
  sections,
})
if (failure) {
  process.stderr.write(
    `\nbench failed: ${failure instanceof LoadError ? '' : `${failure.stack ?? ''}\n`}${failure.message}\n`,
  )
  process.exit(1)
}
