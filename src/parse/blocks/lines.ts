/**
 * Readers of fields in the template's own words: a heading of fields (`# {Month Do, YYYY}
 * {Incident title}`, `### Short-term Improvements (Target: {Month YYYY})`), a line of fields
 * (`**{Critical/Major/Minor}** - {why}`), a two-column table of labelled fields (`| **Severity** |
 * {SEV1/SEV2} |`) and a list that is a field, whose marker the template writes its own way.
 */
import type {Heading, List, Table} from 'mdast'
import {setPath} from '../../model/paths.js'
import {matchPattern, type SlotShape} from '../../model/patterns.js'
import type {Block, FieldSpec, ListMarker} from '../../profile/spec.js'
import {readValue, setField, type Reading} from '../reading.js'
import {cellContent, headingContent, labelMatches, listMarker, spanOf, startOf} from '../values.js'
import type {BlockReader} from './types.js'

type HeadingFields = Extract<Block, {type: 'headingFields'}>

/** What each slot of a block's pattern holds, by its field. */
export function fieldShapes(fields: readonly FieldSpec[]): (slot: string) => SlotShape | undefined {
  return (slot) => {
    const field = fields.find((candidate) => candidate.path === slot)
    return field ? {type: field.type, format: field.format, placeholder: field.placeholder} : undefined
  }
}

/** Read a section's heading by its pattern; a heading in other words is kept whole at `textPath`. */
export function readHeadingFields(reading: Reading, block: HeadingFields, heading: Heading): void {
  const {start, end} = headingContent(reading.source.text, heading)
  const text = reading.source.text.slice(start, end)
  const match = block.fields.length > 0 ? matchPattern(text, block.pattern, fieldShapes(block.fields)) : undefined
  if (!match) {
    setPath(reading.draft, block.textPath, text)
    setField(reading, block.textPath, spanOf(reading.source, heading), text === '' ? 'empty' : 'filled')
    return
  }
  for (const field of block.fields) {
    const place = match.get(field.path)
    if (place) readValue(reading, field, start + place[0], start + place[1])
  }
}

/** The heading's fields are read with the heading (`readHeadingFields`), not from the body. */
export const headingFields: BlockReader<HeadingFields> = {
  repeats: false,
  read() {
    return 0
  }
}

/** A paragraph of one line in the template's words. */
export const patternLine: BlockReader<Extract<Block, {type: 'patternLine'}>> = {
  repeats: false,
  read({reading, block, nodes, index}) {
    const node = nodes[index]!
    if (node.type !== 'paragraph') return 0
    const start = startOf(node)
    const text = reading.source.text.slice(start, node.position?.end.offset ?? start)
    if (text.includes('\n')) return 0
    const match = matchPattern(text, block.pattern, fieldShapes(block.fields))
    if (!match) return 0
    for (const field of block.fields) {
      const place = match.get(field.path)
      if (place) readValue(reading, field, start + place[0], start + place[1])
    }
    return 1
  }
}

/** The label of a field table's row: its first cell without bold and colon. */
function rowLabel(reading: Reading, row: Table['children'][number]): string {
  const cell = row.children[0]
  if (!cell) return ''
  const {start, end} = cellContent(reading.source.text, cell)
  return reading.source.text
    .slice(start, end)
    .replace(/^(\*\*|__)(.*)\1$/, '$2')
    .replace(/:$/, '')
    .trim()
}

/**
 * A two-column table whose every row, the header row too, is a labelled field. Read all or
 * nothing: a row the template has no field for keeps the whole table as written.
 */
export const fieldTable: BlockReader<Extract<Block, {type: 'fieldTable'}>> = {
  repeats: false,
  read({reading, block, nodes, index}) {
    const node = nodes[index]!
    if (node.type !== 'table' || node.children.some((row) => row.children.length !== 2)) return 0
    const specs = node.children.map((row) => block.fields.find((field) => labelMatches(field, rowLabel(reading, row))))
    if (specs.some((spec) => !spec || reading.fields.has(spec.path)) || new Set(specs).size !== specs.length) return 0
    node.children.forEach((row, at) => {
      const {start, end} = cellContent(reading.source.text, row.children[1]!)
      readValue(reading, specs[at]!, start, end)
    })
    return 1
  }
}

/** Note a list read as a field whose marker is not the template's (`list-marker` reports it). */
export function noteMarker(reading: Reading, path: string, list: List, expected: ListMarker | undefined): void {
  if (expected === undefined) return
  const written = listMarker(reading.source, list)
  if (written === expected) return
  const first = list.children[0] ?? list
  reading.layout.push({kind: 'list-marker', path, span: spanOf(reading.source, first), written, expected})
}
