/**
 * What a parse gathers while it walks the document: the draft, where each field stood, the
 * content kept verbatim (extras), and the facts about its structure that the rules judge.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import {setPath} from '../model/paths.js'
import type {Span} from '../model/finding.js'
import {anchorRank, listsJoin} from '../model/extras.js'
import {frontMatterFields} from '../model/front-matter.js'
import {headingDepth, isWritten} from '../model/presence.js'
import type {Profile} from '../profile/compile.js'
import type {FieldSpec} from '../profile/spec.js'
import {isMarkdownSpace, isPlaceholder, isUnresolvedChoice, trimMarkdown, withoutUnit} from '../model/text.js'
import type {Source} from './source.js'
import type {FieldInfo, FieldState, LayoutFact, SectionOccurrence, UnknownSection} from './types.js'
import {dedent, endOf, sourceOf, startOf, type ItemContent} from './values.js'

/** A draft while it is read: the profile's paths, set as the document gives them. */
export type DraftRecord = Record<string, unknown> & {frontMatter?: string; extra?: Extra[]}

/** Content the template has no field for, kept where it stood. */
export interface Extra {
  after: string
  markdown: string
}

/** The state of one parse. Readers add to it; nothing else holds parse state. */
export interface Reading {
  /** The template the document is read by. */
  readonly profile: Profile
  readonly source: Source
  readonly tree: Root
  /** The draft being read: keys are the profile's paths. */
  readonly draft: DraftRecord
  readonly fields: Map<string, FieldInfo>
  readonly sections: SectionOccurrence[]
  readonly unknownSections: UnknownSection[]
  /** Content kept verbatim, with the offset it stood at (to keep document order). */
  readonly extras: {after: string; markdown: string; offset: number}[]
  /** Where the meeting footer starts. */
  footer: Span | undefined
  /**
   * Rows read from an unchecked task (`- [ ] Rotate the key`): open, whatever their Status cell
   * says, so an empty one is not a finding.
   */
  readonly openTasks: Set<string>
  /** What the front matter gives (field path → text), read once when first asked for. */
  given?: ReadonlyMap<string, string>
  /** Layout the template writes otherwise (list markers, fields written as headings). */
  readonly layout: LayoutFact[]
}

/** A fresh reading of `tree`. */
export function startReading(profile: Profile, source: Source, tree: Root): Reading {
  return {profile, source, tree, draft: {}, fields: new Map(), sections: [], unknownSections: [], extras: [], footer: undefined, openTasks: new Set(), layout: []}
}

/**
 * Keep `markdown` verbatim, written back at `after` (see `Extra`), without the line endings an
 * unclosed fence or comment runs on with (the document's end writes them).
 */
export function addExtra(reading: Reading, after: string, markdown: string, offset: number): void {
  let end = markdown.length
  while (end > 0 && (markdown.charCodeAt(end - 1) === 10 || markdown.charCodeAt(end - 1) === 13)) end--
  if (end > 0 || markdown === '') reading.extras.push({after, markdown: markdown.slice(0, end), offset})
}

/** Keep a run of nodes verbatim, from the first one's start to the last one's end. */
export function keepNodes(reading: Reading, nodes: readonly RootContent[], after: string): void {
  const first = nodes[0]
  const last = nodes.at(-1)
  if (!first || !last) return
  addExtra(reading, after, reading.source.text.slice(startOf(first), endOf(last)), startOf(first))
}

/** Keep one node verbatim. */
export function keepNode(reading: Reading, node: Nodes, after: string): void {
  addExtra(reading, after, sourceOf(reading.source, node), startOf(node))
}

/**
 * The anchor of content that follows a whole group (`## Resolution` after Root Cause Analysis
 * and its sub-sections), until the document is read.
 */
export const groupAnchor = 'group:'

/**
 * Anchor content that follows a whole group after the group's last sub-section that is written
 * (or the group itself when none is).
 */
export function resolveGroupAnchors(reading: Reading): void {
  const pending = reading.extras.filter((extra) => extra.after.startsWith(groupAnchor))
  if (pending.length === 0) return
  const draft = {...reading.draft, extra: reading.extras.filter((extra) => !extra.after.startsWith(groupAnchor))}
  for (const extra of pending) {
    const group = extra.after.slice(groupAnchor.length)
    const last = reading.profile.sections.filter((section) => section.parent === group && isWritten(reading.profile, draft, section)).at(-1)
    extra.after = last?.id ?? group
  }
}

/**
 * A section the template lacks, kept after the last section written, is at the end: it stays
 * there whatever sections the document has before it.
 */
export function anchorTrailing(reading: Reading): void {
  const draft = {...reading.draft, extra: reading.extras}
  const last = reading.profile.sections.filter((section) => isWritten(reading.profile, draft, section)).at(-1)
  if (!last) return
  for (const extra of reading.extras) if (extra.after === last.id && startsWithHeading(extra.markdown)) extra.after = 'end'
}

/** Whether Markdown starts with a heading (ATX or setext, of one line or more). */
function startsWithHeading(markdown: string): boolean {
  return headingDepth(markdown) !== undefined
}

/**
 * Extras in document order: by where they are written back, then by where they stood. Two lists
 * with one marker that end up side by side (the blocks between them were read as fields) are one
 * extra, as they are one list once written.
 */
export function orderedExtras(reading: Reading): Extra[] {
  const sorted = reading.extras
    .map((extra) => ({extra, rank: anchorRank(reading.profile, extra.after)}))
    .sort((a, b) => a.rank - b.rank || a.extra.offset - b.extra.offset)
    .map(({extra}) => ({after: extra.after, markdown: extra.markdown}))
  const merged: Extra[] = []
  for (const extra of sorted) {
    const previous = merged.at(-1)
    if (previous && previous.after === extra.after && listsJoin(previous.markdown, extra.markdown)) previous.markdown += '\n\n' + extra.markdown
    else merged.push(extra)
  }
  return merged
}

/** What the document's front matter gives: field path → its text. */
export function givenByFrontMatter(reading: Reading): ReadonlyMap<string, string> {
  reading.given ??= frontMatterFields(reading.profile, reading.draft.frontMatter as string | undefined)
  return reading.given
}

/**
 * Whether a header line says again what the front matter says (`**Date:** 2026-05-02` under
 * `date: 2026-05-02`). The field is the front matter's, and the line is kept as written: a
 * header line the front matter gives is not written by the serializer, so reading it as the field
 * would lose it.
 */
export function repeatsFrontMatter(reading: Reading, spec: ValueSpec, start: number, end: number): boolean {
  if (reading.draft.frontMatter === undefined) return false
  const given = givenByFrontMatter(reading).get(spec.path)
  if (given === undefined) return false
  const value = withoutUnit(trimMarkdown(reading.source.text.slice(start, end)), spec.suffix)
  return value === given
}

/** Record a field's state and span. */
export function setField(reading: Reading, path: string, span: Span, state: FieldState): void {
  reading.fields.set(path, {span, state})
}

/** What `readValue` needs of a field: its path, placeholder, suffix and type. */
export type ValueSpec = Pick<FieldSpec, 'path' | 'placeholder'> & {
  readonly suffix?: string
  readonly type?: FieldSpec['type']
  /** An enum the template leaves to resolve (`Full fix / Temporary workaround`). */
  readonly choice?: boolean
  /** Keep the first line's indentation: a body may open with indented code (`    # foo`). */
  readonly block?: boolean
}

/**
 * Record a field's value: the source from `start` to `end`, verbatim (without outer white space
 * and the template's suffix; a list item's continuation lines without their indentation).
 */
export function readValue(reading: Reading, spec: ValueSpec, start: number, end: number, content?: ItemContent): void {
  const text = reading.source.text
  let value = content ? dedent(text.slice(start, end), content.indent) : text.slice(start, end)
  let valueEnd = end
  const trimmed = spec.block ? trimEnd(value) : trimMarkdown(value)
  if (trimmed !== value) {
    let lead = 0
    while (lead < value.length && isMarkdownSpace(value.charCodeAt(lead))) lead++
    start += lead
    valueEnd = start + trimmed.length
    value = trimmed
  }
  const bare = withoutUnit(value, spec.suffix)
  valueEnd -= value.length - bare.length
  value = bare
  // Unfilled only with the field's own placeholder; another one is text the document holds, and
  // so is a template's literal default written again (`BST` of `## Timeline (times in BST)`).
  const unfilled = (value === spec.placeholder && (spec.choice === true || isPlaceholder(value, reading.profile.spec.placeholders ?? ['braces']))) || (spec.choice === true && isUnresolvedChoice(value))
  const state: FieldState = value === '' ? 'empty' : unfilled ? 'placeholder' : 'filled'
  // Three states: what the user wrote (`""` when present but empty), or `null` when unfilled.
  if (state === 'placeholder') setPath(reading.draft, spec.path, null)
  else setPath(reading.draft, spec.path, spec.type === 'names' ? splitNames(value) : value)
  setField(reading, spec.path, reading.source.span(start, Math.max(start, valueEnd)), state)
}

/** Strip Markdown white space from the end only. */
function trimEnd(value: string): string {
  let end = value.length
  while (end > 0 && isMarkdownSpace(value.charCodeAt(end - 1))) end--
  return value.slice(0, end)
}

/** Names written comma-separated (`Ana, Lee`). */
function splitNames(value: string): string[] {
  return value
    .split(',')
    .map((name) => trimMarkdown(name))
    .filter((name) => name !== '')
}
