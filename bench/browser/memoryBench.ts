// Memory and leaks: 200 create → destroy cycles (inline and modal alternating). After
// garbage collection the JS heap must grow by less than 1 MB, and the window and document
// listeners and the iframes must be back where they started, read through the DevTools
// protocol. The floor: the same cycles with a bare iframe, in a page of its own.
import type { CDPSession, Page } from 'playwright'
import { bytes, ratio } from '../lib/report.js'
import type { Row } from '../lib/report.js'
import type { BrowserSession } from './browserSession.js'

const CYCLES = 200
// Every 20th cycle runs the whole handshake; the rest are torn down mid-load (see hostPage.ts).
// Waiting for every frame would take minutes on a loaded 2-core machine and add nothing a leak
// check needs: a leak of the ready path shows in 10 cycles as it would in 200.
const READY_EVERY = 20
// A few cycles before the baseline, so one-time costs (compiled code, caches) are not counted
// as a leak: a leak grows with the number of cycles.
const WARMUP_CYCLES = 5
const MAX_GROWTH_BYTES = 1_000_000

interface Snapshot {
  heapUsed: number
  windowListeners: number
  documentListeners: number
  iframes: number
  elements: number
}

async function listenerCount(cdp: CDPSession, expression: string): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'bench' })
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
    objectId: result.objectId!,
  })
  return listeners.length
}

async function snapshot(cdp: CDPSession, page: Page): Promise<Snapshot> {
  // Several passes: a first collection can leave garbage that only the next one frees.
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  const windowListeners = await listenerCount(cdp, 'window')
  const documentListeners = await listenerCount(cdp, 'document')
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' })
  const dom = await page.evaluate(() => ({
    iframes: document.querySelectorAll('iframe').length,
    elements: document.getElementsByTagName('*').length,
  }))
  return { heapUsed: usedSize, windowListeners, documentListeners, ...dom }
}

async function measure(
  session: BrowserSession,
  cycles: (page: Page, link: string, count: number) => Promise<void>,
) {
  const page = await session.open('/host.html')
  try {
    const cdp = await page.context().newCDPSession(page)
    const { link } = await session.newSession('memory')
    await cycles(page, link, WARMUP_CYCLES)
    const before = await snapshot(cdp, page)
    const started = performance.now()
    await cycles(page, link, CYCLES)
    const seconds = (performance.now() - started) / 1000
    const after = await snapshot(cdp, page)
    await cdp.detach()
    return { before, after, growth: after.heapUsed - before.heapUsed, seconds }
  } finally {
    await page.close()
  }
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`

export async function runMemoryBench(session: BrowserSession): Promise<Row[]> {
  const ours = await measure(session, (page, link, n) =>
    page.evaluate(([l, c, r]) => window.bench.sdkCycles(l, c, r), [link, n, READY_EVERY] as const),
  )
  const floor = await measure(session, (page, link, n) =>
    page.evaluate(([l, c, r]) => window.bench.bareCycles(l, c, r), [link, n, READY_EVERY] as const),
  )
  const same = (key: keyof Snapshot) => ours.after[key] === ours.before[key]
  const counts = (m: typeof ours) =>
    (['windowListeners', 'documentListeners', 'iframes'] as const)
      .map((key) => `${m.before[key]}→${m.after[key]}`)
      .join(' / ')
  return [
    {
      figure: `memory: JS heap growth after ${CYCLES} create/destroy cycles + GC`,
      ours: kB(ours.growth),
      reference: `${kB(floor.growth)} bare iframes`,
      ratio: floor.growth > 0 ? ratio(ours.growth, floor.growth) : null,
      target: `< ${kB(MAX_GROWTH_BYTES)}`,
      met: ours.growth < MAX_GROWTH_BYTES,
      data: { ours, floor, heapBefore: bytes(ours.before.heapUsed), readyEvery: READY_EVERY },
    },
    {
      figure: 'memory: window / document listeners / iframes, before→after',
      ours: counts(ours),
      reference: `${counts(floor)} bare`,
      ratio: null,
      target: 'unchanged',
      met: same('windowListeners') && same('documentListeners') && same('iframes'),
    },
  ]
}
