/**
 * What a template's placeholder says about its value: its name (`incident date`) and the type its
 * hint or its name gives (`{{ incident date: yyyy-mm-dd }}` is a date, `{HH:MM}` a time,
 * `{SEV1/SEV2/SEV3}` an enum, `{Xh Ym}` a duration in minutes). SPEC §9's "types, from the hint
 * or the name".
 */
import type {ValueType} from '../spec.js'

/** A placeholder read: the words that name it and the hint after its colon, if any. */
export interface PlaceholderWords {
  /** The placeholder's words without its brackets (`incident date: yyyy-mm-dd`). */
  readonly inner: string
  /** What names it (`incident date`). */
  readonly name: string
  /** The type hint after a colon (`yyyy-mm-dd`), if any. */
  readonly hint: string | undefined
}

/** The words of a placeholder as written (`{x}`, `{{ x }}` or `<x>`). */
export function placeholderWords(placeholder: string): PlaceholderWords {
  let inner = placeholder
  if (inner.startsWith('{{') && inner.endsWith('}}')) inner = inner.slice(2, -2)
  else if ((inner.startsWith('{') && inner.endsWith('}')) || (inner.startsWith('<') && inner.endsWith('>'))) inner = inner.slice(1, -1)
  inner = inner.trim()
  const colon = inner.indexOf(':')
  // A colon between digits (`HH:MM`) is part of a notation, not a hint's start.
  const hinted = colon > 0 && !/\d|[hH]$/.test(inner[colon - 1]!) && inner[colon + 1] === ' '
  return hinted ? {inner, name: inner.slice(0, colon).trim(), hint: inner.slice(colon + 1).trim()} : {inner, name: inner, hint: undefined}
}

/** The type a placeholder gives its value. */
export interface HintedType {
  readonly type: ValueType
  /** A date's or date-time's notation in dayjs tokens (`DD-MM-YYYY`, `MMMM Do, YYYY`). */
  readonly format?: string
  /** An enum's values as the template writes them. */
  readonly values?: readonly string[]
}

const monthWord = /^(?:month|mon|mmmm|mmm)$/i

/**
 * A date notation in dayjs tokens from the way a template writes it, or `undefined` when the text
 * is no date notation: `yyyy-mm-dd` → `YYYY-MM-DD`, `Month Do, YYYY` → `MMMM Do, YYYY`,
 * `Mon D, YYYY` → `MMM D, YYYY`, `DD-MM-YYYY HH:MM` → `DD-MM-YYYY HH:mm`.
 */
export function dateFormatOf(text: string): string | undefined {
  const words = text.trim().split(/([^A-Za-z]+)/)
  let year = false
  let day = false
  let month = false
  let hours = false
  const out: string[] = []
  for (const word of words) {
    if (word === '' || !/^[A-Za-z]+$/.test(word)) {
      // Separators: digits are no notation.
      if (/\d/.test(word)) return undefined
      out.push(word)
      continue
    }
    if (/^y{2,4}$/i.test(word)) {
      year = true
      out.push(word.length === 2 ? 'YY' : 'YYYY')
    } else if (monthWord.test(word)) {
      month = true
      out.push(/^(?:month|mmmm)$/i.test(word) ? 'MMMM' : 'MMM')
    } else if (/^(?:do|d{1,2})$/i.test(word)) {
      day = true
      out.push(/^do$/i.test(word) ? 'Do' : word.length === 2 ? 'DD' : 'D')
    } else if (/^h{1,2}$/i.test(word)) {
      hours = true
      out.push(word === word.toLowerCase() && word.length === 1 ? 'h' : word.length === 2 ? 'HH' : 'H')
    } else if (/^m{1,2}$/i.test(word)) {
      // Minutes after hours, else the month.
      if (hours) out.push('mm')
      else {
        month = true
        out.push(word.length === 2 ? 'MM' : 'M')
      }
    } else if (/^ss$/i.test(word) && hours) out.push('ss')
    else if (/^a$/i.test(word) && hours) out.push('A')
    else return undefined
  }
  return year && month && day ? out.join('') : undefined
}

/** Whether text is a time-of-day notation (`HH:MM`, `hh:mm`, `HH:mm:ss`). */
function isTimeNotation(text: string): boolean {
  return /^h{1,2}:m{2}(?::s{2})?(?: ?a)?$/i.test(text.trim())
}

/** Whether text names or hints a duration (`duration`, `Xh Ym`, `minutes of impact`, `e.g. 1h 20m`). */
function isDuration(text: string): boolean {
  const lower = text.toLowerCase()
  return /\b(?:duration|minutes|how long|time to (?:restore|recover|resolve|mitigate))\b/.test(lower) || /\bx ?h(?:ours?)?\s*y ?m(?:in(?:utes?)?)?\b/.test(lower) || /e\.g\.\s*\d+\s*(?:h|hr|hours?|m|min)\b/.test(lower)
}

/** The values of a choice (`Draft/In review/Final`, `SEV1|SEV2`): short tokens between `/` or `|`. */
export function choiceValues(text: string): string[] | undefined {
  const separator = text.includes('|') ? '|' : '/'
  const values = text.split(separator).map((value) => value.trim())
  if (values.length < 2 || values.some((value) => value === '' || value.length > 24 || value.split(/\s+/).length > 3 || /[{}<>]/.test(value))) return undefined
  // `and/or` in a sentence is no choice: every value is a short token.
  if (values.some((value) => !/^[\p{L}\p{N}][\p{L}\p{N} '._-]*$/u.test(value))) return undefined
  return values
}

/** The type a placeholder's hint or name gives its value. */
export function typeOf(placeholder: PlaceholderWords): HintedType {
  const candidates = placeholder.hint === undefined ? [placeholder.inner] : [placeholder.hint, placeholder.name]
  for (const text of candidates) {
    if (isTimeNotation(text)) return {type: 'time'}
    const format = dateFormatOf(text)
    if (format) return /[Hh]/.test(format) ? {type: 'datetime', format} : {type: 'date', format}
  }
  for (const text of candidates) {
    const values = choiceValues(text)
    if (values) return {type: 'enum', values}
  }
  if (candidates.some(isDuration)) return {type: 'minutes'}
  // By the name: a date (`Due date`, `Date`), in ISO notation when no hint gives another.
  if (/^(?:(?:incident |due |target |start |end )?date|due|deadline|day)$/i.test(placeholder.name.trim())) return {type: 'date', format: 'YYYY-MM-DD'}
  return {type: 'text'}
}

/** The camelCase id of words (`Resolution and recovery` → `resolutionAndRecovery`); `field` when none. */
export function camelCase(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/'/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
  if (words.length === 0) return ''
  const id = words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase())).join('')
  return /^\d/.test(id) ? `n${id}` : id
}

const isWordOrSpace = (char: string): boolean => char === ' ' || char === '_' || /^[\p{L}\p{N}]$/u.test(char)

/**
 * The label that ends a line's text before a placeholder (`Owner: ` → `Owner`): letters, digits
 * and spaces from a letter up to a colon at the end; `undefined` when there is none.
 */
export function leadLabel(before: string): string | undefined {
  const text = before.trimEnd()
  if (!text.endsWith(':')) return undefined
  const colon = text.length - 1
  let start = colon
  while (start > 0 && isWordOrSpace(text[start - 1]!)) start--
  while (start < colon && !/^[A-Za-z]$/.test(text[start]!)) start++
  return start < colon ? text.slice(start, colon) : undefined
}

/** The text without the colons and white space that end it (`Owner: ` → `Owner`). */
export function withoutTrailingColon(text: string): string {
  let end = text.length
  while (end > 0 && (text[end - 1] === ':' || /^\s$/.test(text[end - 1]!))) end--
  return text.slice(0, end)
}

/** The text with its HTML comments taken out, each with the white space around it as one space. */
export function withoutComments(text: string): string {
  let out = ''
  let at = 0
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', at)) {
    const close = text.indexOf('-->', open + 4)
    if (close === -1) break
    out += `${text.slice(at, open).trimEnd()} `
    at = close + 3
    while (/^\s$/.test(text[at] ?? '')) at++
  }
  return out + text.slice(at)
}

/**
 * `[link to github issue]`: bracketed literal text with a space in it, not a link already (no
 * `(`, `:` or `[` after it), that the writer replaces with a link. Offsets into the line.
 */
export function linkSlots(line: string): {start: number; end: number; text: string}[] {
  const found: {start: number; end: number; text: string}[] = []
  for (let open = line.indexOf('['); open !== -1; open = line.indexOf('[', open + 1)) {
    const close = line.indexOf(']', open + 1)
    if (close === -1) break
    const inner = line.slice(open + 1, close)
    const after = line[close + 1]
    if (inner.includes('\n') || !/\s/.test(inner) || after === '(' || after === ':' || after === '[') continue
    found.push({start: open, end: close + 1, text: line.slice(open, close + 1)})
    open = close
  }
  return found
}
