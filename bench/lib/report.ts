import { writeFile } from 'node:fs/promises'
import os from 'node:os'

/** One line of the table: a figure of ours beside its floor or peer, in the same run. */
export interface Row {
  /** What is measured, e.g. `decrypt: openResult, 2 KB payload (median)`. */
  figure: string
  ours: string
  /** The floor or peer it is compared with, formatted, with what it is. */
  reference: string
  /** ours / reference (lower is better for every figure here). */
  ratio: number | null
  /** The target from the issue, as text (`≤ 1.15×`, `≤ 6000 B gz`), or `—`. */
  target: string
  /** Whether the target is met; `null` when there is no target. */
  met: boolean | null
  /** The raw numbers behind the row, for results.json. */
  data?: Record<string, unknown>
}

/** A titled group of rows. */
export interface Section {
  title: string
  rows: Row[]
  /** Lines printed under the section (method notes, caveats of this run). */
  notes?: string[]
}

export const ms = (value: number) =>
  value < 10
    ? `${value.toFixed(3)} ms`
    : value < 100
      ? `${value.toFixed(1)} ms`
      : `${value.toFixed(0)} ms`
export const bytes = (value: number) => `${value} B`
export const ratio = (ours: number, reference: number) => (reference > 0 ? ours / reference : null)
export const times = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}×`)

const COLUMNS = ['figure', 'ours', 'floor / peer', 'ratio', 'target', 'met'] as const

function cells(row: Row): string[] {
  const met = row.met === null ? '' : row.met ? 'yes' : 'NO'
  return [row.figure, row.ours, row.reference, times(row.ratio), row.target, met]
}

/** The one table `pnpm bench` prints. */
export function formatTable(sections: Section[]): string {
  const all = sections.flatMap((s) => s.rows.map(cells))
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...all.map((c) => c[i]!.length)))
  const line = (values: readonly string[]) =>
    values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ')
  const rule = '─'.repeat(widths.reduce((sum, w) => sum + w + 2, -2))
  const out = [line(COLUMNS), rule]
  for (const section of sections) {
    out.push(`${section.title}`)
    for (const row of section.rows) out.push(line(cells(row)))
    for (const note of section.notes ?? []) out.push(`  · ${note}`)
    out.push('')
  }
  return out.join('\n')
}

/** What the machine was, so figures from different runs are not compared blindly. */
export function machine(chromium: string | null) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    chromium,
    platform: `${os.platform()} ${os.release()}`,
  }
}

export async function writeResults(file: string, results: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
}
