import type {List, ListItem, Literal, PhrasingContent, Root, RootContent, Table, TableCell} from 'mdast'
import type {Handle, Join} from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options as StringifyOptions} from 'remark-stringify'
import {unified} from 'unified'
import {getPath} from '../model/draft.js'
import type {Postmortem, PostmortemDraft} from '../model/schema.js'
import {sections, type Block, type FieldSpec, type SectionSpec} from '../model/sections.js'

/**
 * Verbatim Markdown: the user's own text, written back exactly as it was read. Block or phrasing.
 */
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

const raw = (value: string): RawNode => ({type: 'pmRaw', value})

/** A model accepted by `stringify`: a draft, or a complete postmortem (integer minutes). */
export type StringifyInput = PostmortemDraft | Postmortem

/**
 * Write a draft or a complete postmortem as Markdown in the template's canonical layout (SPEC
 * R5): unfilled fields as the template's placeholders, the user's text verbatim.
 */
export function stringify(model: StringifyInput): string {
  return writer.stringify(toMdast(model))
}

/** Build the canonical mdast of a model (the tree `stringify` writes). */
export function toMdast(model: StringifyInput): Root {
  const builder = new Builder(model)
  return {type: 'root', children: builder.build()}
}

// ---------------------------------------------------------------------------------------------

class Builder {
  private readonly out: RootContent[] = []
  private readonly extras = new Map<string, string[]>()

  constructor(private readonly model: StringifyInput) {
    for (const extra of model.extra ?? []) {
      const list = this.extras.get(extra.after) ?? []
      list.push(extra.markdown)
      this.extras.set(extra.after, list)
    }
  }

  build(): RootContent[] {
    const frontMatter = this.model.frontMatter
    if (frontMatter !== null && frontMatter !== undefined) {
      this.out.push(raw(frontMatter === '' ? '---\n---' : `---\n${frontMatter}\n---`))
    }
    this.extra('start')
    for (const section of sections) this.section(section)
    return this.out
  }

  private extra(anchor: string): void {
    for (const markdown of this.extras.get(anchor) ?? []) this.out.push(raw(markdown))
  }

  private section(section: SectionSpec): void {
    if (section.id === 'title') {
      const id = this.model.hotfixId
      this.out.push({type: 'heading', depth: 1, children: [{type: 'text', value: 'Postmortem: HOTFIX-'}, raw(id ?? '{ID}')]})
    } else if (section.heading !== null) {
      this.out.push({type: 'heading', depth: section.depth, children: [{type: 'text', value: section.heading}]})
    }
    this.extra(`${section.id}:heading`)
    for (const block of section.blocks) this.block(block)
    this.extra(section.id)
  }

  private block(block: Block): void {
    switch (block.type) {
      case 'fieldLines': {
        const children: PhrasingContent[] = []
        block.fields.forEach((field, index) => {
          if (index > 0) children.push(raw('\n'))
          children.push(...this.label(field.label), raw(' ' + this.fieldText(field)))
        })
        this.out.push({type: 'paragraph', children})
        return
      }
      case 'labelParagraph':
        this.out.push({type: 'paragraph', children: [...this.label(block.field.label), raw(' ' + this.fieldText(block.field))]})
        return
      case 'labelList':
        this.out.push(
          bulletList(block.fields.map((field) => item([{type: 'paragraph', children: [...this.label(field.label), raw(' ' + this.fieldText(field))]}])))
        )
        return
      case 'labeledList': {
        this.out.push({type: 'paragraph', children: this.label(block.label)})
        this.out.push(tight(this.orderedList(block.path, block.placeholders)))
        return
      }
      case 'list':
        this.out.push(this.orderedList(block.path, block.placeholders))
        return
      case 'markdown': {
        const value = getPath(this.model, block.path)
        this.out.push(raw(typeof value === 'string' ? value : block.placeholder))
        return
      }
      case 'table':
        this.out.push(this.table(block))
        return
      case 'checklist': {
        this.out.push({type: 'paragraph', children: this.label(block.label)})
        const items = block.fields.map((field) => {
          const entry = getPath(this.model, field.path) as {checked?: boolean; value?: string | null} | undefined
          const value = entry?.value ?? field.placeholder
          // remark-gfm writes the box only before a paragraph.
          const listItem = item([{type: 'paragraph', children: [raw(`${field.label}: ${value}`)]}])
          listItem.checked = entry?.checked === true
          return listItem
        })
        this.out.push(tight(bulletList(items)))
        return
      }
      case 'rule':
        this.out.push({type: 'thematicBreak'})
        return
    }
  }

  private label(text: string): PhrasingContent[] {
    return [{type: 'strong', children: [{type: 'text', value: `${text}:`}]}]
  }

  private fieldText(field: FieldSpec): string {
    const value = getPath(this.model, field.path)
    let text: string
    if (field.type === 'names') {
      text = Array.isArray(value) && value.length > 0 ? value.join(', ') : field.placeholder
    } else if (typeof value === 'number') {
      text = String(value)
    } else {
      text = typeof value === 'string' ? value : field.placeholder
    }
    return text + (field.suffix ?? '')
  }

  private orderedList(path: string, placeholders: readonly string[]): List {
    const value = getPath(this.model, path)
    const items = Array.isArray(value) && value.length > 0 ? (value as string[]) : placeholders
    return {type: 'list', ordered: true, start: 1, spread: false, children: items.map((text) => item([raw(text)]))}
  }

  private table(block: Extract<Block, {type: 'table'}>): Table {
    const value = getPath(this.model, block.path)
    const rows = Array.isArray(value) ? (value as Record<string, string | null>[]) : []
    const zone = this.model.timelineTimeZone ?? 'UTC'
    const header = block.columns.map((column) => (column.key === 'time' ? `${column.header} (${zone})` : column.header))
    const body =
      rows.length > 0
        ? rows.map((row) => block.columns.map((column) => row[column.key] ?? column.placeholder))
        : block.templateRows.map((row) => [...row])
    const toRow = (cells: string[]) => ({
      type: 'tableRow' as const,
      children: cells.map((text): TableCell => ({type: 'tableCell', children: [raw(text.replace(/\|/g, '\\|'))]}))
    })
    return {type: 'table', align: block.columns.map(() => null), children: [toRow(header), ...body.map(toRow)]}
  }
}

function item(children: ListItem['children']): ListItem {
  return {type: 'listItem', spread: false, children}
}

function bulletList(children: ListItem[]): List {
  return {type: 'list', ordered: false, spread: false, children}
}

/** Mark a list as written directly under its label paragraph (no blank line between). */
function tight(list: List): List {
  list.data = {...list.data, pmTight: true} as List['data']
  return list
}

// ---------------------------------------------------------------------------------------------
// remark-stringify configuration: the template's layout.

const rawHandle: Handle = (node) => (node as RawNode).value

/** The template's tables: `| a | b |` rows, unpadded; delimiter dashes as wide as each header plus two. */
const tableHandle: Handle = (node) => {
  const table = node as Table
  const lines = table.children.map(
    (row) => '| ' + row.children.map((cell) => (cell.children[0] as unknown as RawNode | undefined)?.value ?? '').join(' | ') + ' |'
  )
  const head = table.children[0]
  const delimiter = '|' + (head?.children ?? []).map((cell) => '-'.repeat(((cell.children[0] as unknown as RawNode | undefined)?.value ?? '').length + 2)).join('|') + '|'
  lines.splice(1, 0, delimiter)
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
const writer = unified().use(remarkGfm).use(remarkStringify, options).freeze()
