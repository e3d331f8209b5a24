/** What a block of a profile holds: its field paths and its labelled fields. */
import type {Block, FieldSpec} from './spec.js'

/** A table block. */
export type TableBlock = Extract<Block, {type: 'table'}>

/** The field paths a block holds. */
export function blockPaths(block: Block): string[] {
  switch (block.type) {
    case 'headingFields':
      return [...block.fields.map((field) => field.path), block.textPath]
    case 'fieldLines':
    case 'fieldList':
    case 'fieldTable':
    case 'patternLine':
    case 'checklist':
      return block.fields.map((field) => field.path)
    case 'fieldParagraph':
      return [block.field.path]
    case 'listUnderLabel':
    case 'list':
    case 'markdown':
    case 'table':
      return [block.path]
    case 'rule':
      return []
  }
}

/** The labelled fields of a block (header lines, label paragraphs, label lists, checklist lines). */
export function blockFields(block: Block): readonly FieldSpec[] {
  switch (block.type) {
    case 'fieldLines':
    case 'fieldList':
    case 'fieldTable':
    case 'patternLine':
    case 'headingFields':
    case 'checklist':
      return block.fields
    case 'fieldParagraph':
      return [block.field]
    default:
      return []
  }
}

/** The block with each of its labelled fields replaced by `map`'s (other blocks as they are). */
export function mapBlockFields(block: Block, map: (field: FieldSpec) => FieldSpec): Block {
  if (block.type === 'fieldParagraph') return {...block, field: map(block.field)}
  if ('fields' in block) return {...block, fields: block.fields.map(map)} as Block
  return block
}

/** A section's blocks under its heading (without the fields its heading holds). */
export function bodyOf(section: {readonly blocks: readonly Block[]}): readonly Block[] {
  return section.blocks.some((block) => block.type === 'headingFields') ? section.blocks.filter((block) => block.type !== 'headingFields') : section.blocks
}
