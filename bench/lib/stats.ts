/** Sorted copy, for the percentile helpers. */
function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('No samples: the benchmark measured nothing')
  return [...values].sort((a, b) => a - b)
}

/** The value at quantile `q` (0-1), linearly interpolated between the two nearest samples. */
export function quantile(values: readonly number[], q: number): number {
  const s = sorted(values)
  const at = (s.length - 1) * q
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return s[low]! + (s[high]! - s[low]!) * (at - low)
}

export const median = (values: readonly number[]) => quantile(values, 0.5)
export const p90 = (values: readonly number[]) => quantile(values, 0.9)

/** Median and p90 of one series of timings, with its size. */
export interface Summary {
  median: number
  p90: number
  n: number
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), p90: p90(values), n: values.length }
}
