/**
 * The block handlers, by block type: the same names as the parser's readers. Each writes what
 * the draft has of its block — a value verbatim, an unfilled (`null`) value as the template's
 * placeholder — and nothing for what the draft lacks.
 */
import type {List, ListItem, PhrasingContent, RootContent, Table, TableCell} from 'mdast'
import {getPath} from '../model/paths.js'
import {headerLineWritten} from '../model/presence.js'
import type {Profile} from '../profile/compile.js'
import type {Block, ColumnSpec, FieldSpec, SectionSpec} from '../profile/spec.js'
import {cellPlaceholder, itemPlaceholder} from '../model/placeholders.js'
import {takesUnit} from '../model/text.js'
import {writePattern} from '../model/patterns.js'
import {bulletList, item, raw, tight} from './layout.js'
import {markedList, writtenList, writtenRows, zoneHeader} from './rows.js'

/** What a handler writes from: the draft, and the section the block belongs to. */
export interface WriteContext {
  readonly profile: Profile
  readonly draft: object
  readonly section: SectionSpec
}

type Handler<B extends Block> = (block: B, context: WriteContext) => RootContent[]

/** One paragraph, one `**Label:** value` per line (the header and the meeting footer). */
const fieldLines: Handler<Extract<Block, {type: 'fieldLines'}>> = (block, {profile, draft, section}) => {
  const written = block.fields.filter((field) => (section.kind === 'title' ? headerLineWritten(profile, draft, field.path) : getPath(draft, field.path) !== undefined))
  if (written.length === 0) return []
  const children: PhrasingContent[] = []
  written.forEach((field, index) => {
    if (index > 0) children.push(raw('\n'))
    children.push(...labelled(field.label, fieldText(draft, field), field.labelStyle))
  })
  return [{type: 'paragraph', children}]
}

/** A paragraph `**Label:** value`. */
const fieldParagraph: Handler<Extract<Block, {type: 'fieldParagraph'}>> = (block, {draft}) =>
  getPath(draft, block.field.path) === undefined ? [] : [{type: 'paragraph', children: labelled(block.field.label, fieldText(draft, block.field), block.field.labelStyle)}]

/** A bullet list of `- **Label:** value` items (Impact). */
const fieldList: Handler<Extract<Block, {type: 'fieldList'}>> = (block, {draft}) => {
  const written = block.fields.filter((field) => getPath(draft, field.path) !== undefined)
  if (written.length === 0) return []
  if (block.marker !== undefined && block.marker !== '-') {
    const text = (field: FieldSpec): string => {
      const value = fieldText(draft, field)
      const label = field.labelStyle === 'plain' ? `${field.label}:` : `**${field.label}:**`
      return value === '' ? label : `${label} ${value}`
    }
    return [raw(writtenList(written.map(text), block.marker))]
  }
  return [bulletList(written.map((field) => item([{type: 'paragraph', children: labelled(field.label, fieldText(draft, field), field.labelStyle)}])))]
}

/** A table of two columns, a labelled field a row, the first row its header. */
const fieldTable: Handler<Extract<Block, {type: 'fieldTable'}>> = (block, {draft}) => {
  const written = block.fields.filter((field) => getPath(draft, field.path) !== undefined)
  if (written.length === 0) return []
  const toRow = (field: FieldSpec): Table['children'][number] => ({
    type: 'tableRow',
    children: [`**${field.label}**`, fieldText(draft, field)].map((text): TableCell => ({type: 'tableCell', children: [raw(text.replace(/\|/g, '\\|'))]}))
  })
  return [compacted({type: 'table', align: [null, null], children: written.map(toRow)}, block.compact)]
}

/** One line of fields in the template's words. */
const patternLine: Handler<Extract<Block, {type: 'patternLine'}>> = (block, {draft}) => {
  if (block.fields.every((field) => getPath(draft, field.path) === undefined)) return []
  const byPath = new Map(block.fields.map((field) => [field.path, field]))
  return [{type: 'paragraph', children: [raw(writePattern(block.pattern, (slot) => (byPath.has(slot) ? fieldText(draft, byPath.get(slot)!) : '')))]}]
}

/** A heading's fields are written with the heading (`toMdast`). */
const headingFields: Handler<Extract<Block, {type: 'headingFields'}>> = () => []

/** A `**Label:**` paragraph directly followed by an ordered list (Contributing factors). */
const listUnderLabel: Handler<Extract<Block, {type: 'listUnderLabel'}>> = (block, {draft}) => {
  const value = getPath(draft, block.path)
  if (!Array.isArray(value)) return []
  const label: RootContent = {type: 'paragraph', children: labelled(block.label, '', block.labelStyle)}
  if (value.length === 0) return [label]
  if (block.marker !== undefined) {
    const items = markedList(value, block.placeholders, block.marker)
    // Note: written as one text so that no blank line stands between them, as the template writes them.
    if (block.gap !== true) return [raw(`${block.labelStyle === 'plain' ? `${block.label}:` : `**${block.label}:**`}\n${(items as {value: string}).value}`)]
    return [label, items]
  }
  return [label, tight(orderedList(value, block.placeholders))]
}

/** An ordered list making up the whole section (What Went Well, lessons). */
const list: Handler<Extract<Block, {type: 'list'}>> = (block, {draft}) => {
  const value = getPath(draft, block.path)
  if (!Array.isArray(value) || value.length === 0) return []
  return [block.marker === undefined ? orderedList(value, block.placeholders) : markedList(value, block.placeholders, block.marker)]
}

/** Free Markdown making up the whole section (Executive Summary). */
const markdown: Handler<Extract<Block, {type: 'markdown'}>> = (block, {draft}) => {
  const value = getPath(draft, block.path)
  if (value === undefined || value === '') return []
  return [raw(typeof value === 'string' ? value : block.placeholder)]
}

/** A table of rows (Timeline, action items), with the columns its rows have. */
const table: Handler<Extract<Block, {type: 'table'}>> = (block, {draft}) => {
  const inWords = writtenRows(block, draft)
  if (inWords) return inWords
  const value = getPath(draft, block.path)
  if (!Array.isArray(value)) return []
  const rows = value as Record<string, string | null | undefined>[]
  // A table of no rows is written with the template's columns.
  const columns = rows.length === 0 ? block.columns : block.columns.filter((column) => rows[0]![column.key] !== undefined)
  const named = block.zonePath === undefined ? undefined : getPath(draft, block.zonePath)
  const zone = typeof named === 'string' ? named : 'UTC'
  const header = columns.map((column) => (column.key === block.zoneColumn ? zoneHeader(column, zone) : column.header))
  const body = rows.map((row, index) => columns.map((column) => cellText(row[column.key], column, index)))
  const toRow = (cells: string[]): Table['children'][number] => ({
    type: 'tableRow',
    children: cells.map((text): TableCell => ({type: 'tableCell', children: [raw(text.replace(/\|/g, '\\|'))]}))
  })
  return [compacted({type: 'table', align: columns.map(() => null), children: [toRow(header), ...body.map(toRow)]}, block.compact)]
}

/** A `**Label:**` paragraph directly followed by a task list of `Label: value` items. */
const checklist: Handler<Extract<Block, {type: 'checklist'}>> = (block, {draft}) => {
  const items = block.fields.flatMap((field): ListItem[] => {
    const entry = getPath(draft, field.path) as {checked?: boolean; value?: string | null} | undefined
    if (entry === undefined) return []
    const value = entry.value ?? field.placeholder
    // remark-gfm writes the box only before a paragraph.
    const listItem = item([{type: 'paragraph', children: [raw(value === '' ? `${field.label}:` : `${field.label}: ${value}`)]}])
    listItem.checked = entry.checked === true
    return [listItem]
  })
  return items.length === 0 ? [] : [{type: 'paragraph', children: labelled(block.label, '')}, tight(bulletList(items))]
}

/** The thematic break before the meeting footer. */
const rule: Handler<Extract<Block, {type: 'rule'}>> = () => [{type: 'thematicBreak'}]

/** Every block handler, by block type. */
export const handlers: {readonly [Type in Block['type']]: Handler<Extract<Block, {type: Type}>>} = {
  fieldLines,
  fieldParagraph,
  fieldList,
  listUnderLabel,
  list,
  markdown,
  table,
  checklist,
  rule,
  headingFields,
  fieldTable,
  patternLine
}

/** Write a block of a section. */
export function writeBlock(block: Block, context: WriteContext): RootContent[] {
  return (handlers[block.type] as Handler<Block>)(block, context)
}

/** `**Label:** value` (or `Label: value`), or the label alone for an empty value. */
function labelled(label: string, value: string, style: 'bold' | 'plain' = 'bold'): PhrasingContent[] {
  const name: PhrasingContent = style === 'plain' ? raw(`${label}:`) : {type: 'strong', children: [{type: 'text', value: `${label}:`}]}
  return value === '' ? [name] : [name, raw(' ' + value)]
}

/** A table whose delimiter row the template writes `|---|---|`. */
function compacted(node: Table, compact: boolean | undefined): Table {
  if (compact) node.data = {...node.data, pmCompact: true} as Table['data']
  return node
}

/** A field's text: the value verbatim, the placeholder when unfilled, with the template's suffix. */
function fieldText(draft: object, field: FieldSpec): string {
  const value = getPath(draft, field.path)
  if (value === null || value === undefined) return field.placeholder + (field.suffix ?? '')
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'number' ? String(value) : String(value)
  // The unit follows a number only: `about 1h 20m` is written back as written.
  return text === '' || !takesUnit(text) ? text : text + (field.suffix ?? '')
}

function orderedList(values: readonly unknown[], placeholders: readonly string[]): List {
  const children = values.map((value, index) => item([raw(typeof value === 'string' ? value : itemPlaceholder(placeholders, index))]))
  return {type: 'list', ordered: true, start: 1, spread: false, children}
}

function cellText(value: string | null | undefined, column: ColumnSpec, index: number): string {
  return value === null || value === undefined ? cellPlaceholder(column, index) : value
}
