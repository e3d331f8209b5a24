import type {RootContent} from 'mdast'
import type {Block, SectionSpec} from '../../profile/spec.js'
import type {Reading} from '../reading.js'

/** Where a block reader stands: the section being read, and its nodes. */
export interface BlockContext<B extends Block = Block> {
  readonly reading: Reading
  readonly section: SectionSpec
  readonly block: B
  /** The section's nodes after its heading. */
  readonly nodes: readonly RootContent[]
  /** The node the block would start at. */
  readonly index: number
}

/** Reads one kind of block of the template (named as the serializer's handler for it). */
export interface BlockReader<B extends Block = Block> {
  /**
   * Whether the block may be read again in the same section (header fields spread over several
   * paragraphs, a list, a table).
   */
  readonly repeats: boolean
  /** Read the block from `nodes[index]` on; how many nodes it took (0: it is not this block). */
  read(context: BlockContext<B>): number
}
