/**
 * The title: the id after `HOTFIX-` is `hotfixId`; any other words of the title (a suffix such
 * as `— orders-db out of disk`, or a title in another form) name the incident, or are kept as a
 * paragraph under the template's title.
 */
import type {Heading} from 'mdast'
import {hasLineBreak} from '../model/text.js'
import {addExtra, readValue, setField, type Reading} from './reading.js'
import {headingContent, spanOf, startOf} from './values.js'

interface TitleParts {
  /** Offsets of the id in the title text, when it has `HOTFIX-`. */
  readonly id: {readonly start: number; readonly end: number} | undefined
  /** The title's other words. */
  readonly rest: string
}

/** Split a title's text into the hotfix id and the other words. */
function titleParts(text: string): TitleParts {
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

/** Read the hotfix id from the title heading. */
export function readTitle(reading: Reading, heading: Heading): void {
  const {start, end} = headingContent(reading.source.text, heading)
  const {id} = titleParts(reading.source.text.slice(start, end))
  if (id && id.end > id.start) readValue(reading, {path: 'hotfixId', placeholder: '{ID}'}, start + id.start, start + id.end)
  else setField(reading, 'hotfixId', spanOf(reading.source, heading), 'empty')
}

/**
 * Place the title's other words, once the header is read: `HOTFIX-3012 — orders-db out of disk`
 * names the incident unless the header has an Incident field; then, or when the title has no
 * `HOTFIX-` at all, they are kept as a paragraph under the title.
 */
export function placeTitleWords(reading: Reading, heading: Heading, text: string): void {
  const {id, rest} = titleParts(text)
  if (!rest) return
  if (!id) {
    addExtra(reading, 'title:heading', rest, startOf(heading))
    return
  }
  if (reading.draft.incident === null && !reading.fields.has('incident') && !hasLineBreak(rest)) {
    reading.draft.incident = rest
    setField(reading, 'incident', spanOf(reading.source, heading), 'filled')
  } else {
    addExtra(reading, 'title:heading', rest, startOf(heading) + 1)
  }
}
