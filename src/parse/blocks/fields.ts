/**
 * Readers of labelled fields: lines of `**Label:** value` (the header and the footer), a
 * `**Label:** value` paragraph, and a list of `- **Label:** value` items (Impact).
 */
import type {Heading, List, ListItem, RootContent, Table} from 'mdast'
import type {Block, FieldSpec, SectionSpec} from '../../profile/spec.js'
import {addExtra, readValue, repeatsFrontMatter, setField, type Reading} from '../reading.js'
import {setPath} from '../../model/paths.js'
import {trimMarkdown} from '../../model/text.js'
import {readLabel} from '../source.js'
import {cellContent, cellText, endOf, headingContent, itemContent, labelMatches, lineAt, spanOf, startOf, wouldJoin} from '../values.js'
import {readAttachedList} from './lists.js'
import {noteMarker} from './lines.js'
import type {BlockReader} from './types.js'

/** One paragraph, one `**Label:** value` per line; also a list or a two-column table of them. */
export const fieldLines: BlockReader<Extract<Block, {type: 'fieldLines'}>> = {
  repeats: true,
  read({reading, section, block, nodes, index}) {
    const node = nodes[index]!
    if (node.type === 'heading') return readHeadingField(reading, block.fields, node) ? 1 : 0
    if (node.type === 'paragraph') {
      // A list whose label is the paragraph's last line (`Involved:`) is read with it.
      const attached = section.blocks.find((other): other is Extract<Block, {type: 'listUnderLabel'}> => other.type === 'listUnderLabel' && other.attached === true)
      const next = nodes[index + 1]
      // The label with nothing after it is the list, empty; with a list that cannot be read as it,
      // the label stays with that list as written.
      const free = attached && !reading.fields.has(attached.path)
      const last = nodes.slice(index + 1).every((other) => other.type === 'html' && other.value.startsWith('<!--'))
      const list = free && next?.type === 'list' ? (wouldJoin(reading.source, nodes[index + 2], false) ? undefined : {block: attached, node: next}) : free && last ? {block: attached} : undefined
      const read = readLines(reading, section, block.fields, node, list)
      return read === 'with list' ? 2 : read ? 1 : 0
    }
    // Written back as lines of one paragraph, a field read from a list item is one line of it.
    if (node.type === 'list') return readFieldList(reading, section, block.fields, node, {oneLine: true}) ? 1 : 0
    if (node.type === 'table') return readFieldTable(reading, section, block.fields, node) ? 1 : 0
    return 0
  }
}

/** A paragraph `**Label:** value`. */
export const fieldParagraph: BlockReader<Extract<Block, {type: 'fieldParagraph'}>> = {
  repeats: false,
  read({reading, block, nodes, index}) {
    const node = nodes[index]!
    if (node.type === 'heading') return readHeadingField(reading, [block.field], node) ? 1 : 0
    if (node.type !== 'paragraph') return 0
    const start = startOf(node)
    const label = readLabel(lineAt(reading.source, node, start))
    if (!label || !labelMatches(block.field, label.label)) return 0
    readValue(reading, block.field, start + label.valueStart, endOf(node))
    return 1
  }
}

/** A bullet list of `- **Label:** value` items. */
export const fieldList: BlockReader<Extract<Block, {type: 'fieldList'}>> = {
  repeats: false,
  read({reading, section, block, nodes, index}) {
    const node = nodes[index]!
    // A list right after it would join it once it is written with the template's marker.
    if (node.type !== 'list' || wouldJoin(reading.source, nodes[index + 1], false) || !readFieldList(reading, section, block.fields, node)) return 0
    noteMarker(reading, section.path, node, block.marker)
    return 1
  }
}

/** A field written as a heading (`## Owner: @name`): read as the field, and noted for `field-as-heading`. */
function readHeadingField(reading: Reading, specs: readonly FieldSpec[], heading: Heading): boolean {
  const {start, end} = headingContent(reading.source.text, heading)
  const label = readLabel(reading.source.text.slice(start, end))
  const spec = label ? specs.find((field) => labelMatches(field, label.label)) : undefined
  // One line only: a setext heading's lines would be written back as lines of their own.
  if (!label || !spec || reading.fields.has(spec.path) || start + label.valueStart >= end || reading.source.text.slice(start, end).includes('\n')) return false
  readValue(reading, spec, start + label.valueStart, end)
  reading.layout.push({kind: 'field-as-heading', path: spec.path, span: spanOf(reading.source, heading)})
  return true
}

/** A list read with the field lines before it (its label their last line). */
interface AttachedList {
  readonly block: Extract<Block, {type: 'listUnderLabel'}>
  /** The list after the paragraph; none when the label ends the section's lines. */
  readonly node?: List
}

function readLines(reading: Reading, section: SectionSpec, specs: readonly FieldSpec[], node: RootContent, list?: AttachedList): boolean | 'with list' {
  const text = reading.source.text
  const start = startOf(node)
  const end = endOf(node)
  const lines: {start: number; end: number; read: (() => void) | undefined; field: boolean}[] = []
  const taken = new Set<string>()
  for (let lineStart = start; lineStart < end; ) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1 || lineEnd > end) lineEnd = end
    const label = readLabel(text.slice(lineStart, lineEnd))
    const spec = label ? specs.find((field) => labelMatches(field, label.label)) : undefined
    const valueStart = lineStart + (label?.valueStart ?? 0)
    const free = spec !== undefined && !reading.fields.has(spec.path) && !taken.has(spec.path)
    // A line that says again what the front matter says is a field line kept as written.
    const readable = free && !(section.kind === 'title' && repeatsFrontMatter(reading, spec, valueStart, lineEnd))
    if (readable) taken.add(spec.path)
    const at = lineEnd
    lines.push({start: lineStart, end: lineEnd, field: free, read: readable ? () => readValue(reading, spec, valueStart, at) : undefined})
    lineStart = lineEnd + 1
  }
  // A paragraph is field lines when its first line is one and it has a field to read; any other
  // line of it is kept as a paragraph of its own.
  if (!lines[0]?.field || !lines.some((line) => line.read)) return false
  const last = lines.at(-1)!
  const label = list ? readLabel(text.slice(last.start, last.end)) : undefined
  const withList = list !== undefined && !last.read && label !== undefined && label.valueStart >= last.end - last.start && labelMatches({label: list.block.label, aliases: list.block.aliases ?? []}, label.label) && (list.node ? readAttachedList(reading, list.block, list.node) : emptyList(reading, list.block, last.start, last.end))
  for (const line of lines) {
    if (line.read) line.read()
    else if (!(withList && line === last)) addExtra(reading, section.id, trimMarkdown(text.slice(line.start, line.end)), line.start)
  }
  return withList && list?.node ? 'with list' : true
}

/** The label of a list with no items under it (`Involved:` and nothing after): the list, empty. */
function emptyList(reading: Reading, block: Extract<Block, {type: 'listUnderLabel'}>, start: number, end: number): true {
  setPath(reading.draft, block.path, [])
  setField(reading, block.path, reading.source.span(start, end), 'empty')
  return true
}

/**
 * Header fields in a two-column table (`| Date | 2026-03-04 |`). Rows the template has no
 * field for are kept as a table of their own, under the same header row.
 */
function readFieldTable(reading: Reading, section: SectionSpec, specs: readonly FieldSpec[], table: Table): boolean {
  const {source} = reading
  const [head, ...rows] = table.children
  if (!head || head.children.length !== 2 || rows.length === 0 || hasExcessCells(table)) return false
  const labelOf = (row: Table['children'][number]): FieldSpec | undefined => {
    const first = row.children[0]
    const text = first ? (cellText(source, first) ?? '') : ''
    const label = text.replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/:$/, '').trim()
    return specs.find((field) => labelMatches(field, label))
  }
  if (labelOf(head) || !rows.some((row) => labelOf(row))) return false
  const unknown: Table['children'][number][] = []
  for (const row of rows) {
    const spec = labelOf(row)
    const cell = row.children[1]
    if (!spec || reading.fields.has(spec.path) || !cell) {
      unknown.push(row)
      continue
    }
    const {start, end} = cellContent(source.text, cell)
    readValue(reading, spec, start, end)
  }
  if (unknown.length > 0) {
    const text = source.text
    const tableStart = startOf(table)
    const headEnd = text.indexOf('\n', text.indexOf('\n', tableStart) + 1)
    const lines = [text.slice(tableStart, headEnd === -1 ? endOf(table) : headEnd)]
    for (const row of unknown) lines.push(text.slice(source.lineStart(startOf(row)), endOf(row)))
    addExtra(reading, section.id, lines.join('\n'), tableStart)
  }
  return true
}

/**
 * Whether a row holds more cells than the header (a header table with one is kept as written;
 * `table-shape` reports it in the template's tables).
 */
function hasExcessCells(table: Table): boolean {
  const width = table.children[0]?.children.length ?? 0
  return table.children.some((row) => row.children.length > width)
}

/** A list of `- **Label:** value` items; unknown items are kept as extras. */
export function readFieldList(reading: Reading, section: SectionSpec, specs: readonly FieldSpec[], list: List, options: {oneLine?: boolean} = {}): boolean {
  const {source} = reading
  const matches = list.children.map((item) => {
    const content = itemContent(source, item)
    if (!content || (options.oneLine && content.value.includes('\n'))) return undefined
    const label = readLabel(content.text)
    const spec = label ? specs.find((field) => labelMatches(field, label.label)) : undefined
    return label && spec ? {content, label, spec} : undefined
  })
  // A list with no field left to read is not this block: it is kept whole where it stands.
  if (!matches.some((match) => match && !reading.fields.has(match.spec.path))) return false
  // Items before the first field stand right after the heading only when no field of the
  // section was read before this list.
  const first = specs.some((spec) => reading.fields.has(spec.path)) ? section.id : `${section.id}:heading`
  // Unknown items are kept verbatim as a list of their own: those before the first known item
  // right after the heading, the others (one list, so it stays one) at the end of the section.
  const before: ListItem[] = []
  const after: ListItem[] = []
  let known = false
  for (const [index, match] of matches.entries()) {
    if (match && !reading.fields.has(match.spec.path)) {
      readValue(reading, match.spec, match.content.start + match.label.valueStart, match.content.end, match.content)
      known = true
    } else {
      ;(known ? after : before).push(list.children[index]!)
    }
  }
  const keep = (items: readonly ListItem[], anchor: string): void => {
    if (items.length === 0) return
    const lines = items.map((item) => source.text.slice(startOf(item), endOf(item)))
    addExtra(reading, anchor, lines.join('\n'), startOf(items[0]!))
  }
  // Kept at one place, the items before and after stay one list (written as two, they would join).
  if (first === section.id) keep([...before, ...after], section.id)
  else {
    keep(before, first)
    keep(after, section.id)
  }
  return true
}
