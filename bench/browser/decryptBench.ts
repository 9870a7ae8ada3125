// Decrypt: `openResult` on a 2 KB payload against the bare Web Crypto chain (the floor), same
// page, same inputs, alternating.
import { ms, ratio } from '../lib/report.js'
import type { Row } from '../lib/report.js'
import { median, summarize } from '../lib/stats.js'
import type { BrowserSession } from './browserSession.js'

const RUNS = 1000
const WARMUP = 50
const TARGET = 1.15

export async function runDecryptBench(session: BrowserSession): Promise<Row[]> {
  const page = await session.open('/decrypt.html')
  try {
    const run = await page.evaluate(([runs, warmup]) => window.runDecrypt(runs, warmup), [
      RUNS,
      WARMUP,
    ] as const)
    if (!run.isolated) throw new Error('The decrypt page is not cross-origin isolated')
    const ours = summarize(run.ours)
    const floor = summarize(run.floor)
    const pairRatios = run.ours.map((t, i) => t / run.floor[i]!)
    const r = ratio(ours.median, floor.median)
    return [
      {
        figure: `decrypt: openResult, ${run.payloadBytes / 1024} KB payload (median of ${ours.n})`,
        ours: ms(ours.median),
        reference: `${ms(floor.median)} Web Crypto chain`,
        ratio: r,
        target: `≤ ${TARGET.toFixed(2)}×`,
        met: r !== null && r <= TARGET,
        data: { ours, floor, medianPairRatio: median(pairRatios), warmup: WARMUP },
      },
      {
        // Each pair ran back to back, so the median of their ratios shrugs off slow drifts.
        figure: 'decrypt: median of the per-pair ratios',
        ours: '—',
        reference: '—',
        ratio: median(pairRatios),
        target: '—',
        met: null,
      },
      {
        figure: 'decrypt: openResult (p90)',
        ours: ms(ours.p90),
        reference: `${ms(floor.p90)} Web Crypto chain`,
        ratio: ratio(ours.p90, floor.p90),
        target: '—',
        met: null,
      },
    ]
  } finally {
    await page.close()
  }
}
