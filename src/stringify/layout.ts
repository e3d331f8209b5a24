/**
 * remark-stringify configured for the template's layout: a `pmRaw` node for text written back
 * verbatim, the template's unpadded tables, and no blank line between a label and its list.
 */
import type {List, ListItem, Literal, Table} from 'mdast'
import type {Handle, Join} from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options as StringifyOptions} from 'remark-stringify'
import {unified} from 'unified'

/** Verbatim Markdown: the user's own text, written back exactly as it was read. Block or phrasing. */
export interface RawNode extends Literal {
  type: 'pmRaw'
}

declare module 'mdast' {
  interface RootContentMap {
    pmRaw: RawNode
  }
  interface PhrasingContentMap {
    pmRaw: RawNode
  }
  interface BlockContentMap {
    pmRaw: RawNode
  }
}

/** A verbatim node. */
export function raw(value: string): RawNode {
  return {type: 'pmRaw', value}
}

/** A tight list item. */
export function item(children: ListItem['children']): ListItem {
  return {type: 'listItem', spread: false, children}
}

/** A tight bullet list. */
export function bulletList(children: ListItem[]): List {
  return {type: 'list', ordered: false, spread: false, children}
}

/** Mark a list as written directly under its label paragraph (no blank line between). */
export function tight(list: List): List {
  list.data = {...list.data, pmTight: true} as List['data']
  return list
}

const rawHandle: Handle = (node) => (node as RawNode).value

const cellValue = (cell: Table['children'][number]['children'][number]): string => (cell.children[0] as unknown as RawNode | undefined)?.value ?? ''

/** The template's tables: `| a | b |` rows, unpadded; delimiter dashes as wide as each header plus two. */
const tableHandle: Handle = (node) => {
  const table = node as Table
  const lines = table.children.map((row) => '| ' + row.children.map(cellValue).join(' | ') + ' |')
  const head = table.children[0]
  const compact = (table.data as {pmCompact?: boolean} | undefined)?.pmCompact === true
  lines.splice(1, 0, '|' + (head?.children ?? []).map((cell) => '-'.repeat(compact ? 3 : cellValue(cell).length + 2)).join('|') + '|')
  return lines.join('\n')
}

/** A label paragraph followed by its list: no blank line between (the template's layout). */
const joinLabelAndList: Join = (left, right) => {
  if (left.type === 'paragraph' && right.type === 'list' && (right.data as {pmTight?: boolean} | undefined)?.pmTight) return 0
  return undefined
}

const options: StringifyOptions = {
  bullet: '-',
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  handlers: {pmRaw: rawHandle, table: tableHandle},
  join: [joinLabelAndList]
}

/** remark-stringify with GFM (task list items) and the template's layout. */
export const writer = unified().use(remarkGfm).use(remarkStringify, options).freeze()
