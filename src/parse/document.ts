/**
 * Parsing a postmortem: one remark parse, one walk of its top-level nodes. The document is split
 * into sections (`split.ts`), each section's blocks are read by the reader of their kind
 * (`blocks/`), the title and front matter fill the header (`title.ts`, `front-matter.ts`), and
 * content the template lacks is kept verbatim where it stood (`reading.ts`).
 */
import type {Root} from 'mdast'
import {canonicalOrder} from '../model/draft.js'
import {finding} from '../model/finding.js'
import {parseMarkdown} from '../model/markdown.js'
import {builtinProfile} from '../profile/builtin.js'
import type {PostmortemDraft} from '../profile/builtin-types.js'
import type {Profile} from '../profile/compile.js'
import {readFrontMatter} from './front-matter.js'
import {checkLimits} from './limits.js'
import {anchorTrailing, orderedExtras, resolveGroupAnchors, startReading} from './reading.js'
import {readRegion} from './section.js'
import {Source} from './source.js'
import {split} from './split.js'
import {finishTables} from './blocks/table.js'
import type {PostmortemDocument} from './types.js'

/** Options of `parseDocument`: the template to read by, and the limits past which an input is not parsed. */
export interface ParseOptions<Draft extends object = PostmortemDraft, Complete extends object = object> {
  /** The template's profile (default: the built-in template's); a generated one types the draft. */
  readonly profile?: Profile<Draft, Complete> | undefined
  /** Largest input parsed, in characters (default: 10 MB). */
  readonly maxSize?: number
  /** Deepest nesting of lists and block quotes parsed (default: 64). */
  readonly maxDepth?: number
}

/**
 * Parse a postmortem into its draft, the position of every field and the facts about its
 * structure. Never throws: any string gives a document (an input over the limits gives an empty
 * draft and one `input-limit` finding).
 */
export function parseDocument<Draft extends object = PostmortemDraft, Complete extends object = object>(markdown: string, options: ParseOptions<Draft, Complete> = {}): PostmortemDocument<Draft> {
  const profile = (options.profile ?? builtinProfile) as Profile<Draft>
  const source = new Source(typeof markdown === 'string' ? markdown : String(markdown))
  const limit = checkLimits(source.text, options)
  if (limit) return unread(profile, source, finding('input-limit', 'error', limit.message, '', source.span(limit.offset, limit.offset)))
  try {
    return read(profile, source)
  } catch (error) {
    // Note: a safety net for the never-throws promise; a finding here is a bug to report.
    const message = error instanceof Error ? error.message : String(error)
    return unread(profile, source, finding('internal-error', 'error', `Cannot read this document (${message}); please report it`, '', source.span(0, 0)))
  }
}

/** Parse a postmortem into its draft. Never throws. */
export function parse<Draft extends object = PostmortemDraft, Complete extends object = object>(markdown: string, options: ParseOptions<Draft, Complete> = {}): Draft {
  return parseDocument(markdown, options).draft
}

function read<Draft extends object>(profile: Profile<Draft>, source: Source): PostmortemDocument<Draft> {
  // Note: parsed as if it ended with a line ending, as every formatted document does: micromark
  // reads a last line without one differently (a lazy line joins a block quote only then).
  const tree = parseMarkdown(source.text.endsWith('\n') ? source.text : source.text + '\n')
  // The tree spans the text itself (what findings are placed in), not the line ending added.
  const end = source.end().end
  tree.position = {start: {line: 1, column: 1, offset: 0}, end: {line: end.line, column: end.column, offset: end.offset}}
  separateOverlaps(source, tree)
  const reading = startReading(profile, source, tree)
  const regions = split(reading)
  for (const region of regions) readRegion(reading, region)
  readFrontMatter(reading)
  finishTables(reading)
  resolveGroupAnchors(reading)
  anchorTrailing(reading)
  const extra = orderedExtras(reading)
  if (extra.length > 0) reading.draft.extra = extra
  return {
    profile,
    draft: canonicalOrder(profile, reading.draft) as Draft,
    tree: reading.tree,
    source,
    fields: reading.fields,
    sections: reading.sections,
    footer: reading.footer,
    unknownSections: reading.unknownSections,
    layout: reading.layout,
    findings: [],
    parsed: true
  }
}

/**
 * A setext heading right after a link reference definition starts, in micromark's positions, at
 * the definition (`[foo]: /url\nbar\n===`): each top-level node is made to start after the one
 * before it, so that no text is read twice.
 */
function separateOverlaps(source: Source, tree: Root): void {
  let previousEnd = 0
  for (const node of tree.children) {
    const position = node.position
    if (!position || position.start.offset === undefined || position.end.offset === undefined) continue
    if (position.start.offset < previousEnd) {
      let start = previousEnd
      while (start < position.end.offset && /[ \t\n]/.test(source.text[start]!)) start++
      const point = source.point(start)
      position.start = {line: point.line, column: point.column, offset: point.offset}
    }
    previousEnd = position.end.offset
  }
}

function unread<Draft extends object>(profile: Profile<Draft>, source: Source, problem: PostmortemDocument['findings'][number]): PostmortemDocument<Draft> {
  return {
    profile,
    draft: {} as Draft,
    tree: {type: 'root', children: []},
    source,
    fields: new Map(),
    sections: [],
    footer: undefined,
    unknownSections: [],
    layout: [],
    findings: [problem],
    parsed: false
  }
}

export type {FieldInfo, FieldState, PostmortemDocument, SectionOccurrence, UnknownSection} from './types.js'
