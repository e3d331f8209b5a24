/**
 * Rows written under headings: repeated entries (`### 14:02` and the text under it, the heading
 * in the template's words) and rows grouped under sub-headings documents name themselves (`###
 * Registry capacity` and its list). Read all or nothing, so a run that does not read stays as
 * written.
 */
import type {Heading, List, RootContent} from 'mdast'
import {matchPattern} from '../../model/patterns.js'
import type {Block} from '../../profile/spec.js'
import type {Reading} from '../reading.js'
import type {FieldInfo} from '../types.js'
import {endOf, headingContent, headingText, spanOf, startOf} from '../values.js'
import {noteMarker} from './lines.js'
import {addRows, readItem, type Row} from './row-items.js'

type TableBlock = Extract<Block, {type: 'table'}>

/** Whether a heading is an entry of the table: its text in the entries' words. */
export function isEntryHeading(reading: Reading, block: TableBlock, heading: Heading): boolean {
  return block.entries !== undefined && matchPattern(headingText(reading.source, heading), block.entries.heading) !== undefined
}

/** Entries from `nodes[index]` on: how many nodes they took (0: none). */
export function readEntries(reading: Reading, block: TableBlock, nodes: readonly RootContent[], index: number): number {
  const entries = block.entries!
  const {source} = reading
  const rows: Row[] = []
  let at = index
  while (at < nodes.length) {
    const heading = nodes[at]!
    if (heading.type !== 'heading') break
    const {start, end} = headingContent(source.text, heading)
    const match = matchPattern(source.text.slice(start, end), entries.heading)
    if (!match) break
    let next = at + 1
    while (next < nodes.length && nodes[next]!.type !== 'heading') next++
    const values: Record<string, string | null | boolean> = {}
    const cells = new Map<string, FieldInfo>()
    for (const [key, [from, to]] of match) {
      values[key] = source.text.slice(start + from, start + to)
      if (to > from) cells.set(key, {span: source.span(start + from, start + to), state: 'filled'})
    }
    const body = nodes.slice(at + 1, next)
    if (body.length > 0) {
      const bodyStart = startOf(body[0]!)
      const bodyEnd = endOf(body.at(-1)!)
      values[entries.body] = source.text.slice(bodyStart, bodyEnd)
      cells.set(entries.body, {span: source.span(bodyStart, bodyEnd), state: 'filled'})
    } else values[entries.body] = ''
    rows.push({values, span: source.span(startOf(heading), body.length > 0 ? endOf(body.at(-1)!) : endOf(heading)), cells})
    at = next
  }
  if (rows.length === 0) return 0
  addRows(reading, block, rows, source.span(startOf(nodes[index]!), endOf(nodes[at - 1]!)))
  return at - index
}

/**
 * Groups from `nodes[index]` on: a sub-heading and the list under it, again and again (a list
 * before the first sub-heading is a group without one). Every item must read as a row.
 */
export function readGroups(reading: Reading, block: TableBlock, nodes: readonly RootContent[], index: number): number {
  const groups = block.groups!
  const rows: Row[] = []
  let at = index
  let group = ''
  const lists: List[] = []
  while (at < nodes.length) {
    const node = nodes[at]!
    if (node.type === 'heading') {
      // A sub-heading with no list under it is no group, and the groups around it are read
      // apart from it only to be written back around it: all of them are kept as written.
      if (nodes[at + 1]?.type !== 'list') return 0
      group = headingText(reading.source, node)
      at++
      continue
    }
    if (node.type !== 'list') break
    const read: Row[] = []
    for (const item of node.children) {
      const row = readItem(reading, block, item, {[groups.key]: group})
      if (!row) return 0
      read.push(row)
    }
    lists.push(node)
    rows.push(...read)
    at++
  }
  if (rows.length === 0) return 0
  for (const list of lists) noteMarker(reading, block.path, list, block.list?.marker)
  addRows(reading, block, rows, spanOf(reading.source, nodes[index]!))
  return at - index
}
