/**
 * Readers of the template's lists: an ordered list of items (What Went Well), a label directly
 * followed by its list (Contributing factors), and the proper-fix checklist.
 */
import type {List, ListItem, RootContent} from 'mdast'
import {setPath} from '../../model/paths.js'
import type {Span} from '../../model/finding.js'
import type {Block, FieldSpec, SectionSpec} from '../../profile/spec.js'
import {itemPlaceholder} from '../../model/placeholders.js'
import {addExtra, readValue, setField, type Reading} from '../reading.js'
import type {FieldState} from '../types.js'
import {readLabel} from '../source.js'
import {endOf, isLabelOnly, itemContent, labelMatches, spanOf, startOf, wouldJoin} from '../values.js'
import type {BlockReader} from './types.js'
import {noteMarker} from './lines.js'

/** An ordered list making up the whole section. */
export const list: BlockReader<Extract<Block, {type: 'list'}>> = {
  repeats: false,
  read({reading, block, nodes, index}) {
    const node = nodes[index]!
    if (node.type !== 'list' || !standsAlone(nodes, index)) return 0
    if (!readList(reading, block.path, block.placeholders, node)) return 0
    noteMarker(reading, block.path, node, block.marker)
    return 1
  }
}

/**
 * Note: a list read as a field is written back with the template's marker, so a list right
 * after it (another marker, so another list here) would join it: such a pair is kept as written.
 *
 * Whether the list at `index` is the section's list: the only list, with nothing after it but
 * comments. A list amid prose (steps between two paragraphs), or one of two lists around an
 * image, belongs to the prose and is kept with it.
 */
function standsAlone(nodes: readonly RootContent[], index: number): boolean {
  return (
    nodes.every((node, at) => at === index || node.type !== 'list') &&
    nodes.slice(index + 1).every((node) => node.type === 'html' && node.value.startsWith('<!--'))
  )
}

/** A `**Label:**` paragraph directly followed by its list (or, in a section of its own, the list alone). */
export const listUnderLabel: BlockReader<Extract<Block, {type: 'listUnderLabel'}>> = {
  repeats: false,
  read({reading, block, nodes, index}) {
    const node = nodes[index]!
    // A list whose label ends the field lines before it is read only with them (`fieldLines`).
    if (block.attached === true) return 0
    if (node.type === 'list' && !reading.fields.has(block.path) && standsAlone(nodes, index)) {
      // `## Contributing Factors` holding only the list.
      if (!readList(reading, block.path, block.placeholders, node)) return 0
      noteMarker(reading, block.path, node, block.marker)
      return 1
    }
    if (node.type !== 'paragraph' || !isLabelOnly(reading.source, node, block.label)) return 0
    const next = nodes[index + 1]
    if (next?.type === 'list' && wouldJoin(reading.source, nodes[index + 2], true)) return 0
    setPath(reading.draft, block.path, [])
    setField(reading, block.path, spanOf(reading.source, node), 'empty')
    if (next?.type === 'list' && readList(reading, block.path, block.placeholders, next)) {
      noteMarker(reading, block.path, next, block.marker)
      return 2
    }
    return 1
  }
}

/** The list of a label that is the last line of the field lines before it (`Involved:`). */
export function readAttachedList(reading: Reading, block: Extract<Block, {type: 'listUnderLabel'}>, node: List): boolean {
  if (!readList(reading, block.path, block.placeholders, node)) return false
  noteMarker(reading, block.path, node, block.marker)
  return true
}

/** A `**Label:**` paragraph directly followed by a task list of `Label: value` items. */
export const checklist: BlockReader<Extract<Block, {type: 'checklist'}>> = {
  repeats: false,
  read({reading, section, block, nodes, index}) {
    const node = nodes[index]!
    if (node.type === 'paragraph') {
      // The label alone, without its list, holds no line of the checklist: it is kept as written.
      if (!isLabelOnly(reading.source, node, block.label)) return 0
      const next = nodes[index + 1]
      return next?.type === 'list' && !wouldJoin(reading.source, nodes[index + 2], false) && readChecklist(reading, section, block.fields, next) ? 2 : 0
    }
    return node.type === 'list' && !wouldJoin(reading.source, nodes[index + 1], false) && readChecklist(reading, section, block.fields, node) ? 1 : 0
  }
}

/**
 * A list's items, verbatim; an item still holding the template's placeholder is unfilled
 * (`null`). A list of empty items only (`2.`) is no list of items: it is kept as written.
 */
function readList(reading: Reading, path: string, placeholders: readonly string[], node: List): boolean {
  if (node.children.every((item) => !itemContent(reading.source, item)?.value)) return false
  const items: (string | null)[] = []
  const spans: [Span, FieldState][] = []
  for (const item of node.children) {
    const content = itemContent(reading.source, item)
    if (!content || content.value === '') continue
    const unfilled = content.value === itemPlaceholder(placeholders, items.length)
    items.push(unfilled ? null : content.value)
    spans.push([reading.source.span(content.start, content.end), unfilled ? 'placeholder' : 'filled'])
  }
  setPath(reading.draft, path, items)
  setField(reading, path, spanOf(reading.source, node), items.some((item) => item !== null) ? 'filled' : items.length > 0 ? 'placeholder' : 'empty')
  spans.forEach(([span, state], index) => setField(reading, `${path}[${index}]`, span, state))
  return true
}

function readChecklist(reading: Reading, section: SectionSpec, specs: readonly FieldSpec[], node: List): boolean {
  let matched = false
  // Items the checklist has no line for are kept verbatim, all of them as one list: written
  // after the checklist, they would join it as one list anyway.
  const unknown: ListItem[] = []
  for (const item of node.children) {
    const content = itemContent(reading.source, item, true)
    const label = content ? readLabel(content.text) : undefined
    const spec = label ? specs.find((field) => labelMatches(field, label.label)) : undefined
    if (!content || !label || !spec || reading.fields.has(`${spec.path}.value`)) {
      unknown.push(item)
      continue
    }
    matched = true
    setPath(reading.draft, `${spec.path}.checked`, item.checked === true)
    setField(reading, spec.path, spanOf(reading.source, item), 'filled')
    readValue(reading, {path: `${spec.path}.value`, placeholder: spec.placeholder}, content.start + label.valueStart, content.end, content)
  }
  const first = unknown[0]
  if (matched && first) {
    const text = reading.source.text
    const contiguous = unknown.every((item, index) => index === 0 || node.children.indexOf(item) === node.children.indexOf(unknown[index - 1]!) + 1)
    const markdown = contiguous ? text.slice(startOf(first), endOf(unknown.at(-1)!)) : unknown.map((item) => text.slice(startOf(item), endOf(item))).join('\n')
    addExtra(reading, section.id, markdown, startOf(first))
  }
  return matched
}
