/**
 * A template's rows: a table with a header row, rows written as list items in the team's words
 * (`* [{HH:MM}] {event}`, `- [ ] {Action} (owner: {name}, due: {Mon D, YYYY})`), repeated entries
 * (`### {{ hh:mm }}` and the text under it) and rows grouped under sample sub-headings. Columns
 * are named by their header or placeholder, typed by its hint, and bound to a timeline's or an
 * action item's role by name (or `role=`).
 */
import type {Heading, List, RootContent, Table, TableCell} from 'mdast'
import {cellContent, headingText, itemContent, startOf} from '../../parse/values.js'
import type {Block, ColumnSpec, FieldRole, FieldSpec, PatternPart} from '../spec.js'
import type {Annotation} from './annotations.js'
import type {Derivation} from './context.js'
import {camelCase, leadLabel, linkSlots, placeholderWords, typeOf, withoutComments} from './hints.js'
import {columnRoleOf, fieldRoleOf} from './lexicon.js'
import {headerZone, makeField, markerOf} from './fields.js'
import {isClosingWord} from '../../model/action-items.js'

type TableBlock = Extract<Block, {type: 'table'}>

/** Where rows are derived: the section's path, role and heading. */
export interface RowsContext {
  readonly derivation: Derivation
  readonly prefix: string
  readonly role: 'timeline' | 'actionItems' | undefined
  readonly heading: string
  readonly sectionAnnotation: Annotation
}

/** A column before its key is settled. */
interface Slot {
  readonly name: string
  readonly placeholder: string
  readonly annotation: Annotation
  /** The word the template writes before the slot (`owner:` in `(owner: {name}`), which may name it better. */
  readonly lead?: string
  readonly link?: boolean
  readonly zone?: {readonly zone: string; readonly join: string}
}

/** Columns from slots: keys by role where bound (`time`, `owner`), else the camelCase of the name. */
function columnsOf(context: RowsContext, slots: readonly Slot[], role: RowsContext['role']): ColumnSpec[] {
  const keys = new Set<string>()
  const bound = new Set<FieldRole>()
  return slots.map((slot) => {
    const words = placeholderWords(slot.placeholder)
    const hinted = slot.link ? {type: 'text' as const} : typeOf(words)
    const type = slot.annotation.type ?? hinted.type
    const named = (slot.annotation.role !== 'timeline' && slot.annotation.role !== 'actionItems' ? slot.annotation.role : undefined) ?? roleByName(slot, role, type, bound)
    if (named) bound.add(named)
    let key = slot.annotation.id ?? (named ? named.replace(/^.*\./, '') : camelCase(slot.name) || 'value')
    while (keys.has(key)) key = `${key}2`
    keys.add(key)
    const values = slot.annotation.values ?? (type === 'enum' ? hinted.values : undefined)
    const format = slot.annotation.format ?? (type === 'date' || type === 'datetime' ? hinted.format : undefined)
    const closed = values?.filter(isClosingWord)
    const column: ColumnSpec = {
      key,
      // `due: {Mon D, YYYY}`: the word before the slot names the column better than its hint.
      header: slot.lead ? slot.lead[0]!.toUpperCase() + slot.lead.slice(1) : slot.name,
      placeholderColumn: slot.placeholder !== '',
      placeholder: slot.placeholder,
      type: type === 'list' ? 'text' : type,
      ...(values ? {values} : {}),
      ...(format ? {format} : {}),
      ...(named ? {role: named} : {}),
      ...(slot.annotation.optional ? {optional: true} : {}),
      ...(slot.annotation.aka ? {aliases: slot.annotation.aka} : {}),
      ...(named === 'actionItems.status' && closed && closed.length > 0 ? {closed, done: closed[0]!} : {}),
      ...(slot.zone ? {zoneJoin: slot.zone.join} : {})
    }
    return column
  })
}

function roleByName(slot: Slot, role: RowsContext['role'], type: string, bound: ReadonlySet<FieldRole>): FieldRole | undefined {
  if (!role) {
    // A table of its own (an impact table): a duration or severity column is the incident's.
    const field = fieldRoleOf(slot.name)
    return field === 'duration' || field === 'severity' ? field : undefined
  }
  const candidates = [slot.lead, slot.name, placeholderWords(slot.placeholder).name].filter((name): name is string => name !== undefined && name !== '')
  for (const name of candidates) {
    const found = columnRoleOf(name, role)
    if (found && !bound.has(found)) return found
  }
  if (role === 'timeline' && (type === 'time' || type === 'datetime') && !bound.has('timeline.time')) return 'timeline.time'
  if (role === 'actionItems' && (type === 'date' || type === 'datetime') && !bound.has('actionItems.due')) return 'actionItems.due'
  return undefined
}

/** The text column: the event's or the action's, else the first text column. */
function textColumnOf(columns: readonly ColumnSpec[]): string {
  return (columns.find((column) => column.role === 'timeline.event' || column.role === 'actionItems.action') ?? columns.find((column) => column.type === 'text' || column.type === 'markdown') ?? columns[0])?.key ?? 'text'
}

/** Bind the first text column left unbound to the event or the action, when the table has none. */
function bindText(columns: ColumnSpec[], role: RowsContext['role']): ColumnSpec[] {
  const wanted: FieldRole | undefined = role === 'timeline' ? 'timeline.event' : role === 'actionItems' ? 'actionItems.action' : undefined
  if (!wanted || columns.some((column) => column.role === wanted)) return columns
  const at = columns.findIndex((column) => column.role === undefined && (column.type === 'text' || column.type === 'markdown'))
  if (at === -1) return columns
  return columns.map((column, index) => (index === at ? {...column, role: wanted} : column))
}

function finish(context: RowsContext, block: Omit<TableBlock, 'type' | 'path' | 'textColumn' | 'rows'> & {columns: ColumnSpec[]}, name: string): TableBlock {
  const columns = bindText(block.columns, context.role)
  const annotation = context.sectionAnnotation
  return {
    type: 'table',
    ...block,
    columns,
    path: `${context.prefix}.${name}`,
    rows: context.role === 'timeline' ? 'timed' : 'task',
    textColumn: textColumnOf(columns),
    ...(annotation.optional ? {optional: true} : {}),
    ...(annotation.required ? {optional: false} : {})
  }
}

/** A pattern from a line of the template: literal text around its placeholders (a `[link text]` is a slot too). */
function patternOf(derivation: Derivation, start: number, end: number): {pattern: PatternPart[]; slots: Slot[]} {
  const text = derivation.source.text
  const found = derivation.placeholdersIn(start, end)
  // `[link to github issue]`: a bracketed literal the writer replaces with a link.
  const line = text.slice(start, end)
  const links = linkSlots(line).map((link) => ({start: start + link.start, end: start + link.end, text: link.text, link: true}))
  const parts = [...found.map((match) => ({...match, link: false})), ...links.filter((link) => found.every((match) => link.end <= match.start || link.start >= match.end))].sort((a, b) => a.start - b.start)
  const pattern: PatternPart[] = []
  const slots: Slot[] = []
  let at = start
  for (const part of parts) {
    const before = text.slice(at, part.start)
    if (before) pattern.push({text: before})
    const lead = leadLabel(before)
    const words = placeholderWords(part.text)
    slots.push({name: part.link ? 'Link' : words.name, placeholder: part.text, annotation: {}, ...(lead ? {lead} : {}), ...(part.link ? {link: true} : {})})
    pattern.push({slot: String(slots.length - 1)})
    at = part.end
  }
  if (at < end) pattern.push({text: text.slice(at, end)})
  return {pattern, slots}
}

/** Replace a pattern's slot numbers with the columns' keys. */
function keyed(pattern: readonly PatternPart[], columns: readonly ColumnSpec[]): PatternPart[] {
  return pattern.map((part) => ('slot' in part ? {slot: columns[Number(part.slot)]!.key} : part))
}

/** Rows written as a list, as entries under headings, or grouped under sample sub-headings. */
export function rowsBlock(context: RowsContext, nodes: readonly RootContent[], mode: 'list' | 'entries' | 'groups'): TableBlock | undefined {
  const {derivation} = context
  if (mode === 'list') {
    const list = nodes[0] as List
    return listRows(context, list, [])
  }
  if (mode === 'entries') return entryRows(context, nodes)
  // Groups: a sub-heading, then a list of rows under it, for each sample.
  const headings = nodes.filter((node): node is Heading => node.type === 'heading')
  const lists = nodes.filter((node): node is List => node.type === 'list')
  if (headings.length === 0 || lists.length === 0 || !lists.some((list) => derivation.hasPlaceholder(list))) return undefined
  const depth = headings[0]!.depth
  const rows: string[][] = []
  let group = ''
  for (const node of nodes) {
    if (node.type === 'heading') group = headingText(derivation.source, node)
    if (node.type === 'list') for (const item of node.children) rows.push([group, ...itemCells(derivation, item)])
  }
  const block = listRows(context, lists.find((list) => derivation.hasPlaceholder(list))!, [{name: 'Group', placeholder: '', annotation: {}}])
  if (!block) return undefined
  const width = block.columns.length
  return {...block, templateRows: rows.map((row) => row.slice(0, width)), groups: {depth, key: block.columns[0]!.key}}
}

/** The placeholders (or literal values) of a list item's cells. */
function itemCells(derivation: Derivation, item: List['children'][number]): string[] {
  const content = itemContent(derivation.source, item, typeof item.checked === 'boolean')
  if (!content) return []
  const {slots} = patternOf(derivation, content.start, content.start + content.text.length)
  return slots.map((slot) => slot.placeholder)
}

function listRows(context: RowsContext, list: List, lead: readonly Slot[]): TableBlock | undefined {
  const {derivation} = context
  const item = list.children.find((candidate) => derivation.hasPlaceholder(candidate)) ?? list.children[0]
  if (!item) return undefined
  const task = typeof item.checked === 'boolean'
  const content = itemContent(derivation.source, item, task)
  if (!content) return undefined
  const {pattern, slots} = patternOf(derivation, content.start, content.start + content.text.length)
  if (slots.length === 0) return undefined
  const all: Slot[] = [...lead, ...slots]
  const columns = columnsOf(context, all, context.role)
  if (task && !columns.some((column) => column.role === 'actionItems.status')) {
    columns.push({key: columns.some((column) => column.key === 'done') ? 'checked' : 'done', header: 'Done', placeholderColumn: false, placeholder: '', type: 'checkbox', ...(context.role === 'actionItems' ? {role: 'actionItems.status' as const} : {})})
  }
  const templateRows = list.children.map((row) => {
    const cells = [...lead.map(() => ''), ...itemCells(derivation, row)]
    if (task) cells.push(row.checked === true ? 'x' : '')
    return cells.slice(0, columns.length)
  })
  const offset = lead.length
  const slotted = keyed(
    pattern.map((part) => ('slot' in part ? {slot: String(Number(part.slot) + offset)} : part)),
    columns
  )
  return finish(context, {columns, templateRows, list: {marker: markerOf(derivation, list), pattern: slotted, ...(task ? {task: true} : {})}}, context.role === 'timeline' ? 'entries' : 'items')
}

/** Entries: `### {{ hh:mm }}` headings, each with the text under it. */
function entryRows(context: RowsContext, nodes: readonly RootContent[]): TableBlock | undefined {
  const {derivation} = context
  const first = nodes[0]
  if (first?.type !== 'heading') return undefined
  const text = headingText(derivation.source, first)
  const offset = derivation.source.text.indexOf(text, startOf(first))
  const {pattern, slots} = patternOf(derivation, offset, offset + text.length)
  const annotation = derivation.annotationOf(first)
  const body: Slot = {name: context.role === 'timeline' ? 'Event' : 'Text', placeholder: '', annotation: {}}
  const columns = columnsOf(context, [...slots.map((slot) => ({...slot, annotation: withoutId(annotation)})), body], context.role)
  const bodyColumn = columns.at(-1)!
  columns[columns.length - 1] = {...bodyColumn, type: 'markdown'}
  const rows: string[][] = []
  let current: string[] | undefined
  const bodies: string[] = []
  const flush = (): void => {
    if (current) rows.push([...current, bodies.join('\n\n')])
    bodies.length = 0
  }
  for (const node of nodes) {
    if (node.type === 'heading') {
      flush()
      const headingValue = headingText(derivation.source, node)
      const at = derivation.source.text.indexOf(headingValue, startOf(node))
      current = patternOf(derivation, at, at + headingValue.length).slots.map((slot) => slot.placeholder)
      continue
    }
    if (node.type !== 'html') bodies.push(derivation.text(node))
  }
  flush()
  return finish(context, {columns, templateRows: rows, entries: {depth: first.depth, heading: keyed(pattern, columns), body: bodyColumn.key}}, context.role === 'timeline' ? 'entries' : 'items')
}

function withoutId(annotation: Annotation): Annotation {
  const {id: _id, ...rest} = annotation
  return rest
}

/** A GFM table: two columns of bold labels are fields; any other, rows under its header. */
export function tableBlock(context: RowsContext, table: Table): Block {
  const {derivation} = context
  const [head, ...body] = table.children
  const cellOf = (cell: TableCell | undefined): string => {
    if (!cell) return ''
    const {start, end} = cellContent(derivation.source.text, cell)
    return withoutComments(derivation.source.text.slice(start, end)).trim()
  }
  const bold = (text: string): string | undefined => /^(\*\*|__)(.+?)\1:?$/.exec(text)?.[2]?.replace(/:$/, '')
  if (head && head.children.length === 2 && [head, ...body].every((row) => bold(cellOf(row.children[0])) !== undefined)) {
    const fields: FieldSpec[] = [head, ...body].map((row) => makeField(derivation, {label: bold(cellOf(row.children[0]))!, placeholder: cellOf(row.children[1]), prefix: context.prefix}))
    return {type: 'fieldTable', fields, ...(isCompact(derivation, table) ? {compact: true} : {})}
  }
  const slots: Slot[] = (head?.children ?? []).map((cell, index) => {
    const header = cellOf(cell)
    const {name, zone, join} = headerZone(header)
    const sample = body[0] ? cellOf(body[0].children[index]) : ''
    const placeholder = isPlaceholderCell(derivation, body[0]?.children[index]) ? sample : ''
    return {name, placeholder, annotation: derivation.annotationOf(cell), ...(zone && join !== undefined ? {zone: {zone, join}} : {})}
  })
  // A column's type comes from its sample cell's hint when its header gives none.
  const columns = columnsOf(context, slots.map((slot, index) => ({...slot, placeholder: slot.placeholder || (body[0] ? cellOf(body[0].children[index]) : '')})), context.role).map((column, index) =>
    slots[index]!.placeholder === '' ? {...column, placeholderColumn: false, placeholder: ''} : column
  )
  const zoned = slots.findIndex((slot) => slot.zone)
  const templateRows = body.map((row) => columns.map((_, index) => cellOf(row.children[index])))
  return finish(
    context,
    {columns, templateRows, ...(zoned !== -1 ? {zoneColumn: columns[zoned]!.key, zonePath: `${context.prefix}TimeZone`} : {}), ...(isCompact(derivation, table) ? {compact: true} : {})},
    context.role === 'timeline' ? 'entries' : context.role === 'actionItems' ? 'items' : 'rows'
  )
}

/** Whether a table's delimiter row is written `|---|---|` (three dashes a column). */
function isCompact(derivation: Derivation, table: Table): boolean {
  const text = derivation.source.text
  const start = text.indexOf('\n', startOf(table)) + 1
  const end = text.indexOf('\n', start)
  const row = text.slice(start, end === -1 ? text.length : end).trim()
  return /^\|?(?:\s*:?-{3}:?\s*\|)*\s*:?-{3}:?\s*\|?$/.test(row)
}

function isPlaceholderCell(derivation: Derivation, cell: TableCell | undefined): boolean {
  if (!cell) return false
  const {start, end} = cellContent(derivation.source.text, cell)
  const found = derivation.placeholdersIn(start, end)
  return found.length === 1 && found[0]!.start === start && found[0]!.end === end
}

