/**
 * Source offsets: where a node, a heading's text, a table cell's content or a list item's
 * content stands in the source. Values are slices of the source between these offsets, so a
 * value is always exactly what the user wrote.
 */
import type {Heading, ListItem, Nodes, TableCell} from 'mdast'
import type {Span} from '../model/finding.js'
import type {FieldSpec, ListMarker} from '../profile/spec.js'
import {normalizeName} from '../model/text.js'
import {trimMarkdown} from '../model/text.js'
import {readLabel, type Source} from './source.js'

/** Start offset of a node (every node of a parsed tree has a position). */
export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0
}

/** End offset of a node. */
export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0
}

/** The span of a node. */
export function spanOf(source: Source, node: Nodes): Span {
  return source.span(startOf(node), endOf(node))
}

/** The source of a node, verbatim. */
export function sourceOf(source: Source, node: Nodes): string {
  return source.text.slice(startOf(node), endOf(node))
}

/**
 * Offsets of a heading's text: after the `#` marks and before a closing `#` sequence (ATX), or
 * before the underline (setext). Linear, without regular expressions.
 */
export function headingContent(text: string, heading: Heading): {start: number; end: number} {
  let start = startOf(heading)
  let end = endOf(heading)
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++
  if (text[start] === '#') {
    while (start < end && text[start] === '#') start++
    while (start < end && (text[start] === ' ' || text[start] === '\t')) start++
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
    let hashes = end
    while (hashes > start && text[hashes - 1] === '#') hashes--
    if (hashes < end && (hashes === start || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) end = hashes
  } else {
    const underline = text.lastIndexOf('\n', end - 1)
    if (underline > start) end = underline
  }
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  return {start, end}
}

/** A heading's text as written, without its marks. */
export function headingText(source: Source, heading: Heading): string {
  const {start, end} = headingContent(source.text, heading)
  return source.text.slice(start, end)
}

/** Offsets of a table cell's content in `text`, without its pipes and padding. */
export function cellContent(text: string, cell: TableCell): {start: number; end: number} {
  let start = startOf(cell)
  let end = endOf(cell)
  if (text[start] === '|') start++
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  return {start, end}
}

/** A cell's content as written, without its pipes and padding (`\\|` still escaped); `undefined` when empty. */
export function cellText(source: Source, cell: TableCell): string | undefined {
  const {start, end} = cellContent(source.text, cell)
  return start === end ? undefined : source.text.slice(start, end)
}

/** The content of a list item after its marker (and checkbox), with offsets and indentation. */
export interface ItemContent {
  readonly start: number
  readonly end: number
  /** Columns of indentation of the content's first line; continuation lines lose as many. */
  readonly indent: number
  /** The content without indentation and outer white space. */
  readonly value: string
  /** The first line of the content. */
  readonly text: string
}

/**
 * The content of a list item after its marker, with its indentation. A checklist's box is
 * layout (`afterCheckbox`); in any other list `[ ]` is text of the item.
 */
export function itemContent(source: Source, item: ListItem, afterCheckbox = false): ItemContent | undefined {
  const first = item.children[0]
  if (!first) return undefined
  const text = source.text
  let start = startOf(item)
  while (text[start] === ' ' || text[start] === '\t') start++
  while (start < text.length && isDigit(text.charCodeAt(start))) start++
  if (text[start] === '-' || text[start] === '*' || text[start] === '+' || text[start] === '.' || text[start] === ')') start++
  let spaces = 0
  while (text[start + spaces] === ' ' && spaces < 5) spaces++
  // Five or more spaces after the marker: one belongs to the marker, the rest to the content.
  start += spaces >= 5 || text[start + spaces] === '\n' ? 1 : spaces
  if (afterCheckbox || start > startOf(first)) start = startOf(first)
  // A task's box, where its paragraph starts at it (a first child that is not text: `- [ ] <x>`).
  if (afterCheckbox && typeof item.checked === 'boolean' && text[start] === '[' && /^\[[ xX]\][ \t]/.test(text.slice(start, start + 4))) {
    start += 3
    while (text[start] === ' ' || text[start] === '\t') start++
  }
  const end = endOf(item)
  const indent = start - source.lineStart(start)
  const value = dedent(text.slice(start, end), indent)
  const firstLineEnd = text.indexOf('\n', start)
  return {start, end, indent, value: trimMarkdown(value), text: text.slice(start, firstLineEnd === -1 || firstLineEnd > end ? end : firstLineEnd)}
}

/** The line of a node starting at `offset` (up to the node's end). */
export function lineAt(source: Source, node: Nodes, offset: number): string {
  const end = source.text.indexOf('\n', offset)
  const nodeEnd = endOf(node)
  return source.text.slice(offset, end === -1 || end > nodeEnd ? nodeEnd : end)
}

/** Remove up to `indent` columns of leading spaces from every line after the first. */
export function dedent(text: string, indent: number): string {
  if (!text.includes('\n')) return text
  return text
    .split('\n')
    .map((line, index) => {
      if (index === 0) return line
      let strip = 0
      while (strip < indent && line[strip] === ' ') strip++
      return line.slice(strip)
    })
    .join('\n')
}

/** Whether a label as written names a field (its label or one of its aliases). */
export function labelMatches(field: Pick<FieldSpec, 'label' | 'aliases'>, label: string): boolean {
  const name = normalizeName(label)
  return normalizeName(field.label) === name || (field.aliases ?? []).some((alias) => normalizeName(alias) === name)
}

/** Whether a paragraph is exactly `**Label:**` (one line, nothing after the colon). */
export function isLabelOnly(source: Source, node: Nodes, name: string): boolean {
  const start = startOf(node)
  const line = lineAt(source, node, start)
  const label = readLabel(line)
  return label !== undefined && normalizeName(label.label) === normalizeName(name) && label.valueStart >= line.length && start + line.length >= endOf(node)
}

/**
 * Whether a list right after a list the serializer writes would join it: it is a list of the
 * same kind whose marker is the one written (`-` for bullets, `1.` for ordered lists). A list
 * with another marker (`*`, `+`, `1)`) stays a list of its own.
 */
export function wouldJoin(source: Source, node: Nodes | undefined, ordered: boolean): boolean {
  if (node?.type !== 'list' || node.ordered !== ordered) return false
  let at = startOf(node)
  while (isDigit(source.text.charCodeAt(at)) || source.text[at] === ' ' || source.text[at] === '\t') at++
  return source.text[at] === (ordered ? '.' : '-')
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** The marker a list is written with: `-`, `*`, `+`, or an ordered list's `.` or `)`. */
export function listMarker(source: Source, list: Nodes): ListMarker {
  const text = source.text
  let at = startOf(list)
  while (text[at] === ' ' || text[at] === '\t') at++
  while (isDigit(text.charCodeAt(at))) at++
  const char = text[at]
  return char === '*' || char === '+' || char === ')' || char === '.' ? char : '-'
}
