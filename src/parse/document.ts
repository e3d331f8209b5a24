import type {Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parse as parseYaml} from 'yaml'
import {emptyDraft, getPath, setPath} from '../model/draft.js'
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
import {hasLineBreak, isPlaceholder, isUnresolvedChoice, trimMarkdown} from '../model/text.js'
import {rememberDocument} from '../validate/index.js'
import {checkLimits} from './limits.js'
import {actionItem, timelineItem} from './rows.js'
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
  /** An unknown sub-section of Action Items (`### Immediate`): its lists and tables are actions. */
  readonly actions?: boolean
}

const meetingSection = sectionById.get('meeting')!
const headerFields = (sectionById.get('title')!.blocks[0] as Extract<Block, {type: 'fieldLines'}>).fields
const actionItemsSection = sectionById.get('actionItems')!
const preventBlock = sectionById.get('preventRecurrence')!.blocks[0]!

/** The last section of `id`'s group in template order (its last sub-section), or `fallback`. */
function lastOfGroup(id: SectionId, fallback: string): string {
  const children = sections.filter((section) => section.parent === id)
  const last = children.at(-1)?.id
  if (!last) return fallback
  return sectionOrder.get(last as SectionId)! > (sectionOrder.get(fallback as SectionId) ?? -1) ? last : fallback
}

function repeatable(block: Block, section: SectionSpec): boolean {
  return block.type === 'fieldLines' || (block.type === 'labelList' && section.id === 'title') || section.id === 'actionItems'
}
const meetingFields = (meetingSection.blocks[1] as Extract<Block, {type: 'fieldLines'}>).fields

class Reader {
  private readonly draft = emptyDraft()
  private readonly fields = new Map<string, FieldInfo>()
  private readonly occurrences: SectionOccurrence[] = []
  private readonly unknown: UnknownSection[] = []
  private readonly findings: Finding[] = []
  private readonly seen = new Set<SectionId>()
  /** Words of the title besides `Postmortem: HOTFIX-id`, placed once the header is read. */
  private titleRest: {text: string; offset: number; span: Span} | undefined
  /** Source offset of each extra, parallel to `draft.extra`, to restore document order. */
  private readonly extraOffsets: number[] = []

  constructor(
    private readonly source: Source,
    private readonly tree: Root
  ) {}

  read(): PostmortemDocument {
    const regions = this.split()
    for (const region of regions) this.readRegion(region)
    this.readFrontMatter()
    if (this.titleRest) {
      const {text, offset, span} = this.titleRest
      if (this.draft.incident === null && !this.fields.has('incident') && !hasLineBreak(text)) {
        this.draft.incident = text
        this.fields.set('incident', {span, state: 'filled'})
      } else {
        this.addExtra('title:heading', text, offset + 1)
      }
    }
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
    const found = new Set<SectionId>()
    const children = this.tree.children

    for (let index = 0; index < children.length; index++) {
      const node = children[index]!
      if (node.type === 'yaml' && index === 0) {
        this.draft.frontMatter = node.value
        continue
      }
      if (node.type === 'heading') {
        const section: SectionSpec | undefined = first && this.isTitle(node) ? sectionById.get('title')! : this.recognise(node, top, topDepth, found)
        first = false
        if (section) {
          found.add(section.id)
          // A section sets the context for sub-sections, unless written deeper than its level.
          if (section.parent === null && section.id !== 'title' && (top === null || node.depth <= topDepth)) {
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
          const actions = top?.id === 'actionItems' && node.depth > topDepth
          // At the sections' level, it follows the whole of the section before it, sub-sections included.
          const after = actions ? 'actionItems' : node.depth <= topDepth && top ? lastOfGroup(top.id, lastKnown) : lastKnown
          current = {section: null, heading: node, nodes: [], anchor: after, actions}
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

  /**
   * Which template section a heading starts, if any. In order of preference:
   * 1. a sub-section under its own section, one level or more deeper (`### What Happened`);
   * 2. a section at the sections' level (`## Impact`);
   * 3. a root-cause sub-section written as a section next to its own (`## Trigger` after
   *    `## Root Causes`) or with none around it (`## What Happened`);
   * 4. a section written one level deeper under another (`### What went well` under `## Lessons`),
   *    the first time it appears.
   */
  private recognise(heading: Heading, top: SectionSpec | null, topDepth: number, found: ReadonlySet<SectionId>): SectionSpec | undefined {
    const candidates = sectionsForHeading(this.headingText(heading))
    const parentSeen = (section: SectionSpec): boolean => section.parent !== null && found.has(section.parent)
    return (
      candidates.find((section) => section.parent !== null && top !== null && section.parent === top.id && heading.depth > topDepth) ??
      candidates.find((section) => section.parent === null && (heading.depth <= topDepth || top === null)) ??
      candidates.find(
        (section) =>
          section.standalone === true &&
          !found.has(section.id) &&
          heading.depth <= topDepth &&
          ((top !== null && section.parent === top.id) || !parentSeen(section))
      ) ??
      candidates.find((section) => section.parent === null && !found.has(section.id) && heading.depth > topDepth)
    )
  }

  private headingText(heading: Heading): string {
    const {start, end} = headingContent(this.source.text, heading)
    return this.source.text.slice(start, end)
  }

  // -- reading one section ---------------------------------------------------------------------

  private readRegion(region: Region): void {
    const {section, heading} = region
    if (!section && region.actions && region.heading) {
      // `### Immediate` under Action Items: the heading is kept, its lists and tables are actions.
      this.keep([region.heading], region.anchor)
      for (const node of region.nodes.slice(1)) {
        if (!this.readBlock(actionItemsSection, preventBlock, [node], 0)) this.keep([node], region.anchor)
      }
      return
    }
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
    // Action items written straight under `## Action Items` (a table or a task list) are read as
    // Prevent Recurrence items.
    const blocks = section.id === 'actionItems' ? [preventBlock] : section.blocks
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!
      for (const block of blocks) {
        if (used.has(block)) continue
        const taken = this.readBlock(section, block, nodes, index)
        if (taken > 0) {
          // Header fields may be spread over several paragraphs, lists or a table.
          if (!repeatable(block, section)) used.add(block)
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

  /**
   * The title: the id after `HOTFIX-` is `hotfixId`; any other words of the title (a suffix such
   * as `— orders-db out of disk`, or a title in another form) are kept, as a paragraph under the
   * template's title.
   */
  private readTitle(heading: Heading): void {
    const {start} = headingContent(this.source.text, heading)
    const text = this.headingText(heading)
    // `HOTFIX-` at the start of a word (`HHOTFIX-1` is not an id).
    let at = text.toLowerCase().indexOf('hotfix-')
    while (at > 0 && /[\p{L}\p{N}_]/u.test(text[at - 1]!)) at = text.toLowerCase().indexOf('hotfix-', at + 1)
    if (at === -1) {
      if (text.trim()) this.addExtra('title:heading', text.trim(), heading.position!.start.offset!)
      this.fields.set('hotfixId', {span: this.spanOf(heading), state: 'empty'})
      return
    }
    const idStart = at + 'hotfix-'.length
    let idEnd = idStart
    while (idEnd < text.length && text[idEnd] !== ' ' && text[idEnd] !== '\t') idEnd++
    if (idEnd > idStart + 1 && text[idEnd - 1] === ':') idEnd--
    const before = text.slice(0, at).replace(/^\s*postmortem\s*:?\s*/i, '').trim()
    const after = text.slice(idEnd).replace(/^[\s:—–-]+/, '').trim()
    const rest = [before, after].filter(Boolean).join(' ')
    // Note: `HOTFIX-3012 — orders-db out of disk` names the incident; it becomes the Incident
    // field unless the header has one (then it is kept as a paragraph).
    if (rest) this.titleRest = {text: rest, offset: heading.position!.start.offset!, span: this.spanOf(heading)}
    if (idEnd > idStart) this.readValue({path: 'hotfixId', placeholder: '{ID}'}, start + idStart, start + idEnd)
    else this.fields.set('hotfixId', {span: this.spanOf(heading), state: 'empty'})
  }

  /** Whether a paragraph is exactly `**Label:**` (one line, nothing after the colon). */
  private isLabelOnly(node: Paragraph, name: string): boolean {
    const start = node.position!.start.offset!
    const line = this.lineOf(node, start)
    const label = readLabel(line)
    return label !== undefined && normalizeName(label.label) === normalizeName(name) && label.valueStart >= line.length && start + line.length >= node.position!.end.offset!
  }

  /** Header fields from YAML front matter (`date:`, `severity:`, `authors:`), where the header lacks them. */
  private readFrontMatter(): void {
    const node = this.tree.children[0]
    if (!node || node.type !== 'yaml' || !node.value.trim()) return
    let data: unknown
    try {
      data = parseYaml(node.value)
    } catch {
      return
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return
    const span = this.spanOf(node)
    const entries = new Map(Object.entries(data as Record<string, unknown>).map(([key, value]) => [normalizeName(key), value]))
    const text = (value: unknown): string | undefined => {
      if (typeof value === 'string' || typeof value === 'number') return trimMarkdown(String(value).split('\n')[0]!)
      if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(', ')
      return undefined
    }
    for (const field of headerFields) {
      if (this.fields.has(field.path)) continue
      const names = [field.label, ...(field.aliases ?? [])].map(normalizeName)
      const key = names.find((name) => entries.has(name))
      const value = key === undefined ? undefined : text(entries.get(key))
      if (!value) continue
      const clean = field.suffix && value.endsWith(field.suffix) ? value.slice(0, -field.suffix.length) : value
      const state: FieldState = isPlaceholder(clean) ? 'placeholder' : 'filled'
      setPath(this.draft, field.path, state === 'filled' ? clean : null)
      this.fields.set(field.path, {span, state})
    }
    if (!this.fields.has('hotfixId') || this.draft.hotfixId === null) {
      for (const key of ['hotfix', 'hotfix id', 'id', 'title']) {
        const value = text(entries.get(key))
        const match = value ? /hotfix-([^\s:]+)/i.exec(value) ?? (key !== 'title' ? /^([^\s:]+)$/.exec(value) : null) : null
        if (match) {
          this.draft.hotfixId = match[1]!
          this.fields.set('hotfixId', {span, state: 'filled'})
          // `title: "HOTFIX-4410 - Stale prices"`: the rest of the title names the incident.
          const rest = key === 'title' ? value!.slice(match.index + match[0].length).replace(/^[\s:—–-]+/, '').trim() : ''
          if (rest && this.draft.incident === null && !this.fields.has('incident')) {
            this.draft.incident = rest
            this.fields.set('incident', {span, state: 'filled'})
          }
          break
        }
      }
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
        if (node.type === 'list' && !this.fields.has(block.path)) {
          // `## Contributing Factors` holding only the list.
          this.readList(block.path, node)
          return 1
        }
        if (node.type !== 'paragraph' || !this.isLabelOnly(node, block.label)) return 0
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
        if (node.type === 'list') return this.readRowList(block, node) ? 1 : 0
        return node.type === 'table' && this.readTable(block, node) ? 1 : 0
      case 'checklist': {
        if (node.type === 'paragraph') {
          if (!this.isLabelOnly(node, block.label)) return 0
          const next = nodes[index + 1]
          if (next?.type === 'list' && this.readChecklist(section, block.fields, next)) return 2
          return 1
        }
        return node.type === 'list' && this.readChecklist(section, block.fields, node) ? 1 : 0
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
    if (node.type === 'table') return this.readFieldTable(section, specs, node) ? 1 : 0
    return 0
  }

  /**
   * Header fields in a two-column table (`| Date | 2026-03-04 |`). Rows the template has no
   * field for are kept as a table of their own, under the same header row.
   */
  private readFieldTable(section: SectionSpec, specs: readonly FieldSpec[], table: Table): boolean {
    const [head, ...rows] = table.children
    if (!head || head.children.length !== 2 || rows.length === 0 || this.hasExcessCells(table)) return false
    const labelOf = (row: Table['children'][number]): FieldSpec | undefined => {
      const first = row.children[0]
      const text = first ? (this.cellText(first) ?? '') : ''
      const label = text.replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/:$/, '').trim()
      return specs.find((field) => labelMatches(field, label))
    }
    if (labelOf(head) || !rows.some((row) => labelOf(row))) return false
    const unknown: Table['children'][number][] = []
    for (const row of rows) {
      const spec = labelOf(row)
      const cell = row.children[1]
      if (!spec || this.fields.has(spec.path) || !cell) {
        unknown.push(row)
        continue
      }
      const {start, end} = this.cellContent(cell)
      this.readValue(spec, start, end)
    }
    if (unknown.length > 0) {
      const text = this.source.text
      const tableStart = table.position!.start.offset!
      const headEnd = text.indexOf('\n', text.indexOf('\n', tableStart) + 1)
      const lines = [text.slice(tableStart, headEnd === -1 ? table.position!.end.offset! : headEnd)]
      for (const row of unknown) lines.push(text.slice(this.source.lineStart(row.position!.start.offset!), row.position!.end.offset!))
      this.addExtra(section.id, lines.join('\n'), tableStart)
    }
    return true
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

  private readChecklist(section: SectionSpec, specs: readonly FieldSpec[], list: List): boolean {
    let matched = false
    // Items the checklist has no line for are kept verbatim, a run of them as one extra.
    let run: ListItem[] = []
    const flush = (): void => {
      if (run.length === 0) return
      this.addExtra(section.id, this.source.text.slice(run[0]!.position!.start.offset!, run.at(-1)!.position!.end.offset!), run[0]!.position!.start.offset!)
      run = []
    }
    for (const item of list.children) {
      const content = this.itemContent(item, true)
      const label = content ? readLabel(content.text) : undefined
      const spec = label ? specs.find((field) => labelMatches(field, label.label)) : undefined
      if (!content || !label || !spec || this.fields.has(`${spec.path}.value`)) {
        run.push(item)
        continue
      }
      flush()
      matched = true
      setPath(this.draft, `${spec.path}.checked`, item.checked === true)
      this.fields.set(spec.path, {span: this.spanOf(item), state: 'filled'})
      this.readValue({path: `${spec.path}.value`, placeholder: spec.placeholder}, content.start + label.valueStart, content.end, content)
    }
    if (matched) flush()
    return matched
  }

  private readTable(block: Extract<Block, {type: 'table'}>, table: Table): boolean {
    const [head, ...rows] = table.children
    if (!head) return false
    const columns: (ColumnSpec | undefined)[] = head.children.map((cell) => {
      const name = normalizeName(this.cellText(cell) ?? '')
      return block.columns.find((column) => [column.header, ...(column.aliases ?? [])].some((alias) => normalizeName(alias) === name))
    })
    // The first column named like a known one wins; a second one is an extra column.
    columns.forEach((column, index) => {
      if (column && columns.indexOf(column) !== index) columns[index] = undefined
    })
    if (!columns.some(Boolean)) return false
    if (block.path === 'timeline') {
      const timeCell = head.children[columns.findIndex((column) => column?.key === 'time')]
      const zone = timeCell ? zoneOf(this.cellText(timeCell) ?? '') : undefined
      if (zone) this.draft.timelineTimeZone = zone
    }
    // Columns the template lacks (`Bug`, `Type`) are kept in the first text column as
    // `(Bug: #123)`, so `fmt` loses no word of them.
    const host = block.columns.find((column) => column.key === 'action' || column.key === 'event')!
    const extraColumns = head.children.flatMap((cell, index) => (columns[index] ? [] : [{index, header: this.cellText(cell) ?? ''}]))
    const rowsRead: Row[] = []
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
        // An empty cell has no content to point at: its span is the cell, pipe to pipe.
        const content = state === 'empty' ? {start: cell.position!.start.offset!, end: cell.position!.end.offset!} : this.cellContent(cell)
        cells.set(column.key, {span: this.source.span(content.start, content.end), state})
      })
      const kept = extraColumns.flatMap(({index, header}) => {
        const text = row.children[index] ? this.cellText(row.children[index]!) : undefined
        return text ? [`${header}: ${text.replace(/\\\|/g, '|')}`] : []
      })
      // Cells past the header's width (`table-shape` reports them) are kept the same way.
      for (const cell of row.children.slice(head.children.length)) {
        const text = this.cellText(cell)
        if (text) kept.push(text.replace(/\\\|/g, '|'))
      }
      if (kept.length > 0) values[host.key] = `${values[host.key] ?? ''} (${kept.join(', ')})`.trim()
      rowsRead.push({values, span: this.spanOf(row), cells})
    }
    // Extra columns live in the rows' text; without rows to hold them, the table is kept as is.
    if (extraColumns.length > 0 && rows.length === 0) return false
    this.addRows(block, rowsRead, this.spanOf(table))
    return true
  }

  /**
   * Rows written as a list: a timeline (`- 14:02 - text`, `- [14:02] text`, `- **14:02 UTC** text`)
   * or action items (`- [x] Rotate the certificate (@dana, due 2026-03-20)`).
   */
  private readRowList(block: Extract<Block, {type: 'table'}>, list: List): boolean {
    const rows: Row[] = []
    for (const item of list.children) {
      const content = this.itemContent(item, true)
      if (!content || content.value === '') continue
      const row = block.path === 'timeline' ? timelineItem(content.value) : actionItem(content.value, item.checked)
      if (!row) return false
      const cells = new Map<string, FieldInfo>()
      for (const [key, [from, to]] of Object.entries(row.spans)) {
        cells.set(key, {span: this.source.span(content.start + from, content.start + to), state: 'filled'})
      }
      rows.push({values: row.values, span: this.spanOf(item), cells})
    }
    if (rows.length === 0) return false
    this.addRows(block, rows, this.spanOf(list))
    return true
  }

  /**
   * Whether a row holds more cells than the header (a header table with one is kept as written;
   * `table-shape` reports it in the template's tables).
   */
  private hasExcessCells(table: Table): boolean {
    const width = table.children[0]?.children.length ?? 0
    return table.children.some((row) => row.children.length > width)
  }

  /** Append rows to a table's list (several tables or lists may feed one), with positions. */
  private addRows(block: Extract<Block, {type: 'table'}>, rows: Row[], span: Span): void {
    const list = getPath(this.draft, block.path) as Record<string, string | null>[]
    const start = list.length
    const kept = rows.filter(({values}) => !block.columns.every((column) => !column.placeholderColumn || values[column.key] === null))
    list.push(...kept.map(({values}) => values))
    if (!this.fields.has(block.path) || start === 0) {
      this.fields.set(block.path, {span, state: list.length > 0 ? 'filled' : 'empty'})
    }
    kept.forEach(({span: rowSpan, cells}, offset) => {
      this.fields.set(`${block.path}[${start + offset}]`, {span: rowSpan, state: 'filled'})
      for (const [key, info] of cells) this.fields.set(`${block.path}[${start + offset}].${key}`, info)
    })
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
      valueEnd -= spec.suffix.length
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
  private cellContent(cell: TableCell): {start: number; end: number} {
    return cellContent(this.source.text, cell)
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
    // Order: the sections outside the longest run already in template order are the ones out
    // of place (moving `Where We Got Lucky` up reports it, not the sections it jumped over).
    // Sections are ordered among sections, sub-sections among their siblings: a moved group is
    // reported once.
    const all = [...present.values()]
    const groups = new Map<SectionId | null, SectionOccurrence[]>()
    for (const occurrence of all) {
      const parent = sectionById.get(occurrence.id)!.parent
      groups.set(parent, [...(groups.get(parent) ?? []), occurrence])
    }
    for (const order of groups.values()) {
      const inOrder = longestInOrder(order.map((occurrence) => sectionOrder.get(occurrence.id)!))
      order.forEach((occurrence, index) => {
        if (inOrder.has(index)) return
        const spec = sectionById.get(occurrence.id)!
        const next = order.slice(index + 1).find((_, offset) => inOrder.has(index + 1 + offset))
        const previous = order.slice(0, index).reverse().find((_, offset) => inOrder.has(index - 1 - offset))
        const where =
          previous && sectionOrder.get(previous.id)! > sectionOrder.get(occurrence.id)!
            ? `after \`${sectionById.get(previous.id)!.heading}\`, expected it before`
            : next
              ? `before \`${sectionById.get(next.id)!.heading}\`, expected it after`
              : 'here'
        this.findings.push(finding('section-order', 'warning', `Unexpected \`${spec.heading}\` ${where}`, spec.path, occurrence.span))
      })
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

interface Row {
  readonly values: Record<string, string | null>
  readonly span: Span
  readonly cells: Map<string, FieldInfo>
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

/** Offsets of a table cell's content in `text`, without its pipes and padding. */
export function cellContent(text: string, cell: TableCell): {start: number; end: number} {
  let start = cell.position!.start.offset!
  let end = cell.position!.end.offset!
  if (text[start] === '|') start++
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  return {start, end}
}

/**
 * Where a finding about a field path goes: the field's own span, else its row's or list's,
 * else its section's heading (SPEC §5: about something absent, point at the nearest thing present).
 */
export function spanForPath(document: PostmortemDocument, path: string): Span | undefined {
  let current = path
  while (current) {
    const info = document.fields.get(current)
    if (info) return info.span
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['))
    if (cut <= 0) break
    current = current.slice(0, cut)
  }
  const top = path.split(/[.[]/)[0]
  return document.sections.find((occurrence) => occurrence.id === top)?.span
}

/** Whether the section's body is free Markdown (its whole content is the value). */
export function isMarkdownSection(section: SectionSpec): boolean {
  return section.blocks.length === 1 && section.blocks[0]!.type === 'markdown'
}

/** Indexes of one longest strictly increasing subsequence of `values` (patience sorting). */
function longestInOrder(values: readonly number[]): Set<number> {
  const tails: number[] = []
  const previous: number[] = []
  values.forEach((value, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (values[tails[mid]!]! < value) low = mid + 1
      else high = mid
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1
    tails[low] = index
  })
  const kept = new Set<number>()
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]!) kept.add(index)
  return kept
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
