/**
 * Helpers shared by the rule modules: where the template's tables and lists stand in the tree,
 * which sections are present but empty, and the values the rules compare. Not a rule itself.
 */
import type {List, Nodes, RootContent, Table} from 'mdast'
import type {Span} from '../../model/finding.js'
import {actionItemsOf} from '../../model/action-items.js'
import {timelineOf} from '../../model/roles.js'
import type {Profile} from '../../profile/compile.js'
import {bodyOf} from '../../profile/blocks.js'
import type {Block, ColumnSpec, FieldRole, SectionSpec} from '../../profile/spec.js'
import {cellContent} from '../../parse/values.js'
import {columnNamed} from '../../model/columns.js'
import {getPath} from '../../model/paths.js'
import {findPlaceholders, timeToMinutes} from '../../model/text.js'
import type {PostmortemDocument, SectionOccurrence} from '../../parse/document.js'
import {say} from '../messages.js'
import type {RuleContext} from '../rule.js'

/** Whether a value is written and not empty (not absent, unfilled or `""`). */
export function written(value: string | null | undefined): value is string {
  return typeof value === 'string' && value !== ''
}

/** Whether a value holds a `{…}` placeholder (then `no-placeholder` reports it, not the value rules). */
export function hasPlaceholder(value: string): boolean {
  return findPlaceholders(value).length > 0
}

/** A template table block and where the parser found it in the tree. */
export interface TemplateTable {
  readonly path: string
  readonly section: SectionSpec
  readonly block: Extract<Block, {type: 'table'}>
  readonly table: Table
}

/** The template tables (timeline, action items) the parser read, with their mdast nodes. */
export function templateTables(document: PostmortemDocument): TemplateTable[] {
  const found: TemplateTable[] = []
  for (const {section, block} of document.profile.tables) {
    const info = document.fields.get(block.path)
    if (!info) continue
    const table = nodeAt(document, info.span.start.offset, 'table')
    if (table && table.type === 'table') found.push({path: block.path, section, block, table})
  }
  return found
}

/** The template tables whose rows the parser read from a list (`- 14:02 - text`), with the list. */
export function listTables(document: PostmortemDocument): {path: string; block: Extract<Block, {type: 'table'}>; list: List}[] {
  const found: {path: string; block: Extract<Block, {type: 'table'}>; list: List}[] = []
  for (const {block} of document.profile.tables) {
    const info = document.fields.get(block.path)
    const list = info ? nodeAt(document, info.span.start.offset, 'list') : undefined
    if (list?.type === 'list') found.push({path: block.path, block, list})
  }
  return found
}

/** The list node the parser read for a list field (`wentWell`), if it read a list. */
export function listOf(document: PostmortemDocument, path: string): List | undefined {
  const info = document.fields.get(path)
  if (!info) return undefined
  const node = nodeAt(document, info.span.start.offset, 'list')
  return node?.type === 'list' ? node : undefined
}

/** A top-level node of `type` starting at `offset`. */
function nodeAt(document: PostmortemDocument, offset: number, type: RootContent['type']): RootContent | undefined {
  return document.tree.children.find((node) => node.type === type && node.position?.start.offset === offset)
}

/** Offsets of a cell's content, without its pipes and padding (the parser's own). */
export {cellContent} from '../../parse/values.js'

/**
 * The template columns a table the parser read lacks: by its header row (a table), or by the
 * cells its rows give (rows written as a list). `undefined` when the parser read no such table.
 */
export function missingColumns(document: PostmortemDocument, draft: object, path: string): ColumnSpec[] | undefined {
  const table = templateTables(document).find((candidate) => candidate.path === path)
  if (table) {
    const head = table.table.children[0]
    const found = new Set((head?.children ?? []).map((cell) => {
      const {start, end} = cellContent(document.source.text, cell)
      return columnNamed(table.block, document.source.text.slice(start, end))?.key
    }))
    return table.block.columns.filter((column) => !found.has(column.key))
  }
  const list = listTables(document).find((candidate) => candidate.path === path)
  if (!list) return undefined
  const rows = (getPath(draft, path) as Record<string, unknown>[] | undefined) ?? []
  return list.block.columns.filter((column) => rows[0]?.[column.key] === undefined)
}

/** The span of a node of the tree. */
export function spanOf(document: PostmortemDocument, node: Nodes): Span {
  return document.source.span(node.position!.start.offset!, node.position!.end.offset!)
}

/**
 * Sections present but with nothing under their heading (the next node is a heading, the
 * meeting footer, or the end). Sections whose content is their sub-sections (Root Cause Analysis,
 * Action Items, Lessons Learned) and the title are not counted; only first occurrences are.
 */
export function emptySections(document: PostmortemDocument): SectionOccurrence[] {
  const children = document.tree.children
  const seen = new Set<string>()
  const empty: SectionOccurrence[] = []
  for (const occurrence of document.sections) {
    if (seen.has(occurrence.id)) continue
    seen.add(occurrence.id)
    const section = document.profile.sectionById.get(occurrence.id)
    if (!section || section.kind === 'title' || bodyOf(section).length === 0) continue
    const index = children.findIndex((node) => node.type === 'heading' && node.position?.start.offset === occurrence.span.start.offset)
    if (index === -1) continue
    const next = children[index + 1]
    if (!next || (next.type === 'heading' && !underHeading(document, next, occurrence)) || (next.type === 'thematicBreak' && startsFooter(document, children[index + 2]))) empty.push(occurrence)
  }
  return empty
}

/**
 * Whether a heading right after a section's heading holds that section's content: a deeper
 * heading the template lacks (`### 2021-03-05` under the Timeline), not a section of its own.
 */
function underHeading(document: PostmortemDocument, heading: Extract<RootContent, {type: 'heading'}>, occurrence: SectionOccurrence): boolean {
  if (heading.depth <= occurrence.depth) return false
  const start = heading.position?.start.offset
  return !document.sections.some((other) => other.span.start.offset === start)
}

/** Whether `node` is the paragraph of the meeting footer. */
function startsFooter(document: PostmortemDocument, node: RootContent | undefined): boolean {
  if (!node || node.type !== 'paragraph' || !node.position) return false
  const line = node.position.start.line
  return document.profile.footerFields.some((field) => document.fields.get(field.path)?.span.start.line === line)
}

/** Start offset of each table row the parser kept → its row path (`timeline[2]`). */
export function keptRows(document: PostmortemDocument, tablePath: string): Map<number, string> {
  const rows = new Map<number, string>()
  for (const [path, info] of document.fields) {
    if (!path.startsWith(`${tablePath}[`) || !path.endsWith(']')) continue
    if (!/^\d+$/.test(path.slice(tablePath.length + 1, -1))) continue
    rows.set(info.span.start.offset, path)
  }
  return rows
}

/** A timeline time in minutes, with its kind: a clock time of day or an ISO date-time. */
export interface TimelineTime {
  readonly path: string
  readonly value: string
  readonly minutes: number
  readonly kind: 'clock' | 'iso'
}

/** The timeline's times that parse, row by row (`undefined` for a row whose time does not). */
export function timelineTimes(profile: Profile, draft: object): (TimelineTime | undefined)[] {
  const timeline = timelineOf(profile)
  const rows = timeline ? getPath(draft, timeline.block.path) : undefined
  if (!timeline || !Array.isArray(rows)) return []
  return rows.map((row: unknown, index) => {
    const value = row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[timeline.time.key] : undefined
    if (typeof value !== 'string' || !written(value)) return undefined
    const minutes = timeToMinutes(value)
    if (minutes === undefined) return undefined
    return {path: `${timeline.block.path}[${index}]`, value, minutes, kind: /^\d{4}-/.test(value) ? 'iso' : 'clock'}
  })
}

/**
 * Report every action item whose cell of `role` holds a value outside its column's values
 * (placeholders are `no-placeholder`'s business): the check of `priority` and `status`.
 */
export function checkActionEnum(context: RuleContext, role: Extract<FieldRole, 'actionItems.priority' | 'actionItems.status'>): void {
  const key = role === 'actionItems.priority' ? 'priority' : 'status'
  const binding = context.profile.roles.get(role)
  for (const {path, item, keys} of actionItemsOf(context.draft, context.profile)) {
    const value = item[key]
    const column = keys[key]
    const values = binding?.kind === 'column' ? (binding.column.values ?? []) : []
    if (column === undefined || values.length === 0 || !written(value) || values.includes(value) || hasPlaceholder(value)) continue
    context.report(`${path}.${column}`, say('unexpectedValue', {field: `${path}.${column}`, value, expected: values}))
  }
}

/**
 * Whether a checklist required only while a choice says so is not required now: the choice is
 * made, and made otherwise (a full fix needs no proper-fix checklist, SPEC §2). While the choice
 * is unresolved, the checklist is judged as usual (and `hotfix-choice` reports the choice).
 */
export function exempt(profile: Profile, draft: object, block: Block): boolean {
  if (block.type !== 'checklist' || !block.requiredWhen) return false
  const {path, value} = block.requiredWhen
  const choice = getPath(draft, path)
  const values = profile.fieldByPath.get(path)?.values ?? []
  return typeof choice === 'string' && choice !== value && values.includes(choice)
}
