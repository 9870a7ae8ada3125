// Time to ready: `createHumanosLink` until `onReady` against a bare `<iframe>` of the same
// sandbox URL until its `load` (the floor). A fresh session for every run, pairs alternating
// which goes first.
import { ms, ratio } from '../lib/report.js'
import type { Row } from '../lib/report.js'
import { median, summarize } from '../lib/stats.js'
import type { BrowserSession } from './browserSession.js'
import type { ReadyTimes } from './pages/hostPage.js'

const PAIRS = 20
const WARMUP_PAIRS = 2
const TARGET = 1.1

export async function runReadyBench(session: BrowserSession): Promise<Row[]> {
  const page = await session.open('/host.html')
  const ours: number[] = []
  const floor: number[] = []
  const attached: number[] = []
  const sdkFrameLoad: number[] = []
  try {
    for (let i = 0; i < PAIRS + WARMUP_PAIRS; i++) {
      const sdk = await session.newSession('ready')
      const bare = await session.newSession('ready')
      // The URL the SDK would build, made (key pair included) before the floor's clock starts.
      const src = await page.evaluate((link) => window.bench.frameUrl(link), bare.link)
      const runSdk = () => page.evaluate((link) => window.bench.sdkReady(link), sdk.link)
      const runBare = () => page.evaluate((url) => window.bench.bareLoad(url), src)
      let t: ReadyTimes
      let f: number
      if (i % 2 === 0) {
        t = await runSdk()
        f = await runBare()
      } else {
        f = await runBare()
        t = await runSdk()
      }
      if (i < WARMUP_PAIRS) continue
      ours.push(t.ready)
      floor.push(f)
      attached.push(t.attached)
      if (t.load !== null) sdkFrameLoad.push(t.load)
    }
  } finally {
    await page.close()
  }
  const o = summarize(ours)
  const b = summarize(floor)
  const r = ratio(o.median, b.median)
  return [
    {
      figure: `time to ready: createHumanosLink → onReady (median of ${o.n})`,
      ours: ms(o.median),
      reference: `${ms(b.median)} bare <iframe> load`,
      ratio: r,
      target: `≤ ${TARGET.toFixed(2)}×`,
      met: r !== null && r <= TARGET,
      data: {
        ours: o,
        floor: b,
        medianPairRatio: median(ours.map((t, i) => t / floor[i]!)),
        warmupPairs: WARMUP_PAIRS,
        iframeAttached: summarize(attached),
        sdkIframeLoad: sdkFrameLoad.length > 0 ? summarize(sdkFrameLoad) : null,
      },
    },
    {
      figure: 'time to ready: median of the per-pair ratios',
      ours: '—',
      reference: '—',
      ratio: median(ours.map((t, i) => t / floor[i]!)),
      target: '—',
      met: null,
    },
    {
      figure: 'time to ready (p90)',
      ours: ms(o.p90),
      reference: `${ms(b.p90)} bare <iframe> load`,
      ratio: ratio(o.p90, b.p90),
      target: '—',
      met: null,
    },
    {
      figure: 'time to ready: key pair + iframe appended (median)',
      ours: ms(median(attached)),
      reference: '—',
      ratio: null,
      target: '—',
      met: null,
    },
  ]
}
