/**
 * Which sections a draft has, as the serializer writes them, and the drafts that could not be
 * read back as themselves (SPEC R2). A section is written when a key of it is present (absent
 * keys are what the document lacks) or when an extra stands in it; a group when any of its
 * sub-sections is.
 */
import {tryParse} from './markdown.js'
import {cellPlaceholder, itemPlaceholder} from './placeholders.js'
import {getPath} from './paths.js'
import {frontMatterFields, headerPlaceholder} from './front-matter.js'
import {blockPaths, bodyOf} from '../profile/blocks.js'
import {ownsPath, type Profile} from '../profile/compile.js'
import type {Block, SectionId, SectionSpec} from '../profile/spec.js'
import {templateTitle, titleId} from './title.js'

/** What presence needs of a draft (a draft or a complete postmortem of any profile). */
interface DraftLike {
  readonly frontMatter?: string | undefined
  readonly extra?: readonly {readonly after: string; readonly markdown: string}[] | undefined
}


/** Whether a section's value is its one block (free text, a list or a table). */
export function singleBlock(section: SectionSpec): Extract<Block, {type: 'markdown' | 'list' | 'table'}> | undefined {
  const [block, ...rest] = bodyOf(section)
  return block && rest.length === 0 && (block.type === 'markdown' || block.type === 'list' || block.type === 'table') ? block : undefined
}

/** The anchors an extra may name for a section: its id and `<id>:heading`. */
function anchorsOf(draft: DraftLike, id: SectionId): {after: string; markdown: string}[] {
  return (draft.extra ?? []).filter((extra) => extra.after === id || extra.after === `${id}:heading`)
}

/** Whether the serializer writes `section` for `draft`. */
export function isWritten(profile: Profile, draft: DraftLike, section: SectionSpec): boolean {
  if (profile.keysOf(section.id).some((path) => getPath(draft, path) !== undefined)) return true
  if (anchorsOf(draft, section.id).length > 0) return true
  return (profile.children.get(section.id) ?? []).some((child) => isWritten(profile, draft, child))
}

/** Whether the title heading is written: the draft has a title text, or an id the front matter does not give. */
export function titleHeadingWritten(profile: Profile, draft: DraftLike): boolean {
  const worded = profile.titleSection?.blocks.find((block) => block.type === 'headingFields')
  if (worded?.type === 'headingFields') return [worded.textPath, ...worded.fields.map((field) => field.path)].some((path) => getPath(draft, path) !== undefined)
  const title = profile.title
  if (!title) return false
  if (getPath(draft, title.textPath) !== undefined) return true
  const id = title.id ? getPath(draft, title.id.path) : undefined
  if (id === undefined || !title.id) return false
  return !givenByFrontMatter(profile, draft, title.id.path, id)
}

/** Whether a header line is written: present, and not what the front matter already says. */
export function headerLineWritten(profile: Profile, draft: DraftLike, path: string): boolean {
  const value = getPath(draft, path)
  return value !== undefined && !givenByFrontMatter(profile, draft, path, value)
}

function givenByFrontMatter(profile: Profile, draft: DraftLike, path: string, value: unknown): boolean {
  if (draft.frontMatter === undefined) return false
  const given = frontMatterFields(profile, draft.frontMatter).get(path)
  if (given === undefined) return false
  if (value === null) return given === headerPlaceholder(profile, path)
  return Array.isArray(value) ? value.join(', ') === given : value === given
}

/** A reason a draft could not be written and read back as itself. */
export interface DraftProblem {
  readonly path: (string | number)[]
  readonly message: string
}

/** Why a draft (or complete postmortem) could not be written and read back as itself; empty when it can. */
export function draftProblems(profile: Profile, draft: DraftLike): DraftProblem[] {
  const problems: DraftProblem[] = []
  const extras = draft.extra ?? []
  const title = profile.title
  const text = title ? getPath(draft, title.textPath) : undefined
  if (title && typeof text === 'string') {
    const idPath = title.id?.path
    const id = titleId(profile, text) ?? undefined
    const expected = id === undefined ? undefined : id === title.id?.placeholder ? null : id
    if (idPath && getPath(draft, idPath) !== expected) problems.push({path: idPath.split('.'), message: `\`${idPath}\` is the id in \`${title.textPath}\` (${expected === undefined ? 'none: leave it out' : expected === null ? 'a placeholder: null' : `\`${expected}\``})`})
    // The template's own title is kept in its text exactly when the front matter gives the id.
    const givesId = idPath !== undefined && frontMatterFields(profile, draft.frontMatter).has(idPath)
    if (id !== undefined && text === templateTitle(profile, expected ?? null) && !givesId) problems.push({path: title.textPath.split('.'), message: `A title the template writes itself is left out: set \`${idPath}\` only`})
  }
  if (extras.some((extra) => extra.after === 'start') && !titleHeadingWritten(profile, draft)) {
    problems.push({path: ['extra'], message: `Content before the title needs a title: set its fields, or anchor it at \`${profile.titleSection?.id ?? 'title'}:heading\``})
  }
  const fromFrontMatter = frontMatterFields(profile, draft.frontMatter)
  const idPath = title?.id?.path
  const named = profile.roles.get('title')
  for (const [path, value] of fromFrontMatter) {
    // The incident's name the front matter's `title:` gives beside the id is given with it.
    const withId = named?.kind === 'field' && path === named.path && idPath !== undefined && fromFrontMatter.has(idPath) && getPath(draft, idPath) === undefined
    if (getPath(draft, path) === undefined && !withId) {
      problems.push({path: path.split('.'), message: `The front matter gives \`${path}\` (\`${value}\`): set it to that value`})
    }
  }
  for (const section of profile.sections) problems.push(...sectionProblems(profile, draft, section))
  const last = profile.sections.filter((section) => isWritten(profile, draft, section)).at(-1)
  extras.forEach((extra, index) => {
    const problem = extra.after === last?.id && headingDepth(extra.markdown) !== undefined ? 'A section after the last section written stands at the end: anchor it at `end`' : groupAnchorProblem(profile, draft, extra)
    if (problem) problems.push({path: ['extra', index], message: problem})
  })
  return problems
}

/**
 * A section-level heading after a group (Root Cause Analysis, Action Items, Lessons Learned)
 * follows the whole group: it is anchored after the group's last written sub-section.
 */
function groupAnchorProblem(profile: Profile, draft: DraftLike, extra: {after: string; markdown: string}): string | undefined {
  const section = profile.sectionById.get(extra.after)
  const group = section?.kind === 'group' ? section : section?.parent ? profile.sectionById.get(section.parent) : undefined
  const children = group ? (profile.children.get(group.id) ?? []) : []
  if (!group || children.length === 0) return undefined
  const depth = headingDepth(extra.markdown)
  if (depth === undefined || depth > 2) return undefined
  const last = children.filter((child) => isWritten(profile, draft, child)).at(-1)?.id ?? group.id
  return extra.after === last ? undefined : `An extra section at this level stands after the whole group: anchor it after \`${last}\``
}

/** Depth of a heading that starts `markdown` (ATX or setext), if it starts with one. */
export function headingDepth(markdown: string): number | undefined {
  const atx = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(markdown)
  if (atx) return atx[1]!.length
  // A setext heading may run over several lines before its underline: only a parse tells.
  if (!/\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/.test(markdown)) return undefined
  const first = tryParse(markdown)?.children[0]
  return first?.type === 'heading' ? first.depth : undefined
}

function sectionProblems(profile: Profile, draft: DraftLike, section: SectionSpec): DraftProblem[] {
  const problems: DraftProblem[] = []
  const written = isWritten(profile, draft, section)
  const extras = anchorsOf(draft, section.id)
  const headed = (markdown: string): boolean => markdown.trimStart().startsWith('#')
  const plain = extras.filter((extra) => extra.markdown !== '' && !headed(extra.markdown))
  const parent = section.parent ? profile.sectionById.get(section.parent) : undefined
  if (parent && written && getPath(draft, parent.path) === undefined) {
    problems.push({path: parent.path.split('.'), message: `\`${parent.path}\` holds a section that is written (\`${section.id}\`): set it (\`{}\` when empty)`})
  }
  if (written && (section.kind === 'group' || section.kind === 'footer' || (section.kind === 'section' && ownsPath(section) && !singleBlock(section))) && getPath(draft, section.path) === undefined) {
    problems.push({path: section.path.split('.'), message: `\`${section.path}\` is written (it has content): set it (\`{}\` when empty)`})
  }
  if ((section.kind === 'group' || section.kind === 'footer') && extras.some((extra) => extra.after.endsWith(':heading'))) {
    problems.push({path: ['extra'], message: `Anchor content of \`${section.id}\` at \`${section.id}\`, not \`${section.id}:heading\``})
  }
  if (section.kind === 'footer' && getPath(draft, section.path) !== undefined && profile.keysOf(section.id).every((path) => path === section.path || getPath(draft, path) === undefined)) {
    problems.push({path: section.path.split('.'), message: 'The footer holds at least one of its fields'})
  }
  const single = singleBlock(section)
  if (single && written) {
    const value = getPath(draft, single.path)
    if (single.type === 'markdown' && extras.some((extra) => !headed(extra.markdown) || extra.after.endsWith(':heading'))) {
      problems.push({path: ['extra'], message: `\`${section.id}\` is free text: content after it starts with a heading`})
    }
    if (single.type !== 'table' && value === undefined && plain.length === 0) {
      problems.push({path: single.path.split('.'), message: `\`${single.path}\` is written (its section has content): set it (${single.type === 'markdown' ? '`""`' : '`[]`'} when empty)`})
    }
    if (single.type === 'list' && Array.isArray(value) && value.length === 0 && plain.length > 0) {
      problems.push({path: single.path.split('.'), message: `An empty \`${single.path}\` next to other content reads back as absent: leave it out`})
    }
    if (single.type !== 'markdown' && !(Array.isArray(value) && value.length > 0) && plain.some((extra) => extra.after === section.id)) {
      problems.push({path: ['extra'], message: `Nothing of \`${section.id}\` stands before this content: anchor it at \`${section.id}:heading\``})
    }
  }
  if (bodyOf(section).length > 0 && !single && section.kind !== 'footer') {
    const anyBlock = section.blocks.some((block) => blockPaths(block).some((path) => (section.kind === 'title' ? headerLineWritten(profile, draft, path) : getPath(draft, path) !== undefined)))
    if (!anyBlock && plain.some((extra) => extra.after === section.id)) {
      problems.push({path: ['extra'], message: `Nothing of \`${section.id}\` stands before this content: anchor it at \`${section.id}:heading\``})
    }
  }
  if (((section.kind === 'section' && !ownsPath(section)) || single?.type === 'table') && written) {
    // A sub-section whose fields live in its group (Why It Happened), or a table section: with
    // nothing under its heading, an empty extra is what keeps it, and only then.
    const nothing = plain.length === 0 && profile.keysOf(section.id).every((path) => getPath(draft, path) === undefined)
    if (nothing !== extras.some((extra) => extra.markdown === '')) {
      problems.push({path: ['extra'], message: nothing ? `\`${section.id}\` has nothing under its heading: keep it with an empty extra at \`${section.id}:heading\`` : `An empty extra keeps the heading of \`${section.id}\` only when nothing else of it is written`})
    }
  }
  for (const block of section.blocks) if (block.type === 'table') problems.push(...tableProblems(draft, block, section.id))
  for (const block of section.blocks) problems.push(...placeholderProblems(draft, block))
  return problems
}

/**
 * A list item or table cell holding its own placeholder (`{factor_2}` as the second item) is
 * unfilled: `null`, as the parser reads it.
 */
function placeholderProblems(draft: DraftLike, block: Block): DraftProblem[] {
  if (block.type !== 'list' && block.type !== 'listUnderLabel' && block.type !== 'table') return []
  const value = getPath(draft, block.path)
  if (!Array.isArray(value)) return []
  const problems: DraftProblem[] = []
  const path = block.path.split('.')
  value.forEach((item: unknown, index) => {
    if (block.type !== 'table') {
      if (item === itemPlaceholder(block.placeholders, index)) problems.push({path: [...path, index], message: `Item ${index + 1} is its placeholder (\`${item}\`): use null for an unfilled item`})
      return
    }
    if (item === null || typeof item !== 'object') return
    for (const column of block.columns) {
      const cell = (item as Record<string, unknown>)[column.key]
      if (cell === cellPlaceholder(column, index)) problems.push({path: [...path, index, column.key], message: `${column.header} of row ${index + 1} is its placeholder (\`${cell}\`): use null for an unfilled cell`})
    }
  })
  return problems
}

function tableProblems(draft: DraftLike, block: Extract<Block, {type: 'table'}>, id: SectionId): DraftProblem[] {
  const rows = getPath(draft, block.path)
  if (!Array.isArray(rows)) return []
  const problems: DraftProblem[] = []
  if (block.zonePath !== undefined && getPath(draft, block.zonePath) === undefined) {
    problems.push({path: block.zonePath.split('.'), message: `A table with times needs \`${block.zonePath}\` (\`UTC\` when the document names no zone)`})
  }
  const shape = (row: unknown): string =>
    block.columns
      .filter((column) => row !== null && typeof row === 'object' && (row as Record<string, unknown>)[column.key] !== undefined)
      .map((column) => column.key)
      .join(',')
  const first = shape(rows[0])
  rows.forEach((row, index) => {
    if (shape(row) !== first) problems.push({path: [...block.path.split('.'), index], message: `The rows of \`${id}\` have the same cells (the first has ${first || 'none'})`})
  })
  return problems
}

