/**
 * Writing rows and lists in a team's layout: list items with the template's marker (`*`, `1)`),
 * rows in the template's words (`* [14:02] text`), repeated entries (`### 14:02` and the text under
 * it), rows grouped under their sub-headings, and GFM tables with the template's zone header and
 * delimiter row.
 */
import type {RootContent} from 'mdast'
import {getPath} from '../model/paths.js'
import {writePattern} from '../model/patterns.js'
import {cellPlaceholder, itemPlaceholder} from '../model/placeholders.js'
import type {Block, ColumnSpec, ListMarker} from '../profile/spec.js'
import {raw} from './layout.js'

type TableBlock = Extract<Block, {type: 'table'}>
type Row = Record<string, string | boolean | null | undefined>

/**
 * A list as Markdown, each item's continuation lines indented under its text: `-`, `*` or `+`
 * bullets, or items numbered from 1 with `.` or `)`; a task's box (`[x]`) when it has one.
 */
export function writtenList(items: readonly string[], marker: ListMarker, boxes?: readonly (boolean | undefined)[]): string {
  return items
    .map((text, index) => {
      const bullet = marker === '.' || marker === ')' ? `${index + 1}${marker}` : marker
      const box = boxes?.[index] === undefined ? '' : boxes[index] ? '[x] ' : '[ ] '
      if (text === '' && box === '') return bullet
      const pad = ' '.repeat(bullet.length + 1)
      const [first, ...rest] = text.split('\n')
      return `${bullet} ${box}${first}${rest.map((line) => (line === '' ? '\n' : `\n${pad}${line}`)).join('')}`
    })
    .join('\n')
}

/** A list field's items in the template's layout: each value, or its placeholder when unfilled. */
export function markedList(values: readonly unknown[], placeholders: readonly string[], marker: ListMarker): RootContent {
  return raw(writtenList(values.map((value, index) => (typeof value === 'string' ? value : itemPlaceholder(placeholders, index))), marker))
}

function cell(row: Row, column: ColumnSpec, index: number): string {
  const value = row[column.key]
  return typeof value === 'string' ? value : cellPlaceholder(column, index)
}

function box(row: Row, block: TableBlock): boolean | undefined {
  const column = block.columns.find((candidate) => candidate.type === 'checkbox')
  const value = column ? row[column.key] : undefined
  return typeof value === 'boolean' ? value : undefined
}

/** Rows written as list items in the template's words. */
function listRows(block: TableBlock, rows: readonly Row[], start: number): string {
  const list = block.list!
  const byKey = new Map(block.columns.map((column) => [column.key, column]))
  const items = rows.map((row, index) => writePattern(list.pattern, (slot) => (byKey.has(slot) ? cell(row, byKey.get(slot)!, start + index) : '')))
  return writtenList(items, list.marker, list.task ? rows.map((row) => box(row, block)) : undefined)
}

/** Rows written in the template's layout: list items, entries under headings, or groups. */
export function writtenRows(block: TableBlock, draft: object): RootContent[] | undefined {
  if (!block.list && !block.entries) return undefined
  const value = getPath(draft, block.path)
  if (!Array.isArray(value) || value.length === 0) return []
  const rows = value as Row[]
  const byKey = new Map(block.columns.map((column) => [column.key, column]))
  if (block.entries) {
    const {entries} = block
    return rows.flatMap((row, index): RootContent[] => {
      const heading = writePattern(entries.heading, (slot) => (byKey.has(slot) ? cell(row, byKey.get(slot)!, index) : ''))
      const body = row[entries.body]
      const out: RootContent[] = [{type: 'heading', depth: entries.depth as 1 | 2 | 3 | 4 | 5 | 6, children: [raw(heading)]}]
      if (typeof body === 'string' && body !== '') out.push(raw(body))
      else if (body === null) {
        const placeholder = cellPlaceholder(byKey.get(entries.body)!, index)
        if (placeholder !== '') out.push(raw(placeholder))
      }
      return out
    })
  }
  if (block.groups) {
    const {groups} = block
    const out: RootContent[] = []
    let at = 0
    while (at < rows.length) {
      const key = rows[at]![groups.key]
      let end = at
      while (end < rows.length && rows[end]![groups.key] === key) end++
      if (typeof key === 'string' && key !== '') out.push({type: 'heading', depth: groups.depth as 1 | 2 | 3 | 4 | 5 | 6, children: [raw(key)]})
      out.push(raw(listRows(block, rows.slice(at, end), 0)))
      at = end
    }
    return out
  }
  return [raw(listRows(block, rows, 0))]
}

/** A table column's header cell: its name and the zone, joined as the template joins them (`Time (UTC)`, `Date and Time in CET`). */
export function zoneHeader(column: ColumnSpec, zone: string): string {
  const join = column.zoneJoin ?? ' ('
  return `${column.header}${join}${zone}${join.trimEnd().endsWith('(') ? ')' : ''}`
}
