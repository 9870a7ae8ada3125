// Decision latency: from the Accept click inside the Link frame to `onSuccess` in the host,
// against the moment the frame's raw `complete` message reaches the host window (the floor:
// what any integration gets before checking or decrypting anything). The code is typed in from
// the sandbox's outbox first, as a person would.
import type { Frame, Page } from 'playwright'
import { ms, ratio } from '../lib/report.js'
import type { Row } from '../lib/report.js'
import { median, summarize } from '../lib/stats.js'
import type { BrowserSession } from './browserSession.js'

const RUNS = 8
const WARMUP = 1
const STEP_TIMEOUT_MS = 15_000

interface AcceptWindow {
  benchAcceptAt?: number
}

function linkFrame(page: Page, sandboxUrl: string): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(`${sandboxUrl}/link/`))
  if (!frame) throw new Error('The Link frame is not in the page')
  return frame
}

async function oneDecision(session: BrowserSession, page: Page) {
  const { link, contact } = await session.newSession('decision')
  await page.evaluate((l) => window.bench.startDecision(l), link)
  try {
    const frame = linkFrame(page, session.sandbox.url)
    await frame.getByRole('button', { name: 'Continue' }).click({ timeout: STEP_TIMEOUT_MS })
    await frame.getByLabel('One-time code').fill(await session.otpFor(contact))
    await frame.getByRole('button', { name: 'Verify' }).click({ timeout: STEP_TIMEOUT_MS })
    const accept = frame.getByRole('button', { name: 'Accept' })
    await accept.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
    // Stamped in the capture phase, before the frame's own click handler runs.
    await frame.evaluate(() => {
      document.addEventListener(
        'click',
        (event) => {
          const target = event.target as Element | null
          if (!target?.closest('[data-action="accept"]')) return
          ;(window as AcceptWindow).benchAcceptAt ??= performance.timeOrigin + performance.now()
        },
        true,
      )
    })
    await accept.click({ timeout: STEP_TIMEOUT_MS })
    await page.waitForFunction(() => window.bench.decisionTimes()?.successAt != null, null, {
      timeout: STEP_TIMEOUT_MS,
    })
    const times = await page.evaluate(() => window.bench.decisionTimes())
    const acceptAt = await frame.evaluate(() => (window as AcceptWindow).benchAcceptAt)
    if (!times?.successAt || !times.completeAt || !acceptAt) {
      throw new Error('A decision run did not record all three instants')
    }
    return { ours: times.successAt - acceptAt, floor: times.completeAt - acceptAt }
  } finally {
    await page.evaluate(() => window.bench.endDecision())
  }
}

export async function runDecisionBench(session: BrowserSession): Promise<Row[]> {
  const page = await session.open('/host.html')
  const ours: number[] = []
  const floor: number[] = []
  try {
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const run = await oneDecision(session, page)
      if (i < WARMUP) continue
      ours.push(run.ours)
      floor.push(run.floor)
    }
  } finally {
    await page.close()
  }
  const o = summarize(ours)
  const b = summarize(floor)
  // What the SDK adds after the message arrives: checks, queueing, decryption, callbacks.
  const added = ours.map((t, i) => t - floor[i]!)
  return [
    {
      figure: `decision: Accept click → onSuccess (median of ${o.n})`,
      ours: ms(o.median),
      reference: `${ms(b.median)} raw complete msg`,
      ratio: ratio(o.median, b.median),
      target: '—',
      met: null,
      data: { ours: o, floor: b, sdkAdds: summarize(added), warmup: WARMUP },
    },
    {
      figure: 'decision latency (p90)',
      ours: ms(o.p90),
      reference: `${ms(b.p90)} raw complete msg`,
      ratio: ratio(o.p90, b.p90),
      target: '—',
      met: null,
    },
    {
      figure: 'decision: added by the SDK after the message arrives (median)',
      ours: ms(median(added)),
      reference: '—',
      ratio: null,
      target: '—',
      met: null,
    },
  ]
}
