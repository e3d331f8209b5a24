import type {Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {emptyDraft, setPath} from '../model/draft.js'
import {finding, type Finding, type Span} from '../model/finding.js'
import {parseMarkdown} from '../model/markdown.js'
import {anchorRank, type PostmortemDraft} from '../model/schema.js'
import {
  normalizeName,
  sectionById,
  sectionOrder,
  sections,
  sectionsForHeading,
  type Block,
  type ColumnSpec,
  type FieldSpec,
  type SectionId,
  type SectionSpec
} from '../model/sections.js'
import {isPlaceholder, isUnresolvedChoice, trimMarkdown} from '../model/text.js'
import {rememberDocument} from '../validate/index.js'
import {checkLimits} from './limits.js'
import {readLabel, Source} from './source.js'

/** Whether a field holds a value, a placeholder, or nothing. */
export type FieldState = 'filled' | 'placeholder' | 'empty'

/** Where a field stood in the source and what it held. */
export interface FieldInfo {
  readonly span: Span
  readonly state: FieldState
}

/** One heading of the document recognised as a template section. */
export interface SectionOccurrence {
  readonly id: SectionId
  /** The heading's text as written. */
  readonly text: string
  readonly span: Span
  readonly depth: number
}

/** A heading the template lacks. */
export interface UnknownSection {
  readonly text: string
  readonly span: Span
  readonly depth: number
}

/**
 * A parsed postmortem: the draft, the source position of every field path, the sections found,
 * and the structural findings (missing, duplicate, unknown, renamed, out of order).
 */
export interface PostmortemDocument {
  readonly draft: PostmortemDraft
  /** The mdast tree (empty when the input was over a limit). */
  readonly tree: Root
  /** The normalised source text (no BOM, LF line endings). */
  readonly source: Source
  /** Field path → where its value stood and whether it was filled. */
  readonly fields: ReadonlyMap<string, FieldInfo>
  /** Recognised section headings in document order. */
  readonly sections: readonly SectionOccurrence[]
  /** Headings the template lacks, kept as extras. */
  readonly unknownSections: readonly UnknownSection[]
  /** Structural findings: `missing-section`, `missing-field`, `duplicate-section`, … */
  readonly findings: readonly Finding[]
  /** Whether the input was parsed at all (`false` when over a size or nesting limit). */
  readonly parsed: boolean
}

/**
 * Parse a postmortem into its draft plus positions and structural findings. Never throws: any
 * string gives a document (an input over the limits gives an empty draft and one `input-limit`).
 */
export function parseDocument(markdown: string, options: {maxSize?: number; maxDepth?: number} = {}): PostmortemDocument {
  const source = new Source(typeof markdown === 'string' ? markdown : String(markdown))
  const limit = checkLimits(source.text, options)
  if (limit) {
    return {
      draft: emptyDraft(),
      tree: {type: 'root', children: []},
      source,
      fields: new Map(),
      sections: [],
      unknownSections: [],
      findings: [finding('input-limit', 'error', limit.message, '', source.span(limit.offset, limit.offset))],
      parsed: false
    }
  }
  let document: PostmortemDocument
  try {
    document = new Reader(source, parseMarkdown(source.text)).read()
  } catch (error) {
    // Note: a safety net for the never-throws promise; a finding here is a bug to report.
    const message = error instanceof Error ? error.message : String(error)
    document = {
      draft: emptyDraft(),
      tree: {type: 'root', children: []},
      source,
      fields: new Map(),
      sections: [],
      unknownSections: [],
      findings: [finding('internal-error', 'error', `Cannot read this document (${message}); please report it`, '', source.span(0, 0))],
      parsed: false
    }
  }
  rememberDocument(document)
  return document
}

/** Parse a postmortem into its draft. Never throws. */
export function parse(markdown: string): PostmortemDraft {
  return parseDocument(markdown).draft
}

// ---------------------------------------------------------------------------------------------

interface Region {
  readonly section: SectionSpec | null
  readonly heading: Heading | null
  readonly nodes: RootContent[]
  /** For an unknown region: the anchor its content is kept after. */
  readonly anchor: string
}

const meetingSection = sectionById.get('meeting')!
const meetingFields = (meetingSection.blocks[1] as Extract<Block, {type: 'fieldLines'}>).fields

class Reader {
  private readonly draft = emptyDraft()
  private readonly fields = new Map<string, FieldInfo>()
  private readonly occurrences: SectionOccurrence[] = []
  private readonly unknown: UnknownSection[] = []
  private readonly findings: Finding[] = []
  private readonly seen = new Set<SectionId>()
  /** Source offset of each extra, parallel to `draft.extra`, to restore document order. */
  private readonly extraOffsets: number[] = []

  constructor(
    private readonly source: Source,
    private readonly tree: Root
  ) {}

  read(): PostmortemDocument {
    const regions = this.split()
    for (const region of regions) this.readRegion(region)
    // Extras in document order: by where they are written back, then by where they stood.
    const offsets = this.extraOffsets
    const order = this.draft.extra.map((extra, index) => ({extra, rank: anchorRank(extra.after), offset: offsets[index] ?? 0}))
    order.sort((a, b) => a.rank - b.rank || a.offset - b.offset)
    this.draft.extra = order.map(({extra}) => extra)
    this.structure()
    return {
      draft: this.draft,
      tree: this.tree,
      source: this.source,
      fields: this.fields,
      sections: this.occurrences,
      unknownSections: this.unknown,
      findings: this.findings,
      parsed: true
    }
  }

  // -- splitting the document into sections ----------------------------------------------------

  private split(): Region[] {
    const regions: Region[] = []
    let current: Region = {section: null, heading: null, nodes: [], anchor: 'start'}
    regions.push(current)
    let top: SectionSpec | null = null
    let topDepth = 2
    let lastKnown = 'start'
    let first = true
    let footer = false
    const children = this.tree.children

    for (let index = 0; index < children.length; index++) {
      const node = children[index]!
      if (node.type === 'yaml' && index === 0) {
        this.draft.frontMatter = node.value
        continue
      }
      if (node.type === 'heading') {
        const section: SectionSpec | undefined = first && this.isTitle(node) ? sectionById.get('title')! : this.recognise(node, top, topDepth)
        first = false
        if (section) {
          if (section.parent === null && section.id !== 'title') {
            top = section
            topDepth = node.depth
          }
          if (section.id === 'title') top = null
          current = {section, heading: node, nodes: [], anchor: section.id}
          lastKnown = section.id
        } else {
          const text = this.headingText(node)
          this.unknown.push({text, span: this.spanOf(node), depth: node.depth})
          // Note: an unknown heading keeps the section context, so sub-sections written after it
          // (where `fmt` puts an unknown section kept at the end of a group) are still recognised.
          // An unknown section is kept after the content of the last known section before it.
          current = {section: null, heading: node, nodes: [], anchor: lastKnown}
        }
        regions.push(current)
        current.nodes.push(node)
        continue
      }
      if (!footer && this.startsFooter(children, index, lastKnown)) {
        footer = true
        current = {section: meetingSection, heading: null, nodes: [], anchor: meetingSection.id}
        regions.push(current)
        lastKnown = meetingSection.id
      }
      current.nodes.push(node)
    }
    return regions
  }

  /** The first heading is the title when it is an `#` heading or names a postmortem or hotfix. */
  private isTitle(heading: Heading): boolean {
    if (heading.depth === 1) return true
    const text = normalizeName(this.headingText(heading))
    return sectionsForHeading(this.headingText(heading)).length === 0 && /\b(?:postmortem|post mortem|hotfix|incident report)\b/.test(text)
  }

  /** Whether the footer starts at `index`: a `---` before a meeting label, or that label alone. */
  private startsFooter(children: RootContent[], index: number, lastKnown: string): boolean {
    const node = children[index]!
    // Without its `---`, a meeting label starts the footer only after the last section.
    if (node.type !== 'thematicBreak' && lastKnown !== 'blamelessNote') return false
    const next = node.type === 'thematicBreak' ? children[index + 1] : node
    if (!next || next.type !== 'paragraph') return false
    const line = this.lineOf(next, next.position!.start.offset!)
    const label = readLabel(line)
    if (!label) return false
    return meetingFields.some((field) => labelMatches(field, label.label))
  }

  private recognise(heading: Heading, top: SectionSpec | null, topDepth: number): SectionSpec | undefined {
    const text = this.headingText(heading)
    const candidates = sectionsForHeading(text)
    // Sub-sections count only under their own section, one level or more deeper.
    for (const section of candidates) {
      if (section.parent !== null && top && section.parent === top.id && heading.depth > topDepth) return section
    }
    for (const section of candidates) {
      if (section.parent === null && (heading.depth <= topDepth || top === null)) return section
    }
    return undefined
  }

  private headingText(heading: Heading): string {
    const {start, end} = headingContent(this.source.text, heading)
    return this.source.text.slice(start, end)
  }

  // -- reading one section ---------------------------------------------------------------------

  private readRegion(region: Region): void {
    const {section, heading} = region
    if (!section) {
      // An unknown section is kept whole; content before the title node by node.
      if (region.heading) this.keep(region.nodes, region.anchor)
      else for (const node of region.nodes) this.keep([node], region.anchor)
      return
    }
    const nodes = heading ? region.nodes.slice(1) : region.nodes
    if (heading) {
      const text = this.headingText(heading)
      this.occurrences.push({id: section.id, text, span: this.spanOf(heading), depth: heading.depth})
    }
    if (this.seen.has(section.id) && section.id !== 'meeting') {
      // A duplicate section: its content is kept whole, after the first one.
      this.findings.push(
        finding('duplicate-section', 'error', `Unexpected second \`${section.heading}\` section, expected it once`, section.path, this.spanOf(heading!))
      )
      this.keep(region.nodes, section.id)
      return
    }
    this.seen.add(section.id)
    if (section.id === 'title' && heading) this.readTitle(heading)
    if (section.id === 'timeline' && heading) {
      // `Timeline (all times PST)`: the heading names the zone (a table header may name it too).
      const zone = zoneOf(this.headingText(heading))
      if (zone) this.draft.timelineTimeZone = zone
    }
    const consumed = new Set<RootContent>()
    const used = new Set<Block>()
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!
      for (const block of section.blocks) {
        if (used.has(block)) continue
        const taken = this.readBlock(section, block, nodes, index)
        if (taken > 0) {
          used.add(block)
          for (let at = index; at < index + taken; at++) consumed.add(nodes[at]!)
          index += taken - 1
          break
        }
      }
      if (!consumed.has(node) && node.type === 'thematicBreak' && section.id === 'meeting') consumed.add(node)
    }
    this.keepUnconsumed(section, nodes, consumed)
  }

  /**
   * Keep each unconsumed node as an extra of its own: before the first consumed node it stands
   * right after the heading, later at the end of the section.
   */
  private keepUnconsumed(section: SectionSpec, nodes: RootContent[], consumed: Set<RootContent>): void {
    let before = true
    for (const node of nodes) {
      if (consumed.has(node)) before = false
      else this.keep([node], before && section.blocks.length > 0 && !isMarkdownSection(section) ? `${section.id}:heading` : section.id)
    }
  }

  private keep(nodes: RootContent[], after: string): void {
    const first = nodes[0]!
    const last = nodes.at(-1)!
    this.addExtra(after, this.source.text.slice(first.position!.start.offset!, last.position!.end.offset!), first.position!.start.offset!)
  }

  private addExtra(after: string, markdown: string, offset: number): void {
    this.draft.extra.push({after, markdown})
    this.extraOffsets.push(offset)
  }

  private readTitle(heading: Heading): void {
    const text = this.headingText(heading)
    const start = headingContent(this.source.text, heading).start
    const prefix = /^postmortem:\s*hotfix-/i.exec(text)
    if (prefix) {
      // The value runs to the end of the heading line, so a closing `#` sequence is kept.
      const valueStart = start + prefix[0].length
      const valueEnd = heading.position!.end.offset!
      this.readValue({path: 'hotfixId', placeholder: '{ID}'}, valueStart, valueEnd)
    } else {
      // A title in another form is kept word for word, as a paragraph under the template's title.
      if (text.trim()) this.addExtra('title:heading', text.trim(), heading.position!.start.offset!)
      this.fields.set('hotfixId', {span: this.spanOf(heading), state: 'empty'})
    }
  }

  /** Try to read `block` from `nodes[index]` on; returns how many nodes it took (0: none). */
  private readBlock(section: SectionSpec, block: Block, nodes: RootContent[], index: number): number {
    const node = nodes[index]!
    switch (block.type) {
      case 'fieldLines':
        return this.readFieldLines(section, block.fields, node)
      case 'labelParagraph': {
        if (node.type !== 'paragraph') return 0
        const start = node.position!.start.offset!
        const label = readLabel(this.lineOf(node, start))
        if (!label || !labelMatches(block.field, label.label)) return 0
        this.readValue(block.field, start + label.valueStart, node.position!.end.offset!)
        return 1
      }
      case 'labelList':
        return node.type === 'list' && this.readLabelList(section, block.fields, node) ? 1 : 0
      case 'labeledList': {
        if (node.type !== 'paragraph') return 0
        const label = readLabel(this.lineOf(node, node.position!.start.offset!))
        if (!label || normalizeName(label.label) !== normalizeName(block.label)) return 0
        if (label.valueStart < this.lineOf(node, node.position!.start.offset!).length) return 0
        const next = nodes[index + 1]
        this.fields.set(block.path, {span: this.spanOf(node), state: 'empty'})
        if (next?.type === 'list') {
          this.readList(block.path, next)
          return 2
        }
        return 1
      }
      case 'list':
        if (node.type !== 'list') return 0
        this.readList(block.path, node)
        return 1
      case 'markdown': {
        // Free Markdown: everything up to the next heading is the value, verbatim.
        const start = node.position!.start.offset!
        const end = nodes.at(-1)!.position!.end.offset!
        this.readValue({path: block.path, placeholder: block.placeholder}, start, end)
        return nodes.length - index
      }
      case 'table':
        return node.type === 'table' && this.readTable(block, node) ? 1 : 0
      case 'checklist': {
        if (node.type === 'paragraph') {
          const label = readLabel(this.lineOf(node, node.position!.start.offset!))
          if (!label || normalizeName(label.label) !== normalizeName(block.label)) return 0
          const next = nodes[index + 1]
          if (next?.type === 'list' && this.readChecklist(block.fields, next)) return 2
          return 1
        }
        return node.type === 'list' && this.readChecklist(block.fields, node) ? 1 : 0
      }
      case 'rule':
        return node.type === 'thematicBreak' ? 1 : 0
    }
  }

  private readFieldLines(section: SectionSpec, specs: readonly FieldSpec[], node: RootContent): number {
    if (node.type === 'paragraph') {
      const start = node.position!.start.offset!
      const end = node.position!.end.offset!
      let matched = false
      let lineStart = start
      while (lineStart < end) {
        let lineEnd = this.source.text.indexOf('\n', lineStart)
        if (lineEnd === -1 || lineEnd > end) lineEnd = end
        const line = this.source.text.slice(lineStart, lineEnd)
        const label = readLabel(line)
        const spec = label ? specs.find((field) => labelMatches(field, label.label)) : undefined
        if (label && spec && !this.fields.has(spec.path)) {
          this.readValue(spec, lineStart + label.valueStart, lineEnd)
          matched = true
        } else if (matched || lineStart !== start) {
          // Note: a line that is not a known field is kept as a paragraph of its own.
          this.addExtra(section.id, line.trim(), lineStart)
        } else {
          return 0
        }
        lineStart = lineEnd + 1
      }
      return matched ? 1 : 0
    }
    if (node.type === 'list') return this.readLabelList(section, specs, node) ? 1 : 0
    return 0
  }

  /** A list of `- **Label:** value` items; unknown items are kept as extras. */
  private readLabelList(section: SectionSpec, specs: readonly FieldSpec[], list: List): boolean {
    const matches = list.children.map((item) => {
      const content = this.itemContent(item)
      if (!content) return undefined
      const label = readLabel(content.text)
      const spec = label ? specs.find((field) => labelMatches(field, label.label)) : undefined
      return label && spec ? {item, content, label, spec} : undefined
    })
    if (!matches.some(Boolean)) return false
    // Unknown items are kept verbatim, a run of them as one extra: before the first known item
    // right after the heading, later at the end of the section.
    let run: ListItem[] = []
    let before = true
    const flush = (): void => {
      if (run.length === 0) return
      const markdown = this.source.text.slice(run[0]!.position!.start.offset!, run.at(-1)!.position!.end.offset!)
      this.addExtra(before ? `${section.id}:heading` : section.id, markdown, run[0]!.position!.start.offset!)
      run = []
    }
    for (const [index, match] of matches.entries()) {
      if (match && !this.fields.has(match.spec.path)) {
        flush()
        before = false
        this.readValue(match.spec, match.content.start + match.label.valueStart, match.content.end, match.content)
      } else {
        run.push(list.children[index]!)
      }
    }
    flush()
    return true
  }

  private readList(path: string, list: List): void {
    const items: string[] = []
    const spans: Span[] = []
    for (const item of list.children) {
      const content = this.itemContent(item)
      if (!content) continue
      const value = content.value
      if (value === '' || isPlaceholder(value)) continue
      items.push(value)
      spans.push(this.source.span(content.start, content.end))
    }
    setPath(this.draft, path, items)
    this.fields.set(path, {span: this.spanOf(list), state: items.length > 0 ? 'filled' : 'empty'})
    spans.forEach((span, index) => this.fields.set(`${path}[${index}]`, {span, state: 'filled'}))
  }

  private readChecklist(specs: readonly FieldSpec[], list: List): boolean {
    let matched = false
    for (const item of list.children) {
      const content = this.itemContent(item, true)
      if (!content) continue
      const label = readLabel(content.text)
      const spec = label ? specs.find((field) => labelMatches(field, label.label)) : undefined
      if (!label || !spec || this.fields.has(`${spec.path}.value`)) continue
      matched = true
      setPath(this.draft, `${spec.path}.checked`, item.checked === true)
      this.fields.set(spec.path, {span: this.spanOf(item), state: 'filled'})
      this.readValue({path: `${spec.path}.value`, placeholder: spec.placeholder}, content.start + label.valueStart, content.end, content)
    }
    return matched
  }

  private readTable(block: Extract<Block, {type: 'table'}>, table: Table): boolean {
    const [head, ...rows] = table.children
    if (!head) return false
    const columns: (ColumnSpec | undefined)[] = head.children.map((cell) => {
      const name = normalizeName(this.cellText(cell) ?? '')
      return block.columns.find((column) => [column.header, ...(column.aliases ?? [])].some((alias) => normalizeName(alias) === name))
    })
    if (!columns.some(Boolean)) return false
    if (block.path === 'timeline') {
      const timeCell = head.children[columns.findIndex((column) => column?.key === 'time')]
      const zone = timeCell ? zoneOf(this.cellText(timeCell) ?? '') : undefined
      if (zone) this.draft.timelineTimeZone = zone
    }
    const items: Record<string, string | null>[] = []
    const rowSpans: {row: Span; cells: Map<string, FieldInfo>}[] = []
    for (const row of rows) {
      const values: Record<string, string | null> = {}
      const cells = new Map<string, FieldInfo>()
      for (const column of block.columns) values[column.key] = null
      row.children.forEach((cell, index) => {
        const column = columns[index]
        if (!column) return
        const text = this.cellText(cell)
        const value = text === undefined ? '' : text.replace(/\\\|/g, '|')
        const state: FieldState = value === '' ? 'empty' : isPlaceholder(value) ? 'placeholder' : 'filled'
        values[column.key] = state === 'filled' ? value : null
        const content = this.cellContent(cell)
        cells.set(column.key, {span: this.source.span(content.start, content.end), state})
      })
      if (block.columns.every((column) => !column.placeholderColumn || values[column.key] === null)) continue
      items.push(values)
      rowSpans.push({row: this.spanOf(row), cells})
    }
    setPath(this.draft, block.path, items)
    this.fields.set(block.path, {span: this.spanOf(table), state: items.length > 0 ? 'filled' : 'empty'})
    rowSpans.forEach(({row, cells}, index) => {
      this.fields.set(`${block.path}[${index}]`, {span: row, state: 'filled'})
      for (const [key, info] of cells) this.fields.set(`${block.path}[${index}].${key}`, info)
    })
    return true
  }

  // -- values ----------------------------------------------------------------------------------

  /** Record a field's value: the source from `start` to `end`, verbatim. */
  private readValue(spec: Pick<FieldSpec, 'path' | 'placeholder'> & {suffix?: string}, start: number, end: number, content?: ItemContent): void {
    let value = content ? dedent(this.source.text.slice(start, end), content.indent) : this.source.text.slice(start, end)
    let valueEnd = end
    const trimmed = trimMarkdown(value)
    if (trimmed !== value) {
      const lead = value.length - value.trimStart().length
      start += Math.min(lead, value.length)
      valueEnd = start + trimmed.length
      value = trimmed
    }
    if (spec.suffix && value.endsWith(spec.suffix)) {
      value = value.slice(0, -spec.suffix.length)
    }
    const state: FieldState =
      value === '' ? 'empty' : isPlaceholder(value) || (spec.path === 'properFix.hotfixWas' && isUnresolvedChoice(value)) ? 'placeholder' : 'filled'
    if (spec.path === 'meeting.attendees') {
      setPath(this.draft, spec.path, state === 'filled' ? splitNames(value) : [])
    } else {
      setPath(this.draft, spec.path, state === 'filled' ? value : null)
    }
    this.fields.set(spec.path, {span: this.source.span(start, Math.max(start, valueEnd)), state})
  }

  /** A cell's content as written, without its pipes and padding (`\\|` still escaped). */
  private cellText(cell: Table['children'][number]['children'][number]): string | undefined {
    const {start, end} = this.cellContent(cell)
    return start === end ? undefined : this.source.text.slice(start, end)
  }

  /** Offsets of a cell's content, without its pipes and padding. */
  private cellContent(cell: Table['children'][number]['children'][number]): {start: number; end: number} {
    const text = this.source.text
    let start = cell.position!.start.offset!
    let end = cell.position!.end.offset!
    if (text[start] === '|') start++
    if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--
    while (start < end && (text[start] === ' ' || text[start] === '\t')) start++
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
    return {start, end}
  }

  /** The content of a list item after its marker (and checkbox), with its indentation. */
  private itemContent(item: ListItem, afterCheckbox = false): ItemContent | undefined {
    const first = item.children[0]
    if (!first) return undefined
    const itemStart = item.position!.start.offset!
    const text = this.source.text
    let start = itemStart
    while (text[start] === ' ' || text[start] === '\t') start++
    while (start < text.length && /[0-9]/.test(text[start]!)) start++
    if (text[start] === '-' || text[start] === '*' || text[start] === '+' || text[start] === '.' || text[start] === ')') start++
    let spaces = 0
    while (text[start + spaces] === ' ' && spaces < 5) spaces++
    // Five or more spaces after the marker: one belongs to the marker, the rest to the content.
    start += spaces >= 5 || text[start + spaces] === '\n' ? 1 : spaces
    // A checklist's box is layout; in any other list `[ ]` is text of the item.
    if (afterCheckbox || start > first.position!.start.offset!) start = first.position!.start.offset!
    const end = item.position!.end.offset!
    const indent = start - this.source.lineStart(start)
    const value = dedent(text.slice(start, end), indent)
    const firstLineEnd = text.indexOf('\n', start)
    return {start, end, indent, value: trimMarkdown(value), text: text.slice(start, firstLineEnd === -1 || firstLineEnd > end ? end : firstLineEnd)}
  }

  private lineOf(node: Paragraph | RootContent, offset: number): string {
    const end = this.source.text.indexOf('\n', offset)
    const nodeEnd = node.position!.end.offset!
    return this.source.text.slice(offset, end === -1 || end > nodeEnd ? nodeEnd : end)
  }

  private spanOf(node: Nodes): Span {
    return this.source.span(node.position!.start.offset!, node.position!.end.offset!)
  }

  // -- structural findings ---------------------------------------------------------------------

  private structure(): void {
    const present = new Map<SectionId, SectionOccurrence>()
    for (const occurrence of this.occurrences) if (!present.has(occurrence.id)) present.set(occurrence.id, occurrence)
    const footer = this.seen.has('meeting')

    for (const section of sections) {
      const here = section.id === 'meeting' ? footer : section.id === 'title' ? present.has('title') : present.has(section.id)
      if (!here) {
        if (section.parent && !present.has(section.parent)) continue
        this.findings.push(
          finding('missing-section', 'error', missingSectionMessage(section), section.path, this.nextPresent(section, present))
        )
        continue
      }
      const occurrence = present.get(section.id)
      if (occurrence && section.heading && section.id !== 'title' && occurrence.text.trim() !== section.heading) {
        this.findings.push(
          finding('heading-text', 'warning', `Unexpected heading \`${occurrence.text.trim()}\`, expected \`${section.heading}\``, section.path, occurrence.span)
        )
      }
      // Missing fields of a present section.
      const anchor = occurrence?.span ?? this.fieldSpanFallback(section)
      for (const block of section.blocks) {
        for (const path of blockPaths(block)) {
          if (!this.fields.has(path)) {
            this.findings.push(finding('missing-field', 'error', missingFieldMessage(block, path), path, anchor))
          }
        }
      }
    }
    // Order: each section that comes after one later in the template.
    let highest = -1
    let highestId: SectionId | undefined
    for (const occurrence of present.values()) {
      const order = sectionOrder.get(occurrence.id)!
      if (order < highest && highestId) {
        const spec = sectionById.get(occurrence.id)!
        const after = sectionById.get(highestId)!
        this.findings.push(
          finding(
            'section-order',
            'warning',
            `Unexpected \`${spec.heading}\` after \`${after.heading ?? 'the meeting footer'}\`, expected it before`,
            spec.path,
            occurrence.span
          )
        )
      } else {
        highest = order
        highestId = occurrence.id
      }
    }
    for (const section of this.unknown) {
      this.findings.push(
        finding('unknown-section', 'info', `Unexpected section \`${section.text}\`, the template has no such section (kept as is)`, '', section.span)
      )
    }
  }

  private fieldSpanFallback(section: SectionSpec): Span | undefined {
    if (section.id === 'meeting') {
      for (const field of meetingFields) {
        const info = this.fields.get(field.path)
        if (info) return info.span
      }
    }
    if (section.id === 'title') return this.source.span(0, 0)
    return undefined
  }

  /** Where a missing section is reported: the next present section's heading, or the end. */
  private nextPresent(section: SectionSpec, present: Map<SectionId, SectionOccurrence>): Span {
    const order = sectionOrder.get(section.id)!
    for (const later of sections.slice(order + 1)) {
      const occurrence = present.get(later.id)
      if (occurrence) return occurrence.span
      if (later.id === 'meeting' && this.seen.has('meeting')) {
        const span = this.fieldSpanFallback(later)
        if (span) return span
      }
    }
    return this.source.end()
  }
}

interface ItemContent {
  readonly start: number
  readonly end: number
  readonly indent: number
  readonly value: string
  /** The first line of the content. */
  readonly text: string
}

/**
 * Offsets of a heading's text: after the `#` marks and before a closing `#` sequence (ATX), or
 * before the underline (setext). Linear, without regular expressions.
 */
export function headingContent(text: string, heading: Heading): {start: number; end: number} {
  let start = heading.position!.start.offset!
  let end = heading.position!.end.offset!
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

/** Whether the section's body is free Markdown (its whole content is the value). */
export function isMarkdownSection(section: SectionSpec): boolean {
  return section.blocks.length === 1 && section.blocks[0]!.type === 'markdown'
}

function labelMatches(field: FieldSpec, label: string): boolean {
  const name = normalizeName(label)
  return normalizeName(field.label) === name || (field.aliases ?? []).some((alias) => normalizeName(alias) === name)
}

/** Remove up to `indent` columns of leading spaces from every line after the first. */
export function dedent(text: string, indent: number): string {
  if (!text.includes('\n')) return text
  const lines = text.split('\n')
  return lines
    .map((line, index) => {
      if (index === 0) return line
      let strip = 0
      while (strip < indent && line[strip] === ' ') strip++
      return line.slice(strip)
    })
    .join('\n')
}

function splitNames(value: string): string[] {
  return value
    .split(',')
    .map((name) => trimMarkdown(name))
    .filter((name) => name !== '')
}

/** The time zone a `Time (UTC)` header or `Timeline (all times PST)` heading names. */
export function zoneOf(text: string): string | undefined {
  const open = text.lastIndexOf('(')
  const close = text.lastIndexOf(')')
  if (open === -1 || close < open) return undefined
  const inner = text
    .slice(open + 1, close)
    .trim()
    .replace(/^(?:all\s+)?times?\s+(?:are\s+)?(?:in\s+)?/i, '')
    .trim()
  if (!inner || /[|()\n]/.test(inner) || normalizeName(inner) === 'detailed') return undefined
  return inner
}

function blockPaths(block: Block): string[] {
  switch (block.type) {
    case 'fieldLines':
    case 'labelList':
      return block.fields.map((field) => field.path)
    case 'checklist':
      return block.fields.map((field) => field.path)
    case 'labelParagraph':
      return [block.field.path]
    case 'labeledList':
    case 'list':
    case 'markdown':
    case 'table':
      return [block.path]
    case 'rule':
      return []
  }
}

function missingSectionMessage(section: SectionSpec): string {
  if (section.id === 'meeting') return 'Missing the meeting footer (`---` then `**Meeting held:**`, `**Attendees:**`, `**Documented by:**`)'
  if (section.id === 'title') return 'Missing the title `# Postmortem: HOTFIX-{ID}`'
  return `Missing section \`${'#'.repeat(section.depth)} ${section.heading}\``
}

function missingFieldMessage(block: Block, path: string): string {
  switch (block.type) {
    case 'fieldLines':
    case 'labelList':
    case 'labelParagraph':
    case 'checklist': {
      const fields = block.type === 'labelParagraph' ? [block.field] : block.fields
      const field = fields.find((candidate) => candidate.path === path)!
      return block.type === 'checklist'
        ? `Missing checklist line \`- [ ] ${field.label}: …\``
        : `Missing field \`**${field.label}:**\``
    }
    case 'labeledList':
      return `Missing \`**${block.label}:**\` and its list`
    case 'list':
      return 'Missing the list of items'
    case 'markdown':
      return 'Missing the section text'
    case 'table':
      return 'Missing the table'
    case 'rule':
      return 'Missing `---`'
  }
}

/** Plain text of a node (for messages). */
export function plainText(node: Nodes): string {
  return toString(node)
}
