/** A profile's title heading (`# Postmortem: HOTFIX-{ID}`): finding the id in a title as written. */
import type {Profile} from '../profile/compile.js'

/** A title split into the id after the profile's prefix (offsets in the text) and its other words. */
export interface TitleParts {
  /** Offsets of the id, when the title has the prefix (`HOTFIX-`) at the start of a word. */
  readonly id: {readonly start: number; readonly end: number} | undefined
  /** The title's other words (without the template's lead, `Postmortem:`). */
  readonly rest: string
}

/** Split a title's text into the id and the other words (no id when the profile's title names none). */
export function titleParts(profile: Profile, text: string): TitleParts {
  const prefix = profile.title?.id?.prefix
  if (!prefix) return {id: undefined, rest: text.trim()}
  // The prefix at the start of a word (`HHOTFIX-1` is not an id).
  const lower = text.toLowerCase()
  const wanted = prefix.toLowerCase()
  let at = lower.indexOf(wanted)
  while (at > 0 && /[\p{L}\p{N}_]/u.test(text[at - 1]!)) at = lower.indexOf(wanted, at + 1)
  if (at === -1) return {id: undefined, rest: text.trim()}
  const start = at + prefix.length
  let end = start
  while (end < text.length && text[end] !== ' ' && text[end] !== '\t') end++
  if (end > start + 1 && text[end - 1] === ':') end--
  let before = text.slice(0, at).trim()
  const lead = profile.title?.lead?.toLowerCase()
  if (lead && before.toLowerCase().startsWith(lead.replace(/:$/, ''))) before = before.slice(lead.replace(/:$/, '').length).replace(/^\s*:?\s*/, '').trim()
  const after = text.slice(end).replace(/^[\s:—–-]+/, '').trim()
  return {id: {start, end}, rest: [before, after].filter(Boolean).join(' ')}
}

/** The id a title names (`undefined` when it has none). */
export function titleId(profile: Profile, text: string): string | undefined {
  const {id} = titleParts(profile, text)
  return id ? text.slice(id.start, id.end) : undefined
}

/** The template's title for an id (its placeholder when unfilled). */
export function templateTitle(profile: Profile, id: string | null): string {
  const title = profile.title
  if (!title) return ''
  return title.id ? title.text.replace(title.id.placeholder, id ?? title.id.placeholder) : title.text
}
