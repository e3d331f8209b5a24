/**
 * Plain arithmetic on numbers and calendar dates that the report and `stats` share: median,
 * nearest-rank percentiles, whole days between two dates, months between two dates.
 */

/** Median of sorted numbers (the mean of the middle two for an even count); `null` for none. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The `p`th percentile of sorted numbers by the nearest-rank method: the value at rank ⌈p/100 × n⌉. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1]!
}

/** Arithmetic mean; `null` for no numbers. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length
}

/** Count, mean, median and 90th percentile (nearest rank) of some numbers. */
export interface NumberSummary {
  readonly count: number
  readonly mean: number | null
  readonly median: number | null
  readonly p90: number | null
}

/** Summarise numbers in any order. */
export function summarize(values: readonly number[]): NumberSummary {
  const sorted = [...values].sort((a, b) => a - b)
  return {count: sorted.length, mean: mean(sorted), median: median(sorted), p90: nearestRank(sorted, 90)}
}

const dayMs = 86_400_000

/** Whole days from one real `YYYY-MM-DD` date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs)
}

/** Every month `YYYY-MM` from `first` to `last` inclusive (empty when `last` is earlier). */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = []
  let year = Number(first.slice(0, 4))
  let month = Number(first.slice(5, 7))
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7))
  while (year * 12 + month <= end) {
    months.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`)
    month++
    if (month === 13) {
      month = 1
      year++
    }
  }
  return months
}
