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

/** A section's blocks under its heading (without the fields its heading holds). */
export function bodyOf(section: {readonly blocks: readonly Block[]}): readonly Block[] {
  return section.blocks.some((block) => block.type === 'headingFields') ? section.blocks.filter((block) => block.type !== 'headingFields') : section.blocks
}
