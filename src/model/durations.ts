/**
 * Durations as teams write them: `80`, `80 minutes`, `1150m`, `1h 48m`, `1 hr 12 min`, `2 hrs 35
 * mins`, `3h20m`, `1.5 hours`, `2 days 4 hours`. Read into whole minutes for the complete model,
 * `stats` and the report; a text that is not a duration reads as none.
 */

const units: readonly (readonly [RegExp, number])[] = [
  [/^(?:d|days?)$/, 24 * 60],
  [/^(?:h|hrs?|hours?)$/, 60],
  [/^(?:m|mins?|minutes?)$/, 1],
  [/^(?:s|secs?|seconds?)$/, 1 / 60]
]

/** Whole minutes a duration gives, or `undefined` when the text is no duration or not whole minutes. */
export function durationMinutes(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  if (value === '' || value.length > 60) return undefined
  if (/^\d+$/.test(value)) return Number(value)
  // A bare number is whole minutes or nothing (`12.5` says no unit to round in).
  if (/^[\d.]+$/.test(value)) return undefined
  const parts = value.replace(/,|\band\b/g, ' ').match(/\d+(?:\.\d+)?\s*[a-z]+|\S+/g) ?? []
  let total = 0
  let last = Infinity
  for (const part of parts) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(part)
    if (!match) return undefined
    const unit = units.find(([pattern]) => pattern.test(match[2]!))
    // Units from the largest down, each once (`1h 20m`, not `20m 1h` or `1h 2h`).
    if (!unit || unit[1] >= last) return undefined
    last = unit[1]
    total += Number(match[1]) * unit[1]
  }
  // Note: whole minutes only (`1.5 hours` is 90; `12.5 minutes` is no whole number of them).
  return parts.length > 0 && Number.isInteger(Math.round(total * 1000) / 1000) ? Math.round(total) : undefined
}
