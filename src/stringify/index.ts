/**
 * Writing a model as Markdown in the template's layout (SPEC R5): the sections the draft has, in
 * template order, each block by the handler of its kind (`blocks.ts`), extras where they stood,
 * the user's text verbatim. Nothing is written for what the draft lacks.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {blankDraft} from '../model/draft.js'
import {tryParse} from '../model/markdown.js'
import {getPath} from '../model/paths.js'
import {isWritten, singleBlock, titleHeadingWritten} from '../model/presence.js'
import {templateTitle} from '../model/title.js'
import {builtinProfile} from '../profile/builtin.js'
import type {Postmortem, PostmortemDraft} from '../profile/builtin-types.js'
import type {Profile} from '../profile/compile.js'
import type {Block, SectionSpec} from '../profile/spec.js'
import {writePattern} from '../model/patterns.js'
import {writeBlock} from './blocks.js'
import {raw, writer} from './layout.js'

/** A model accepted by `stringify`: a draft, or a complete postmortem (integer minutes). */
export type StringifyInput = PostmortemDraft | Postmortem | object

/** A model as the serializer reads it: the profile's paths, and what the template has no field for. */
type Model = {readonly frontMatter?: string | undefined; readonly extra?: readonly {readonly after: string; readonly markdown: string}[] | undefined}

/** Options of `stringify`. */
export interface StringifyOptions {
  /** The template's profile (default: the built-in template's). */
  readonly profile?: Profile | undefined
  /**
   * Also write every section and field the draft lacks, as the template's text: for bringing an
   * old document onto the template on purpose (default: `false`).
   */
  readonly addMissing?: boolean
}

/**
 * Write a draft or a complete postmortem as Markdown in the template's canonical layout: what
 * the draft has, unfilled fields as the template's placeholders, the user's text verbatim.
 */
export function stringify(model: StringifyInput, options: StringifyOptions = {}): string {
  const markdown = writer.stringify(toMdast(model, options))
  const {frontMatter} = model as Model
  // Note: a document's first character is never content when it is U+FEFF (it reads as a
  // byte-order mark), so a first block starting with one is indented by a space.
  // Likewise a first line `---` of a draft without front matter is a thematic break, which a
  // later `---` could turn into front matter: then it is indented by a space too.
  return markdown.charCodeAt(0) === 0xfeff || (frontMatter === undefined && /^---[ \t]*\n/.test(markdown) && tryParse(markdown)?.children[0]?.type === 'yaml') ? ' ' + markdown : markdown
}

/** Build the canonical mdast of a model (the tree `stringify` writes). */
export function toMdast(model: StringifyInput, options: StringifyOptions = {}): Root {
  const profile = options.profile ?? builtinProfile
  const draft = (options.addMissing ? withMissing(profile, model) : model) as Model
  const extras = new Map<string, string[]>()
  for (const extra of draft.extra ?? []) extras.set(extra.after, [...(extras.get(extra.after) ?? []), extra.markdown])
  const out: RootContent[] = []
  const extra = (anchor: string): void => {
    for (const markdown of extras.get(anchor) ?? []) if (markdown !== '') out.push(raw(markdown))
  }
  if (draft.frontMatter !== undefined) out.push(raw(draft.frontMatter === '' ? '---\n---' : `---\n${draft.frontMatter}\n---`))
  extra('start')
  for (const section of profile.sections) {
    if (!isWritten(profile, draft, section)) continue
    const heading = headingOf(profile, draft, section)
    if (heading) out.push(heading)
    extra(`${section.id}:heading`)
    let previous: Block | undefined
    for (const block of section.blocks) {
      const written = writeBlock(block, {profile, draft, section})
      const last = out.at(-1)
      // A list whose label is the last of the field lines before it (`Involved:`) joins them.
      if (block.type === 'listUnderLabel' && block.attached === true && previous?.type === 'fieldLines' && last?.type === 'paragraph' && written[0]?.type === 'paragraph') {
        last.children.push(raw('\n'), ...written[0].children)
        out.push(...written.slice(1))
      } else out.push(...written)
      if (written.length > 0) previous = block
    }
    extra(section.id)
  }
  extra('end')
  return {type: 'root', children: out}
}

function headingOf(profile: Profile, draft: Model, section: SectionSpec): Heading | undefined {
  const worded = section.blocks.find((block) => block.type === 'headingFields')
  if (worded?.type === 'headingFields') {
    const text = wordedHeading(draft, worded)
    if (text === undefined && section.kind === 'title') return undefined
    return {type: 'heading', depth: section.depth, children: [raw(text ?? writePattern(worded.pattern, (slot) => worded.fields.find((field) => field.path === slot)?.placeholder ?? ''))]}
  }
  if (section.kind === 'title') {
    const title = profile.title
    if (!title || !titleHeadingWritten(profile, draft)) return undefined
    const text = getPath(draft, title.textPath)
    const id = title.id ? getPath(draft, title.id.path) : undefined
    return {type: 'heading', depth: 1, children: [raw(typeof text === 'string' ? text : templateTitle(profile, typeof id === 'string' ? id : null))]}
  }
  if (section.heading === null) return undefined
  return {type: 'heading', depth: section.depth, children: [{type: 'text', value: zoneHeading(draft, section) ?? section.heading}]}
}

/** A heading of fields as the draft has it: kept whole, or its pattern filled; `undefined` when the draft has neither. */
function wordedHeading(draft: Model, block: Extract<Block, {type: 'headingFields'}>): string | undefined {
  const text = getPath(draft, block.textPath)
  if (typeof text === 'string') return text
  if (block.fields.every((field) => getPath(draft, field.path) === undefined)) return undefined
  return writePattern(block.pattern, (slot) => {
    const field = block.fields.find((candidate) => candidate.path === slot)
    const value = field ? getPath(draft, field.path) : undefined
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : (field?.placeholder ?? '')
  })
}

/**
 * A timeline without a table to name its zone in keeps the zone in its heading
 * (`Timeline (all times PST)`), so formatting never drops it.
 */
function zoneHeading(draft: Model, section: SectionSpec): string | undefined {
  const block = singleBlock(section)
  if (block?.type !== 'table' || block.zonePath === undefined) return undefined
  const zone = getPath(draft, block.zonePath)
  if (typeof zone !== 'string' || getPath(draft, block.path) !== undefined) return undefined
  const heading = section.heading ?? ''
  const open = heading.lastIndexOf(' (')
  return `${open === -1 ? heading : heading.slice(0, open)} (all times ${zone})`
}

/** The draft with what it lacks taken from the blank template. */
function withMissing(profile: Profile, model: StringifyInput): StringifyInput {
  return merge(model, blankDraft(profile)) as StringifyInput
}

function merge(value: unknown, blank: unknown): unknown {
  if (value === undefined) return blank
  if (value === null || typeof value !== 'object' || Array.isArray(value) || blank === null || typeof blank !== 'object' || Array.isArray(blank)) return value
  const out: Record<string, unknown> = {...(blank as Record<string, unknown>)}
  for (const [key, inner] of Object.entries(value)) out[key] = merge(inner, (blank as Record<string, unknown>)[key])
  return out
}
