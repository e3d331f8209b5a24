/**
 * Text helpers shared by the parser, the serializer, the schema and the rules: placeholders,
 * dates, times, and the checks that decide whether a value can be written back where it belongs.
 * Every scanner here is a single linear pass (no backtracking regular expressions).
 */
import type {PlaceholderNotation} from '../profile/spec.js'

/** Whether `code` may appear inside a `{…}` placeholder: letters, digits, space and `_ - / .`. */
function isPlaceholderChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 32 ||
    code === 95 ||
    code === 45 ||
    code === 47 ||
    code === 46
  )
}

/** A placeholder found in text: offsets are relative to the scanned string. */
export interface PlaceholderMatch {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** The notations a template writes placeholders in (`{x}`, `{{ x }}`, `<x>`). */
export type Notation = PlaceholderNotation

const builtinNotations: readonly Notation[] = ['braces']

/** Every notation a template may write its placeholders in. */
export const everyNotation: readonly Notation[] = ['braces', 'braces-text', 'double-braces', 'angle']

/**
 * Find every placeholder in `text` (not escaped with a backslash), in the given notations
 * (default: SPEC §2's `{x}`). Code is the caller's business: pass only text outside code spans
 * and fences.
 */
export function findPlaceholders(text: string, notations: readonly Notation[] = builtinNotations): PlaceholderMatch[] {
  if (notations.length === 1 && notations[0] === 'braces') return findBraces(text, isPlaceholderChar)
  const found: PlaceholderMatch[] = []
  if (notations.includes('double-braces')) found.push(...findDoubleBraces(text))
  const free = (match: PlaceholderMatch): boolean => found.every((other) => match.end <= other.start || match.start >= other.end)
  if (notations.includes('braces-text')) found.push(...findBraces(text, (code) => code !== 123 && code !== 125 && code !== 10 && code !== 13).filter(free))
  else if (notations.includes('braces')) found.push(...findBraces(text, isPlaceholderChar).filter(free))
  if (notations.includes('angle')) found.push(...findAngles(text).filter(free))
  return found.sort((a, b) => a.start - b.start)
}

function escaped(text: string, index: number): boolean {
  let backslashes = 0
  for (let back = index - 1; back >= 0 && text.charCodeAt(back) === 92; back--) backslashes++
  return backslashes % 2 === 1
}

function findBraces(text: string, inside: (code: number) => boolean): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = []
  let index = text.indexOf('{')
  while (index !== -1) {
    let end = index + 1
    while (end < text.length && inside(text.charCodeAt(end))) end++
    if (!escaped(text, index) && end > index + 1 && text.charCodeAt(end) === 125 && text.slice(index + 1, end).trim() !== '') {
      found.push({start: index, end: end + 1, text: text.slice(index, end + 1)})
      index = text.indexOf('{', end + 1)
    } else {
      index = text.indexOf('{', index + 1)
    }
  }
  return found
}

/** `{{ x }}`: any text on one line between the doubled braces (one pass over each line). */
function findDoubleBraces(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = []
  let index = text.indexOf('{{')
  while (index !== -1) {
    const lineEnd = text.indexOf('\n', index)
    const stop = lineEnd === -1 ? text.length : lineEnd
    let close = index + 2
    while (close < stop - 1 && !(text.charCodeAt(close) === 125 && text.charCodeAt(close + 1) === 125)) close++
    if (close >= stop - 1) {
      // No `}}` on the rest of this line: nothing more to find on it.
      index = lineEnd === -1 ? -1 : text.indexOf('{{', lineEnd)
      continue
    }
    if (!escaped(text, index) && text.slice(index + 2, close).trim() !== '') found.push({start: index, end: close + 2, text: text.slice(index, close + 2)})
    index = text.indexOf('{{', close + 2)
  }
  return found
}

/**
 * `<x>`: prose between angle brackets on one line (`<Your name goes here>`, `<HH:MM>`,
 * `<Owner>`). A lower-case tag (`<br>`, `<a href="x">`), a closing or special tag (`</p>`,
 * `<!-- -->`) and an autolink (`<https://…>`, `<a@b.c>`) are not placeholders.
 */
function findAngles(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = []
  let index = text.indexOf('<')
  while (index !== -1) {
    let end = index + 1
    while (end < text.length && text[end] !== '>' && text[end] !== '<' && text[end] !== '\n') end++
    const inner = text.slice(index + 1, end)
    if (text[end] === '>' && !escaped(text, index) && isAngleText(inner)) {
      found.push({start: index, end: end + 1, text: text.slice(index, end + 1)})
      index = text.indexOf('<', end + 1)
    } else {
      index = text.indexOf('<', index + 1)
    }
  }
  return found
}

function isAngleText(inner: string): boolean {
  if (inner.trim() === '' || inner !== inner.trim() || /^[/!?]/.test(inner) || inner.includes('://') || /^mailto:/i.test(inner)) return false
  if (!/\s/.test(inner) && inner.includes('@')) return false
  // A lower-case tag, alone (`<br>`) or with attributes (`<a href="x">`), is HTML.
  if (/^[a-z][a-z0-9-]*(?:\s|\/?$)/.test(inner) && (!/\s/.test(inner) || inner.includes('='))) return false
  return /\p{L}/u.test(inner)
}

/** Whether the whole of `value` is one placeholder (`{DATE}`), in the given notations (default: `{x}`). */
export function isPlaceholder(value: string, notations: readonly Notation[] = builtinNotations): boolean {
  const trimmed = trimMarkdown(value)
  if (trimmed.length < 3) return false
  const found = findPlaceholders(trimmed, notations)
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === trimmed.length
}

/** Whether `value` is the template's unresolved choice `Full fix / Temporary workaround`. */
export function isUnresolvedChoice(value: string): boolean {
  const normal = value.toLowerCase().replace(/[\s*_`]+/g, ' ').trim()
  return normal === 'full fix / temporary workaround' || normal === 'full fix/temporary workaround' || normal === 'full fix or temporary workaround'
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no rollover: `2026-02-30` is not). */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(5, 7))
  const day = Number(value.slice(8, 10))
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  if (month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
  return day <= days
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/**
 * Minutes since midnight (or since the epoch, for ISO date-times) of a timeline time:
 * `HH:MM`, `HH:MM:SS` or an ISO date-time. `undefined` when it is neither.
 */
export function timeToMinutes(input: string): number | undefined {
  // A zone word after the time (`08:52 PST`, as list-form timelines write it) is allowed.
  const value = /\d [AP]M$/.test(input) ? input : input.replace(/ [A-Z]{2,5}(?:[+-]\d{1,2})?$/, '')
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])\.?[Mm]\.?)?$/.exec(value)
  if (clock) {
    let hours = Number(clock[1])
    const minutes = Number(clock[2])
    const seconds = clock[3] === undefined ? 0 : Number(clock[3])
    const meridiem = clock[4]?.toLowerCase()
    if (meridiem !== undefined) {
      // 12-hour: 12:07 PM is just after noon, 12:30 AM just after midnight.
      if (hours < 1 || hours > 12) return undefined
      hours = (hours % 12) + (meridiem === 'p' ? 12 : 0)
    }
    if (hours > 23 || minutes > 59 || seconds > 59) return undefined
    return hours * 60 + minutes + seconds / 60
  }
  if (isoDateTime.test(value)) {
    if (!isIsoDate(value.slice(0, 10))) return undefined
    const ms = Date.parse(value.replace(' ', 'T'))
    return Number.isNaN(ms) ? undefined : ms / 60_000
  }
  return undefined
}

/**
 * Whether the template's unit after a value (` minutes` after the duration) belongs to the
 * template's layout: after a whole number or a placeholder. Anything else is the user's own
 * words (`about 80 minutes`, `1h 20m`) and is kept, and written back, exactly as written.
 */
export function takesUnit(value: string): boolean {
  return /^\d+$/.test(value) || isPlaceholder(value)
}

/** The value without the template's unit (`47 minutes` → `47`), or the value as written. */
export function withoutUnit(value: string, unit: string | undefined): string {
  if (!unit || !value.endsWith(unit)) return value
  const rest = value.slice(0, -unit.length)
  return takesUnit(rest) ? rest : value
}

/** Markdown's white space: space, tab and line endings (not NBSP or other Unicode spaces). */
export function isMarkdownSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/** Strip Markdown white space (see `isMarkdownSpace`) from both ends. */
export function trimMarkdown(value: string): string {
  let start = 0
  let end = value.length
  while (start < end && isMarkdownSpace(value.charCodeAt(start))) start++
  while (end > start && isMarkdownSpace(value.charCodeAt(end - 1))) end--
  return value.slice(start, end)
}

/** Whether `value` has leading or trailing white space (spaces, tabs, line endings). */
export function hasOuterSpace(value: string): boolean {
  return value !== trimMarkdown(value)
}

/** Whether `value` holds a line ending. */
export function hasLineBreak(value: string): boolean {
  return value.includes('\n') || value.includes('\r')
}

const zoneNames = /^(?:(?:US|U\.S\.|Canada|Canadian)\s+)?(?:Pacific|Eastern|Central|Mountain|Atlantic|Alaska|Hawaii)(?:\s+(?:Standard|Daylight))?(?:\s+[Tt]ime)?$/

/**
 * Whether a qualifier names a time zone: an abbreviation (`PST`, `CET`, `UTC+2`), an offset
 * (`+02:00`), an IANA name (`Europe/Berlin`) or a North American zone in words (`US Pacific`).
 */
export function looksLikeZone(text: string): boolean {
  const value = text.trim()
  if (value.length === 0 || value.length > 40 || /[|()\n]/.test(value)) return false
  return (
    /^[A-Z]{2,5}(?:\s?[+-]\d{1,2}(?::?\d{2})?)?$/.test(value) ||
    /^[+-]\d{2}:?\d{2}$/.test(value) ||
    /^[A-Z][A-Za-z_]+\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?$/.test(value) ||
    zoneNames.test(value)
  )
}

/**
 * Normalise a heading or label for comparison: case, emoji, punctuation, `&`/`and`, a leading
 * section number and a trailing parenthetical do not matter.
 */
export function normalizeName(text: string): string {
  let value = text.toLowerCase().replace(/’/g, "'")
  // Note: a trailing parenthetical (`Timeline (all times PST)`) qualifies, it does not name.
  const open = value.lastIndexOf('(')
  if (open > 0 && value.trimEnd().endsWith(')')) value = value.slice(0, open)
  value = value.replace(/&/g, ' and ').replace(/n't\b/g, ' not')
  let out = ''
  let space = false
  for (const char of value) {
    if ((char >= 'a' && char <= 'z') || (char >= '0' && char <= '9')) {
      if (space && out) out += ' '
      out += char
      space = false
    } else {
      space = true
    }
  }
  // Leading numbering such as `1.` or `2)` is layout, not a name.
  return out.replace(/^(?:\d+ )+/, '')
}
