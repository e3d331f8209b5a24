/**
 * Labels short enough for a chart's axis that still tell every name apart. Cutting each name
 * to its first characters gives files of one project the same label
 * (`kubernetes__test-infra__201…` five times), so each name keeps the part where it differs
 * from the others, from the start of that word.
 */

/** How far back a cut may move to start at the beginning of a word rather than inside one. */
const reach = 12

/**
 * One label per name, at most `max` characters (an elided part shows as `…`): a name that fits
 * is itself; longer ones drop the start every name shares (a folder, a project prefix) and show
 * what follows, from the start of a word (`…2019-06-12-prow-outage.md`). Names still
 * cut alike keep the part that tells them from the names most like them. Different names always
 * get different labels (should two cuts still agree, they are numbered `#1`, `#2`).
 */
export function distinctLabels(names: readonly string[], max = 28): string[] {
  const distinct = [...new Set(names)]
  const shared = distinct.length < 2 ? 0 : distinct.reduce((length, name) => Math.min(length, commonPrefix(name, distinct[0]!)), Infinity)
  const labels = names.map((name) => cut(name, wordStart(name, shared), max))
  // Names cut alike: from where each differs from the names most like it.
  const prefix = sharedEnds(names)
  for (const indexes of collisions(names, labels)) for (const index of indexes) labels[index] = cut(names[index]!, wordStart(names[index]!, prefix[index]!), max)
  // Should cuts still agree, number them.
  const taken = new Set(labels)
  for (const indexes of collisions(names, labels)) {
    const label = labels[indexes[0]!]!
    let number = 0
    for (const index of indexes) {
      let numbered: string
      do {
        const mark = ` #${++number}`
        numbered = label.slice(0, Math.max(1, max - mark.length - 1)) + '…' + mark
      } while (taken.has(numbered))
      taken.add(numbered)
      labels[index] = numbered
    }
  }
  return labels
}

/** Groups of indexes whose labels agree although their names differ. */
function collisions(names: readonly string[], labels: readonly string[]): number[][] {
  const byLabel = new Map<string, number[]>()
  for (const [index, label] of labels.entries()) byLabel.set(label, [...(byLabel.get(label) ?? []), index])
  return [...byLabel.values()].filter((indexes) => new Set(indexes.map((index) => names[index])).size > 1)
}

/** `at`, moved back (at most `reach` characters) to the start of its word: after `/`, `_`, a space or `.`, else after `-`. */
function wordStart(name: string, at: number): number {
  const limit = Math.max(0, at - reach)
  for (const separators of ['/\\_ .', '-']) {
    for (let index = at; index > limit; index--) if (separators.includes(name[index - 1]!)) return index
  }
  return at
}

/**
 * For each name, the longest start it shares with any other name that differs from it: after
 * sorting, that is shared with a neighbour. O(n log n) comparisons.
 */
function sharedEnds(names: readonly string[]): number[] {
  const distinct = [...new Set(names)].sort()
  const longest = new Map<string, number>()
  for (const [index, name] of distinct.entries()) {
    const before = index > 0 ? commonPrefix(name, distinct[index - 1]!) : 0
    const after = index + 1 < distinct.length ? commonPrefix(name, distinct[index + 1]!) : 0
    longest.set(name, Math.max(before, after))
  }
  return names.map((name) => longest.get(name) ?? 0)
}

function commonPrefix(a: string, b: string): number {
  let length = 0
  while (length < a.length && length < b.length && a[length] === b[length]) length++
  return length
}

/**
 * `name` cut to `max` characters from `from`: as much as fits from there on, then, with room
 * left, the whole words before it.
 */
function cut(name: string, from: number, max: number): string {
  if (name.length <= max) return name
  let start = Math.min(from, name.length - 1)
  let end = start + 1
  const size = (first: number, last: number): number => last - first + (first > 0 ? 1 : 0) + (last < name.length ? 1 : 0)
  while (end < name.length && size(start, end + 1) <= max) end++
  // Room left: whole words before it.
  let wider = start
  while (wider > 0 && size(wider - 1, end) <= max) wider--
  while (wider < start && wider > 0 && !(isSeparator(name[wider - 1]!) && !isSeparator(name[wider]!))) wider++
  start = wider
  // Never half a surrogate pair.
  if (start > 0 && isLowSurrogate(name.charCodeAt(start))) start++
  if (end < name.length && isLowSurrogate(name.charCodeAt(end))) end--
  return (start > 0 ? '…' : '') + name.slice(start, end) + (end < name.length ? '…' : '')
}

function isSeparator(char: string): boolean {
  return '/\\_ .-'.includes(char)
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
