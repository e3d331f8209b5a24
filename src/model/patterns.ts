/**
 * Lines in a template's words: a pattern of literal text and slots (`* [{HH:MM}] {event}`,
 * `- [ ] {Action} (owner: {name}, due: {Mon D, YYYY})`, `{Month Do, YYYY} {Incident title}`). A
 * document's line is read by matching it against the pattern — the literal text anchors the
 * slots, letters compared without case and white space loosely; a slot that holds a date or a
 * time in a known notation prefers text in that notation — and a value is written back by filling
 * the slots, so a row reads and writes in the team's own layout.
 */
import type {PatternPart, ValueType} from '../profile/spec.js'

/** Where each slot's value stands in a matched line (offsets into the line). */
export type PatternMatch = ReadonlyMap<string, readonly [number, number]>

/** What a slot holds, so that a line with two slots side by side can be told apart. */
export interface SlotShape {
  readonly type?: ValueType | 'link'
  /** A date's or date-time's notation in dayjs tokens. */
  readonly format?: string | undefined
  /** The slot's own placeholder: a line that is the template's own reads as its placeholders. */
  readonly placeholder?: string | undefined
}

/** Lines longer than this are no pattern's: a row or a title is one short line. */
const longest = 2000

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9'

/** How many digits stand at `at`, up to `most`. */
function digits(text: string, at: number, most: number): number {
  let count = 0
  while (count < most && isDigit(text[at + count])) count++
  return count
}

/** Where a month's name (whole, or its first three letters and an optional `.`) at `at` ends, or -1. */
function monthName(text: string, at: number, short: boolean): number {
  let best = -1
  for (const month of months) {
    const written = short ? (text.slice(at, at + 4).toLowerCase() === 'sept' ? 'sept' : month.slice(0, 3)) : month
    if (text.slice(at, at + written.length).toLowerCase() !== written) continue
    const end = at + written.length
    best = Math.max(best, short && text[end] === '.' ? end + 1 : end)
  }
  return best
}

/** The numeric dayjs tokens, longest first: how many digits each takes at most and at least. */
const numberTokens: readonly (readonly [string, number, number])[] = [
  ['YYYY', 4, 4],
  ['YY', 2, 2],
  ['mm', 2, 2],
  ['ss', 2, 2],
  ['MM', 2, 1],
  ['DD', 2, 1],
  ['HH', 2, 1],
  ['hh', 2, 1],
  ['M', 2, 1],
  ['D', 2, 1],
  ['H', 2, 1],
  ['h', 2, 1]
]

/**
 * Whether the text is written in a date notation (dayjs tokens: `DD-MM-YYYY`, `MMMM Do, YYYY`,
 * `MMM D, YYYY h:mm A`), read token by token (a notation's shape; whether the day exists is the
 * date rules' to say).
 */
function inNotation(text: string, format: string): boolean {
  let at = 0
  for (let index = 0; index < format.length; ) {
    const rest = format.slice(index)
    if (rest.startsWith('[')) {
      const close = format.indexOf(']', index)
      if (close !== -1) {
        const literal = format.slice(index + 1, close)
        if (text.slice(at, at + literal.length).toLowerCase() !== literal.toLowerCase()) return false
        at += literal.length
        index = close + 1
        continue
      }
    }
    if (rest.startsWith('MMMM') || rest.startsWith('MMM')) {
      const short = !rest.startsWith('MMMM')
      at = monthName(text, at, short)
      if (at === -1) return false
      index += short ? 3 : 4
      continue
    }
    if (rest.startsWith('Do')) {
      const found = digits(text, at, 2)
      if (found === 0) return false
      at += found
      const suffix = text.slice(at, at + 2).toLowerCase()
      if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') at += 2
      index += 2
      continue
    }
    if (rest.startsWith('A') || rest.startsWith('a')) {
      if (text[at] === ' ') at++
      const meridiem = /^[AaPp]\.?[Mm]\.?/.exec(text.slice(at, at + 4))
      if (!meridiem) return false
      at += meridiem[0].length
      index++
      continue
    }
    const number = numberTokens.find(([token]) => rest.startsWith(token))
    if (number) {
      const [token, most, least] = number
      const found = digits(text, at, most)
      if (found < least) return false
      at += found
      index += token.length
      continue
    }
    const char = format[index]!
    if (char === ' ') {
      if (!isSpace(text[at])) return false
      while (isSpace(text[at])) at++
    } else if (char === ',') {
      if (text[at] === ',') at++
    } else {
      if (text[at] !== char) return false
      at++
    }
    index++
  }
  return at === text.length
}

/** One slot of a pattern and the literal text after it (up to the next slot or the end). */
interface Step {
  readonly slot: string
  readonly after: string
}

/** A pattern as its leading literal and its slots, each with the literal that follows it. */
function stepsOf(pattern: readonly PatternPart[]): {lead: string; steps: Step[]} {
  let lead = ''
  const steps: {slot: string; after: string}[] = []
  for (const part of pattern) {
    if ('slot' in part) steps.push({slot: part.slot, after: ''})
    else if (steps.length === 0) lead += part.text
    else steps[steps.length - 1]!.after += part.text
  }
  return {lead, steps}
}

const isSpace = (char: string | undefined): boolean => char === ' ' || char === '\t'

/**
 * Where a literal written at `at` ends in the line, or -1: its characters in any case, each run
 * of white space in it one or more white space characters in the line.
 */
function literalAt(line: string, at: number, literal: string): number {
  let position = at
  for (let index = 0; index < literal.length; ) {
    if (isSpace(literal[index])) {
      if (!isSpace(line[position])) return -1
      while (isSpace(literal[index])) index++
      while (isSpace(line[position])) position++
      continue
    }
    const want = literal[index]!
    const have = line[position]
    if (have === undefined || (have !== want && have.toLowerCase() !== want.toLowerCase())) return -1
    index++
    position++
  }
  return position
}

/** Most positions a line is tried at before it is taken as not in the pattern's words. */
const budget = 20_000

/**
 * Match a line against a pattern: each slot's offsets (trimmed of white space), or `undefined`
 * when the line is not in the pattern's words. Slots fill from the left, each as short as the
 * literal text after it allows; a slot whose shape is known prefers text of that shape. Linear in
 * the line: a line that would take more than a fixed number of tries is not read as the pattern.
 */
export function matchPattern(line: string, pattern: readonly PatternPart[], shape: (slot: string) => SlotShape | undefined = () => undefined): PatternMatch | undefined {
  if (line.length > longest || line.includes('\n')) return undefined
  const {lead, steps} = stepsOf(pattern)
  let begin = 0
  while (isSpace(line[begin])) begin++
  begin = literalAt(line, begin, lead)
  if (begin === -1) return undefined
  let end = line.length
  while (end > begin && isSpace(line[end - 1])) end--
  if (steps.length === 0) return begin === line.length || begin >= end ? new Map() : undefined
  const shapes = steps.map((step) => shape(step.slot))
  return asWritten(line, begin, end, steps, shapes) ?? search(line, begin, end, steps, shapes, true) ?? search(line, begin, end, steps, shapes, false)
}

/** The template's own line (`{Month Do, YYYY} {Incident title}`): each slot its own placeholder. */
function asWritten(line: string, begin: number, end: number, steps: readonly Step[], shapes: readonly (SlotShape | undefined)[]): PatternMatch | undefined {
  const spans: [string, readonly [number, number]][] = []
  let at = begin
  for (const [index, step] of steps.entries()) {
    const own = shapes[index]?.placeholder
    if (own === undefined || own === '' || !line.startsWith(own, at)) return undefined
    spans.push([step.slot, [at, at + own.length]])
    at = literalAt(line, at + own.length, step.after)
    if (at === -1) return undefined
  }
  return at === end ? new Map(spans) : undefined
}

function search(line: string, begin: number, end: number, steps: readonly Step[], shapes: readonly (SlotShape | undefined)[], strict: boolean): PatternMatch | undefined {
  const failed = new Set<number>()
  const spans: [number, number][] = []
  let tries = 0
  const from = (index: number, at: number): boolean => {
    if (index === steps.length) return at >= end
    if (failed.has(index * (line.length + 1) + at)) return false
    const {after} = steps[index]!
    const last = index === steps.length - 1
    // The last slot with nothing after it takes the rest of the line.
    for (let stop = last && after === '' ? Math.max(at, end) : at; stop <= line.length; stop++) {
      if (++tries > budget) return false
      const next = literalAt(line, stop, after)
      if (next === -1 || (last && next < end)) continue
      const span = trimmed(line, at, stop)
      if (strict && shapes[index] && !fits(line.slice(span[0], span[1]), shapes[index]!)) continue
      spans[index] = span
      if (from(index + 1, last ? end : next)) return true
    }
    failed.add(index * (line.length + 1) + at)
    return false
  }
  if (!from(0, begin) || tries > budget) return undefined
  return new Map(steps.map((step, index) => [step.slot, spans[index]!] as const))
}

/** Whether a slot's text has its shape: a date in its notation, a time, a link. */
function fits(text: string, shape: SlotShape): boolean {
  switch (shape.type) {
    case 'date':
    case 'datetime':
      return shape.format ? inNotation(text, shape.format) : /^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2})?$/.test(text)
    case 'time':
      return /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?$/.test(text)
    case 'link':
      return /^\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?$/.test(text)
    default:
      return true
  }
}

function trimmed(line: string, start: number, end: number): [number, number] {
  while (start < end && (line[start] === ' ' || line[start] === '\t')) start++
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--
  return [start, end]
}

/** Write a line of a pattern, each slot filled by `value`. */
export function writePattern(pattern: readonly PatternPart[], value: (slot: string) => string): string {
  return pattern.map((part) => ('slot' in part ? value(part.slot) : part.text)).join('')
}

/** The slots of a pattern, in order. */
export function slotsOf(pattern: readonly PatternPart[]): string[] {
  return pattern.flatMap((part) => ('slot' in part ? [part.slot] : []))
}
