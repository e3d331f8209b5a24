/**
 * Time zones as documents name them: in a column header (`Time (PST)`, `Date and Time in CET`,
 * `Time, Pacific`), in a heading (`Timeline (times in BST)`) or anywhere in a line of prose under
 * the timeline's heading (`All times in PST, on February 5th 2019`). A zone is kept as written.
 */
import {looksLikeZone} from './text.js'

/**
 * Zone abbreviations a line of prose may name. In prose only these count, so `AWS` or `API` is
 * never read as a zone; a qualifier (`Time (XYZ)`) takes any abbreviation `looksLikeZone` takes.
 */
const abbreviations = new Set(
  (
    'UTC GMT Z PST PDT PT MST MDT MT CST CDT CT EST EDT ET AKST AKDT HST HDT AST ADT NST NDT BST IST CET CEST MET MEST ' +
    'EET EEST WET WEST MSK TRT GST PKT JST KST HKT SGT AWST ACST ACDT AEST AEDT NZST NZDT SAST WAT CAT EAT WIB ICT PHT'
  ).split(' ')
)

/**
 * A zone inside a line: a North American zone in words (`US Pacific`), an IANA name
 * (`Europe/Berlin`), or an abbreviation with an optional offset (`PST`, `UTC+2`).
 */
const zoneInLine =
  /(?<![\p{L}\p{N}/])(?:(?:(?:US|U\.S\.|Canada|Canadian) )?(?:Pacific|Eastern|Central|Mountain|Atlantic|Alaska|Hawaii)(?: (?:Standard|Daylight))?(?: [Tt]ime)?|(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?|[A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)(?![\p{L}\p{N}/])/gu

/** Whether a zone found in prose is one: a known abbreviation (with its offset), or words and IANA names. */
function isNamedZone(candidate: string): boolean {
  const abbreviation = /^([A-Z]{1,5})(?:[+-]\d{1,2}(?::?\d{2})?)?$/.exec(candidate)
  if (abbreviation) return abbreviations.has(abbreviation[1]!) && candidate !== 'Z'
  return looksLikeZone(candidate)
}

/**
 * The zone a line of prose under a timeline's heading names (`All times in PST, on February 5th
 * 2019`, `Times are US Pacific.`, `All times PDT.`), as written; `undefined` when it names none.
 * A line that does not speak of times (`time`, `times`, `timezone`) names a zone only when it is
 * short and says little else (`PST times`, `US Pacific`).
 */
export function zoneOfLine(line: string): string | undefined {
  if (line.length > 200) return undefined
  const aboutTimes = /\b(?:times?|timezone|time zone|timestamps?|clock)\b/i.test(line)
  if (!aboutTimes && line.length > 30) return undefined
  for (const match of line.matchAll(zoneInLine)) {
    if (isNamedZone(match[0])) return match[0]
  }
  return undefined
}

/**
 * A column header or heading split into its name and the zone it names: `Time (PST)`,
 * `Timeline (all times in PST)`, `Date and Time in CET`, `Time, Pacific`, `Time UTC`. The zone
 * is `undefined` when it names none (and the name is the text).
 */
export function splitZone(text: string): {name: string; zone: string | undefined} {
  const value = text.trim()
  // A trailing parenthetical: `Time (UTC)`, `Timeline (all times PST)`.
  const open = value.lastIndexOf('(')
  if (open !== -1 && value.endsWith(')')) {
    const inner = value
      .slice(open + 1, -1)
      .trim()
      .replace(/^(?:all\s+)?(?:times?|timestamps?)\s+(?:are\s+)?(?:in\s+)?/i, '')
      .trim()
    if (looksLikeZone(inner)) return {name: value.slice(0, open).trim(), zone: inner}
  }
  // `Date and Time in CET`, `Time, Pacific`, `Time - UTC`, `Time UTC`: the longest zone after a
  // separator (a zone is at most 40 characters, so only the end of the text is tried).
  for (let at = Math.max(0, value.length - 42); at < value.length; at++) {
    const char = value[at]
    if (char !== ' ' && char !== ',') continue
    const zone = value.slice(at + 1).trim()
    let name = value.slice(0, at).trimEnd()
    const joined = char === ',' || name.toLowerCase().endsWith(' in')
    if (name.toLowerCase().endsWith(' in')) name = name.slice(0, -3).trimEnd()
    if ('-–—,'.includes(name.at(-1) ?? 'x')) name = name.slice(0, -1).trimEnd()
    if (name === '' || !looksLikeZone(zone)) continue
    // A bare abbreviation after a space (`Time XYZ`) counts only when it is a known zone.
    if (!joined && /^[A-Z]{2,5}$/.test(zone) && !isNamedZone(zone)) continue
    return {name, zone}
  }
  return {name: value, zone: undefined}
}
