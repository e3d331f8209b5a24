/** The title `# Postmortem: HOTFIX-{ID}`: finding the id in a title as written. */

/** A title split into the id after `HOTFIX-` (offsets in the text) and its other words. */
export interface TitleParts {
  /** Offsets of the id, when the title has `HOTFIX-` at the start of a word. */
  readonly id: {readonly start: number; readonly end: number} | undefined
  /** The title's other words (without `Postmortem:`). */
  readonly rest: string
}

/** Split a title's text into the hotfix id and the other words. */
export function titleParts(text: string): TitleParts {
  // `HOTFIX-` at the start of a word (`HHOTFIX-1` is not an id).
  const lower = text.toLowerCase()
  let at = lower.indexOf('hotfix-')
  while (at > 0 && /[\p{L}\p{N}_]/u.test(text[at - 1]!)) at = lower.indexOf('hotfix-', at + 1)
  if (at === -1) return {id: undefined, rest: text.trim()}
  const start = at + 'hotfix-'.length
  let end = start
  while (end < text.length && text[end] !== ' ' && text[end] !== '\t') end++
  if (end > start + 1 && text[end - 1] === ':') end--
  const before = text.slice(0, at).replace(/^\s*postmortem\s*:?\s*/i, '').trim()
  const after = text.slice(end).replace(/^[\s:—–-]+/, '').trim()
  return {id: {start, end}, rest: [before, after].filter(Boolean).join(' ')}
}

/** The id a title names (`undefined` when it has no `HOTFIX-`). */
export function titleId(text: string): string | undefined {
  const {id} = titleParts(text)
  return id ? text.slice(id.start, id.end) : undefined
}

/** The placeholder of the id in the template's title. */
export const titlePlaceholder = '{ID}'

/** The template's title for an id (`{ID}` when unfilled). */
export function templateTitle(id: string | null): string {
  return `Postmortem: HOTFIX-${id ?? titlePlaceholder}`
}
