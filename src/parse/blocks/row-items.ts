/**
 * A row of a table read from a list item — in the template's words, else by the timeline's or the
 * action items' grammar — and rows appended to a table's list with the position of each cell.
 */
import type {ListItem} from 'mdast'
import {getPath, setPath} from '../../model/paths.js'
import type {Span} from '../../model/finding.js'
import {matchPattern, type SlotShape} from '../../model/patterns.js'
import {cellPlaceholder} from '../../model/placeholders.js'
import type {Block, ColumnSpec} from '../../profile/spec.js'
import {setField, type Reading} from '../reading.js'
import {actionItem, timelineItem, type ActionColumns} from '../rows.js'
import type {FieldInfo} from '../types.js'
import {itemContent, spanOf} from '../values.js'

type TableBlock = Extract<Block, {type: 'table'}>

/** One row read: its cell values, where it stood, and where each cell stood. */
export interface Row {
  readonly values: Record<string, string | null | boolean>
  readonly span: Span
  readonly cells: Map<string, FieldInfo>
  /** An unchecked task: open, though it names no status. */
  readonly open?: boolean
}

/**
 * A list item as a row, or `undefined` when it does not read as one. Reading is conservative:
 * every item must read as a row, one line of it (an item holding a sub-list or a second
 * paragraph keeps the whole list as written).
 */
export function readItem(reading: Reading, block: TableBlock, item: ListItem, fixed: Record<string, string> = {}): Row | undefined {
  const {source} = reading
  const content = itemContent(source, item, true)
  if (!content || item.children.length !== 1 || item.children[0]!.type !== 'paragraph' || content.value.includes('\\|')) return undefined
  const checkbox = block.columns.find((column) => column.type === 'checkbox')
  const values: Record<string, string | null | boolean> = {...fixed}
  const cells = new Map<string, FieldInfo>()
  if (checkbox && typeof item.checked === 'boolean') values[checkbox.key] = item.checked
  const words = block.list ? matchPattern(content.value, block.list.pattern, columnShapes(block)) : undefined
  if (words) {
    for (const [key, [start, end]] of words) {
      const value = content.value.slice(start, end)
      values[key] = value
      if (value !== '') cells.set(key, {span: source.span(content.start + start, content.start + end), state: 'filled'})
    }
  } else if (block.list) {
    // A team's rows in its own words: an item that does not read in them would be written back in
    // them with cells it never had, so the list stays as written.
    return undefined
  } else {
    const row = block.rows === 'timed' ? timelineItem(content.value) : actionItem(content.value, checkbox ? null : item.checked, actionColumns(block))
    if (!row) return undefined
    // The grammar names cells by their column's role; a role the table has no column for keeps
    // the list as written.
    for (const [role, value] of Object.entries(row.values)) {
      const key = block.columns.find((column) => column.role === role)?.key
      if (key === undefined) return undefined
      values[key] = value
      const span = row.spans[role]
      if (span) cells.set(key, {span: source.span(content.start + span[0], content.start + span[1]), state: 'filled'})
    }
  }
  return {values, span: spanOf(source, item), cells, open: block.rows === 'task' && item.checked === false}
}

/** What each column of a table holds, for matching rows written in words. */
function columnShapes(block: TableBlock): (slot: string) => SlotShape | undefined {
  return (slot) => {
    const column = block.columns.find((candidate) => candidate.key === slot)
    if (!column) return undefined
    return {type: column.header === 'Link' && column.placeholder.startsWith('[') ? 'link' : column.type, format: column.format, placeholder: column.placeholder}
  }
}

/** What a table of action items has a column for, as its list items may give them. */
function actionColumns(block: TableBlock): ActionColumns {
  const column = (role: string): ColumnSpec | undefined => block.columns.find((candidate) => candidate.role === role)
  const status = column('actionItems.status')
  return {
    done: status ? (status.done ?? status.closed?.[0]) : undefined,
    priorities: column('actionItems.priority')?.values,
    owner: column('actionItems.owner') !== undefined,
    due: column('actionItems.due') !== undefined
  }
}

/** Append rows to a table's list (several tables or lists may feed one), with positions. */
export function addRows(reading: Reading, block: TableBlock, rows: readonly Row[], span: Span): void {
  let list = getPath(reading.draft, block.path) as Record<string, string | null | boolean>[] | undefined
  if (!list) {
    list = []
    setPath(reading.draft, block.path, list)
  }
  const start = list.length
  // A cell holding its column's own placeholder for its row (`{action_2}`, `{owner}`) is unfilled.
  rows.forEach(({values, cells}, offset) => {
    for (const column of block.columns) {
      const value = values[column.key]
      if (value === undefined || value === null || value !== cellPlaceholder(column, start + offset)) continue
      values[column.key] = null
      const info = cells.get(column.key)
      if (info) cells.set(column.key, {span: info.span, state: 'placeholder'})
    }
  })
  list.push(...rows.map(({values}) => values))
  if (!reading.fields.has(block.path) || start === 0) setField(reading, block.path, span, list.length > 0 ? 'filled' : 'empty')
  rows.forEach(({span: rowSpan, cells, open}, offset) => {
    setField(reading, `${block.path}[${start + offset}]`, rowSpan, 'filled')
    if (open) reading.openTasks.add(`${block.path}[${start + offset}]`)
    for (const [key, info] of cells) reading.fields.set(`${block.path}[${start + offset}].${key}`, info)
  })
}

