/**
 * "Did you mean" for names people type: rule ids, levels, presets, commands. Browser-safe, so
 * the library's `TypeError`s and the CLI's messages suggest the same names.
 */

/**
 * "did you mean `a` or `b`?" with the known names close to `given`, else the three nearest
 * as examples.
 */
export function didYouMean(given: string, known: readonly string[]): string {
  const close = closeNames(given, known)
  if (close.length > 0) return `did you mean ${quotedList(close, 'or')}?`
  const nearest = nearestNames(given, known)
  return nearest.length === 0 ? 'none is known' : `the nearest known ones are ${quotedList(nearest, 'and')}`
}

/**
 * Known names close to `given`: those at the smallest edit distance, when it is at most a third
 * of its length (at least 2), and those that start with it (`warn` → `warning`). At most three.
 */
export function closeNames(given: string, known: readonly string[]): string[] {
  const lower = given.slice(0, 200).toLowerCase()
  if (lower.length === 0) return []
  const limit = Math.max(2, Math.floor(given.length / 3))
  const scored = known.map((name) => ({name, distance: editDistance(lower, name.toLowerCase()), prefix: name.toLowerCase().startsWith(lower)}))
  const best = Math.min(...scored.map((entry) => entry.distance))
  return scored
    .filter((entry) => entry.prefix || (entry.distance <= limit && entry.distance === best))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((entry) => entry.name)
}

/** Up to `count` known names nearest to `given` (Levenshtein distance, then name). */
export function nearestNames(given: string, known: readonly string[], count = 3): string[] {
  // Note: names longer than anything known are cut, so a 10 MB typo costs no more than a short one.
  const probe = given.slice(0, 200).toLowerCase()
  return known
    .map((name) => ({name, distance: editDistance(probe, name.toLowerCase())}))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((entry) => entry.name)
}

/** Levenshtein distance (insertions, deletions, substitutions), in O(|a|·|b|) time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

/** `` `a`, `b` or `c` `` (with `conjunction` before the last name). */
export function quotedList(names: readonly string[], conjunction: string): string {
  const quoted = names.map((name) => `\`${name}\``)
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)!}`
}

/** A value as a message shows it: strings in backticks, anything else as JSON (or its type). */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `\`${value.length > 80 ? value.slice(0, 77) + '…' : value}\``
  if (value === undefined) return '`undefined`'
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return `a ${typeof value}`
  try {
    const text = JSON.stringify(value)
    return text.length > 80 ? `\`${text.slice(0, 77)}…\`` : `\`${text}\``
  } catch {
    return `a ${typeof value}`
  }
}
