/**
 * The block readers, by block type: the same names as the serializer's handlers, so reading and
 * writing a block of the template are found under one name on each side.
 */
import type {Block} from '../../profile/spec.js'
import {readValue} from '../reading.js'
import {endOf, startOf} from '../values.js'
import {fieldLines, fieldList, fieldParagraph} from './fields.js'
import {checklist, listUnderLabel, list} from './lists.js'
import {table} from './table.js'
import {fieldTable, headingFields, patternLine} from './lines.js'
import type {BlockReader} from './types.js'

/** Free Markdown: everything up to the next heading is the value, verbatim. */
const markdown: BlockReader<Extract<Block, {type: 'markdown'}>> = {
  repeats: false,
  read({reading, block, nodes, index}) {
    const last = nodes.at(-1)!
    readValue(reading, {path: block.path, placeholder: block.placeholder, block: true}, startOf(nodes[index]!), endOf(last))
    return nodes.length - index
  }
}

/** The thematic break before the meeting footer. */
const rule: BlockReader<Extract<Block, {type: 'rule'}>> = {
  repeats: true,
  read({nodes, index}) {
    return nodes[index]!.type === 'thematicBreak' ? 1 : 0
  }
}

/** Every block reader, by block type. */
export const readers: {readonly [Type in Block['type']]: BlockReader<Extract<Block, {type: Type}>>} = {
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

/** The reader of `block`. */
export function readerOf<B extends Block>(block: B): BlockReader<B> {
  return readers[block.type] as unknown as BlockReader<B>
}

export type {BlockContext, BlockReader} from './types.js'
