/**
 * Dates in a template's own notation (`DD-MM-YYYY`, `MMMM Do, YYYY`, `MMM D, YYYY`), read and
 * written by dayjs with its `customParseFormat` and `advancedFormat` plugins, strictly: a value
 * is a date when dayjs reads it in the notation and writes the same day back exactly as written,
 * so `February 30th, 2026`, `31-04-2026` and `Mar 05, 2025` (for `MMM D, YYYY`) are not. Every
 * comparison of dates (due dates, the meeting, today, the report's months and ages) is made on
 * the ISO `YYYY-MM-DD` these give. English month names and ordinals, in the case dayjs writes
 * them (`January`, `23rd`), whatever locale the rest of a program set for dayjs.
 *
 * Notations are dayjs's (moment's) tokens, with the variants template writers use (see
 * `dateNotation`). ISO `YYYY-MM-DD` is the special case every built-in date takes: it is read by
 * `isIsoDate`, the exact scanner the rest of the code base uses, which agrees with dayjs on every
 * year from 100 on (a test checks it) and also takes years 0–99, which dayjs reads as 1900–1999.
 */
import dayjs from 'dayjs'
import advancedFormat from 'dayjs/plugin/advancedFormat.js'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'
import utc from 'dayjs/plugin/utc.js'
import {isIsoDate} from './text.js'

// Note: dates are read in UTC, so a day a time zone skipped (Samoa's 2011-12-30) is still a day.
dayjs.extend(customParseFormat)
dayjs.extend(advancedFormat)
dayjs.extend(utc)

/** The ISO notation, the complete model's and the built-in template's. */
export const isoNotation = 'YYYY-MM-DD'

const locale = 'en'

/**
 * `dayjs.utc(value, notation, locale, strict)`: the plugin takes a locale as `dayjs()` does
 * (its typings name only three arguments), so another locale a program set does not change
 * which month names are read.
 */
const readUtc = dayjs.utc as unknown as (value: string, notation: string, locale: string, strict: true) => dayjs.Dayjs

/** A tokenised notation: literal text, and the dayjs tokens this module reads. */
type Piece = {readonly literal: string} | {readonly token: DateToken}

/** The tokens of a day: year, month (number or name), day of the month (number or ordinal). */
type DateToken = 'YYYY' | 'YY' | 'MMMM' | 'MMM' | 'MM' | 'M' | 'Do' | 'DD' | 'D'

const notations = new Map<string, string>()

/**
 * A date notation in dayjs's tokens, from the way a template writes it (default and `undefined`:
 * `YYYY-MM-DD`). Text in `[…]` is kept as written. Outside it, a word made only of the letters
 * y, m and d is read as template writers mean it, whatever its case: `yyyy-mm-dd` is
 * `YYYY-MM-DD`, `dd/mm/yy` is `DD/MM/YY`, date-fns's `yyyy-MM-dd` is `YYYY-MM-DD` (a run of
 * `m` is the month unless the notation has hours, `H` or `h`; a run of three or more `d` is a
 * weekday, left as written). The word `Month` is `MMMM`, and `do` (date-fns's ordinal day) is
 * `Do`. Every other token is dayjs's (`MMMM Do, YYYY`, `MMM D, YYYY`).
 */
export function dateNotation(format: string = isoNotation): string {
  const known = notations.get(format)
  if (known !== undefined) return known
  const hours = /[Hh]/.test(format.replace(/\[[^[\]]*\]/g, ''))
  const word = (text: string): string => {
    if (/^month$/i.test(text)) return 'MMMM'
    if (/^do$/i.test(text)) return 'Do'
    if (!/^[ymd]+$/i.test(text)) return text
    return text.replace(/y+|m+|d+/gi, (run) => {
      const letter = run[0]!
      if (letter === 'y' || letter === 'Y') return 'Y'.repeat(run.length)
      if (letter === 'd' || letter === 'D') return run.length <= 2 ? 'D'.repeat(run.length) : run
      return letter === 'm' && hours ? run : 'M'.repeat(run.length)
    })
  }
  const notation = format.replace(/(\[[^[\]]*\])|[A-Za-z]+/g, (text, bracketed: string | undefined) => (bracketed === undefined ? word(text) : text))
  if (notations.size < 256) notations.set(format, notation)
  return notation
}

/** Whether a notation (as a template writes it) is ISO `YYYY-MM-DD`. */
export function isIsoNotation(format: string | undefined): boolean {
  return dateNotation(format) === isoNotation
}

/**
 * The ISO `YYYY-MM-DD` of `value` when it is a real date written in `format` (a notation as
 * `dateNotation` reads it; default ISO), else `undefined`. Strict: no rollover (`2026-02-30`,
 * `February 30th, 2026` and `31-04-2026` are no day), no white space around, no other padding
 * or case than the notation's (`Mar 5, 2025` for `MMM D, YYYY`, never `Mar 05` or `MAR 5`).
 */
export function isoDate(value: string, format: string = isoNotation): string | undefined {
  const notation = dateNotation(format)
  if (notation === isoNotation) return isIsoDate(value) ? value : undefined
  // Note: no token writes more than 2.25 times its length (`MMMM`: `September`); a longer value
  // is no date, and is not handed to dayjs, whose reading of a long one takes quadratic time.
  if (value.length > notation.length * 3 + 16) return undefined
  const date = readUtc(value, notation, locale, true)
  return date.isValid() ? date.format(isoNotation) : undefined
}

/**
 * The real ISO `YYYY-MM-DD` date `iso` written in `format` (`2026-03-14` in `MMMM Do, YYYY`:
 * `March 14th, 2026`), or `undefined` when `iso` is not a real ISO date that dayjs can write
 * (years before 100 are written only in ISO).
 */
export function formatDate(iso: string, format: string = isoNotation): string | undefined {
  const notation = dateNotation(format)
  if (!isIsoDate(iso)) return undefined
  if (notation === isoNotation) return iso
  const date = readUtc(iso, isoNotation, locale, true)
  return date.isValid() ? date.locale(locale).format(notation) : undefined
}

/**
 * How a value stands to a date notation: `date`, a real date written in it; `noSuchDay`,
 * written in it but naming a day the calendar has not (`2026-02-30`, `February 30th, 2026`,
 * `31-04-2026`, `2026-13-01`); `otherNotation`, not written in it (`March 14` for `YYYY-MM-DD`,
 * `2026-03-14` for `DD-MM-YYYY`, `Mar 05, 2025` for `MMM D, YYYY`). "Written in it" is the
 * notation's form: digits where it has numbers (as many as it pads to), one of the month names
 * where it has names, an ordinal (`23rd`) where it has `Do`.
 */
export type DateShape = 'date' | 'noSuchDay' | 'otherNotation'

/** How `value` stands to the notation `format` (default ISO): see `DateShape`. */
export function dateShape(value: string, format: string = isoNotation): DateShape {
  if (isoDate(value, format) !== undefined) return 'date'
  const pieces = piecesOf(dateNotation(format))
  return pieces !== null && inForm(value, pieces) ? 'noSuchDay' : 'otherNotation'
}

const forms = new Map<string, readonly Piece[] | null>()

/**
 * A notation as literal text and date tokens, or `null` when it has a letter that is no date
 * token this module reads (a time, a weekday) or is longer than any date's.
 */
function piecesOf(notation: string): readonly Piece[] | null {
  const known = forms.get(notation)
  if (known !== undefined) return known
  let pieces: Piece[] | null = notation.length > 64 ? null : []
  const scanner = /\[([^[\]]*)\]|(YYYY|YY|MMMM|MMM|MM|M|Do|DD|D)|([A-Za-z])|([^A-Za-z[]+|\[)/gy
  let match: RegExpExecArray | null
  while (pieces !== null && (match = scanner.exec(notation)) !== null) {
    if (match[3] !== undefined) pieces = null
    else if (match[2] !== undefined) pieces.push({token: match[2] as DateToken})
    else pieces.push({literal: match[1] ?? match[4] ?? match[0]})
  }
  if (forms.size < 256) forms.set(notation, pieces)
  return pieces
}

/**
 * Whether `value` has the form of a notation, calendar aside: digits where it has numbers (two
 * for `DD`, one or two without a leading zero for `D`), a month name where it has `MMMM`, an
 * ordinal (`23rd`) where it has `Do`, and its literal text. Every position a piece may end at is
 * followed, piece by piece (no backtracking: at most a few positions at a time).
 */
function inForm(value: string, pieces: readonly Piece[]): boolean {
  let positions = new Set([0])
  for (const piece of pieces) {
    const next = new Set<number>()
    for (const at of positions) for (const end of ends(piece, value, at)) next.add(end)
    if (next.size === 0) return false
    positions = next
  }
  return positions.has(value.length)
}

/** Where a piece of a notation written at `at` in `value` may end. */
function ends(piece: Piece, value: string, at: number): number[] {
  if ('literal' in piece) return value.startsWith(piece.literal, at) ? [at + piece.literal.length] : []
  const digits = (count: number): number[] => {
    for (let index = at; index < at + count; index++) if (!isDigit(value, index)) return []
    return [at + count]
  }
  const words = (list: readonly string[]): number[] => list.filter((word) => value.startsWith(word, at)).map((word) => at + word.length)
  names ??= namesOf()
  switch (piece.token) {
    case 'YYYY':
      return digits(4)
    case 'YY':
    case 'MM':
    case 'DD':
      return digits(2)
    case 'M':
    case 'D':
      if (!isDigit(value, at)) return []
      return value[at] !== '0' && isDigit(value, at + 1) ? [at + 1, at + 2] : [at + 1]
    case 'MMMM':
      return words(names.months)
    case 'MMM':
      return words(names.short)
    case 'Do':
      return words(names.ordinals)
  }
}

function isDigit(value: string, index: number): boolean {
  const code = value.charCodeAt(index)
  return code >= 48 && code <= 57
}

let names: {readonly months: readonly string[]; readonly short: readonly string[]; readonly ordinals: readonly string[]} | undefined

/** Month names, short names and ordinals 0–99 (`23rd`), as dayjs writes them in English. */
function namesOf(): {months: string[]; short: string[]; ordinals: string[]} {
  const month = (index: number, token: string): string => readUtc(`2001-${String(index + 1).padStart(2, '0')}-01`, isoNotation, locale, true).locale(locale).format(token)
  const ordinal = dayjs.Ls[locale]?.ordinal
  return {
    months: Array.from({length: 12}, (_, index) => month(index, 'MMMM')),
    short: Array.from({length: 12}, (_, index) => month(index, 'MMM')),
    ordinals: Array.from({length: 100}, (_, day) => String(ordinal ? ordinal(day) : day).replace(/[[\]]/g, ''))
  }
}
