/**
 * The reader of the template's tables (Timeline, action items): a GFM table whose columns are
 * matched by name, or rows written as a list (`- 14:02 - text`, `- [x] Rotate the key (@dana)`).
 */
import type {List, Table} from 'mdast'
import {noteMarker} from './lines.js'
import {readEntries, readGroups} from './entries.js'
import {addRows, readItem, type Row} from './row-items.js'
import {getPath, setPath} from '../../model/paths.js'
import type {Block, ColumnSpec} from '../../profile/spec.js'
import {columnNamed} from '../../model/columns.js'
import {setField, type Reading} from '../reading.js'
import type {FieldInfo, FieldState} from '../types.js'
import {splitZone} from '../../model/zones.js'
import {cellContent, cellText, endOf, itemContent, spanOf, startOf} from '../values.js'
import type {BlockReader} from './types.js'

type TableBlock = Extract<Block, {type: 'table'}>

/** A table of rows, or its rows written as a list. */
export const table: BlockReader<TableBlock> = {
  repeats: false,
  read({reading, block, nodes, index}) {
    const node = nodes[index]!
    if (block.entries) return node.type === 'heading' ? readEntries(reading, block, nodes, index) : 0
    if (block.groups) return node.type === 'heading' || node.type === 'list' ? readGroups(reading, block, nodes, index) : 0
    // Rows written as a list are read all or nothing: a list beside another list (a second
    // marker continuing it, or the rows of another day) stays as written with it.
    if (node.type === 'list') return nodes.every((other, at) => at === index || other.type !== 'list') && readRowList(reading, block, node) ? 1 : 0
    return node.type === 'table' && readTable(reading, block, node) ? 1 : 0
  }
}

function readTable(reading: Reading, block: TableBlock, node: Table): boolean {
  const {source} = reading
  const [head, ...rows] = node.children
  if (!head) return false
  const columns: (ColumnSpec | undefined)[] = head.children.map((cell) => columnNamed(block, cellText(source, cell) ?? ''))
  // The first column named like a known one wins; a second one is an extra column.
  columns.forEach((column, index) => {
    if (column && columns.indexOf(column) !== index) columns[index] = undefined
  })
  if (!columns.some(Boolean)) return false
  // Columns the template lacks (`Bug`, `Type`) are kept in the text column as `(Bug: #123)`,
  // so `fmt` loses no word of them.
  const extraColumns = head.children.flatMap((cell, index) => (columns[index] ? [] : [{index, header: (cellText(source, cell) ?? '').replace(/\\\|/g, '|')}]))
  const rowsRead: Row[] = []
  for (const row of rows) {
    const values: Record<string, string | null> = {}
    const cells = new Map<string, FieldInfo>()
    // A cell a short row lacks is there, empty (`table-shape` reports the row).
    for (const column of columns) if (column) values[column.key] = ''
    row.children.forEach((cell, index) => {
      const column = columns[index]
      if (!column) return
      const text = cellText(source, cell)
      const value = text === undefined ? '' : text.replace(/\\\|/g, '|')
      const state: FieldState = value === '' ? 'empty' : 'filled'
      values[column.key] = value
      // An empty cell has no content to point at: its span is the cell, pipe to pipe.
      const content = state === 'empty' ? {start: startOf(cell), end: endOf(cell)} : cellContent(source.text, cell)
      cells.set(column.key, {span: source.span(content.start, content.end), state})
    })
    const kept = extraColumns.flatMap(({index, header}) => {
      const cell = row.children[index]
      const text = cell ? cellText(source, cell) : undefined
      return text ? [`${header}: ${text.replace(/\\\|/g, '|')}`] : []
    })
    // Cells past the header's width (`table-shape` reports them) are kept the same way.
    for (const cell of row.children.slice(head.children.length)) {
      const text = cellText(source, cell)
      if (text) kept.push(text.replace(/\\\|/g, '|'))
    }
    if (kept.length > 0) values[block.textColumn] = `${values[block.textColumn] ?? ''} (${kept.join(', ')})`.trim()
    rowsRead.push({values, span: spanOf(source, row), cells})
  }
  // A table of no rows is there, empty, when it has the template's columns and no others (it is
  // written back so); any other is kept as written (and a list after it may be the rows).
  if (rows.length === 0 && (extraColumns.length > 0 || columns.filter(Boolean).length < block.columns.length)) return false
  if (block.zoneColumn !== undefined) {
    const zoneCell = head.children[columns.findIndex((column) => column?.key === block.zoneColumn)]
    const zone = zoneCell ? splitZone(cellText(source, zoneCell) ?? '').zone : undefined
    if (zone && block.zonePath !== undefined) setPath(reading.draft, block.zonePath, zone)
  }
  addRows(reading, block, rowsRead, spanOf(source, node))
  return true
}

/**
 * Rows written as a list: in the template's words (`* [{HH:MM}] {event}`), else a timeline
 * (`- 14:02 - text`, `- [14:02] text`, `- **14:02 UTC** text`) or action items (`- [x] Rotate
 * the certificate (@dana, due 2026-03-20)`).
 */
function readRowList(reading: Reading, block: TableBlock, node: List): boolean {
  const rows: Row[] = []
  for (const item of node.children) {
    const content = itemContent(reading.source, item, true)
    if (!content || content.value === '') continue
    const row = readItem(reading, block, item)
    if (!row) return false
    rows.push(row)
  }
  if (rows.length === 0) return false
  noteMarker(reading, block.path, node, block.list?.marker)
  addRows(reading, block, rows, spanOf(reading.source, node))
  return true
}

/**
 * Once every table and list is read: rows of one table hold the same cells (a cell one row
 * gives and another lacks is there, empty, in the other), and a timeline table has a zone —
 * the one its times name (`2:54 PM PST`, `09:12+02:00`), else `UTC`.
 */
export function finishTables(reading: Reading): void {
  for (const {block} of reading.profile.tables) {
    const rows = getPath(reading.draft, block.path) as Record<string, string | null>[] | undefined
    if (!rows) continue
    const keys = block.columns.filter((column) => rows.some((row) => row[column.key] !== undefined)).map((column) => column.key)
    rows.forEach((row, index) => {
      for (const key of keys) {
        if (row[key] !== undefined) continue
        // A cell this row does not give, where another row does: there, and empty.
        row[key] = ''
        const rowInfo = reading.fields.get(`${block.path}[${index}]`)
        // An unchecked task says its status: open. Its empty Status cell is not a finding.
        const open = key === 'status' && reading.openTasks.has(`${block.path}[${index}]`)
        if (rowInfo && !open) setField(reading, `${block.path}[${index}].${key}`, rowInfo.span, 'empty')
      }
    })
    if (block.zoneColumn !== undefined && block.zonePath !== undefined && getPath(reading.draft, block.zonePath) === undefined) {
      const named = rows.map((row) => zoneOfTime(row[block.zoneColumn!] ?? null)).find((zone) => zone !== undefined)
      setPath(reading.draft, block.zonePath, named ?? 'UTC')
    }
  }
}

/** The zone a time names itself: a zone word (`2:54 PM PST`) or an ISO offset (`+02:00`, `Z`). */
function zoneOfTime(time: string | null): string | undefined {
  if (time === null) return undefined
  const word = / ([A-Z]{2,5}(?:[+-]\d{1,2})?)$/.exec(time)
  if (word && !/^[AP]M$/.test(word[1]!)) return word[1]
  const offset = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:?\d{2})$/.exec(time)
  if (offset) return offset[1]
  return /\dZ$/.test(time) ? 'UTC' : undefined
}
