/**
 * Where a rewrite that `format` refuses would first change a document, so the refusal points at
 * a line the user can look at: the first field (in document order) whose value the rewrite would
 * read differently, the line it stands on, and the heading of its section as the document writes
 * it. Browser-safe.
 */
import type {Heading} from 'mdast'
import type {PostmortemDocument} from './parse/document.js'
import type {Profile} from './profile/compile.js'

/** A draft as this module reads it: its front matter and extras, the rest by path. */
type Draft = {readonly frontMatter?: string; readonly extra?: readonly {readonly after: string; readonly markdown: string}[]}

/** A field that reads differently, and where it stands in the input (when known). */
export interface ChangedField {
  /** Field path, e.g. `actionItems.improveDetection[1].owner` or `extra[3].after`. */
  readonly path: string
  /** 1-based line of the input where the field stands. */
  readonly line?: number
}

/**
 * Every value of a draft, keyed by the path of the leaf that holds it (`timeline[2].time`,
 * `extra[0].markdown`), in the draft's own order. Empty arrays and objects are leaves too, so a
 * list read as empty differs from one that is absent.
 */
export function draftLeaves(draft: object): Map<string, unknown> {
  const out = new Map<string, unknown>()
  const stack: [string, unknown][] = [['', draft]]
  while (stack.length > 0) {
    const [path, value] = stack.pop()!
    if (value === null || typeof value !== 'object') {
      out.set(path, value)
      continue
    }
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index): [string, unknown] => [`${path}[${index}]`, item])
      : Object.entries(value).map(([key, item]): [string, unknown] => [path === '' ? key : `${path}.${key}`, item])
    if (entries.length === 0 && path !== '') out.set(path, Array.isArray(value) ? '[]' : '{}')
    for (let index = entries.length - 1; index >= 0; index--) stack.push(entries[index]!)
  }
  return out
}

/**
 * The 1-based line of `document` where the value at `path` stands: its own position, or its
 * nearest enclosing field's (`timeline[2].time` → `timeline[2]` → `timeline`); an extra block
 * where its Markdown stands; otherwise the heading of the section that holds the field.
 */
export function lineOfPath(document: PostmortemDocument, path: string): number | undefined {
  const extra = /^extra\[(\d+)\]/.exec(path)
  if (extra) return extraLine(document, Number(extra[1]))
  // Front matter opens the document.
  if (path === 'frontMatter' && (document.draft as Draft).frontMatter !== undefined) return 1
  for (let prefix = path; prefix !== ''; prefix = parentPath(prefix)) {
    const span = document.fields.get(prefix)?.span
    if (span) return span.start.line
  }
  const section = sectionOfPath(document.profile, path)
  return section === undefined ? undefined : document.sections.find((occurrence) => occurrence.id === section)?.span.start.line
}

/**
 * The first field, in the order the input writes them, whose value differs between the
 * document's draft and `other` (a reading of the rewrite), or `undefined` when they agree.
 * Fields the input does not place come after the placed ones, in the draft's order.
 */
export function firstChangedField(document: PostmortemDocument, other: object): ChangedField | undefined {
  const before = draftLeaves(document.draft)
  const after = draftLeaves(other)
  const changed: string[] = []
  for (const [path, value] of before) if (!after.has(path) || !Object.is(after.get(path), value)) changed.push(path)
  for (const path of after.keys()) if (!before.has(path)) changed.push(path)
  let first: ChangedField | undefined
  for (const path of changed) {
    const line = lineOfPath(document, path)
    if (first === undefined || (line !== undefined && (first.line === undefined || line < first.line))) first = line === undefined ? {path} : {path, line}
  }
  return first
}

/**
 * The heading of the section holding `line`, as the document writes it (its first line, e.g.
 * `## Corrective actions`), or `undefined` above the first heading.
 */
export function headingAt(document: PostmortemDocument, line: number): string | undefined {
  let found: Heading | undefined
  for (const node of document.tree.children) {
    if (!node.position || node.position.start.line > line) break
    if (node.type === 'heading') found = node
  }
  if (!found?.position) return undefined
  const text = document.source.text.slice(found.position.start.offset, found.position.end.offset)
  const first = text.split('\n', 1)[0]!.trim()
  return first.length > 120 ? `${first.slice(0, 119)}…` : first
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))
  return cut <= 0 ? '' : path.slice(0, cut)
}

/** Line of the `index`th extra block: where its Markdown stands in the source (the nth copy, for repeated blocks). */
function extraLine(document: PostmortemDocument, index: number): number | undefined {
  const extras = (document.draft as Draft).extra ?? []
  const block = extras[index]
  if (block === undefined || block.markdown === '') return undefined
  let copy = 0
  for (let earlier = 0; earlier < index; earlier++) if (extras[earlier]!.markdown === block.markdown) copy++
  const text = document.source.text
  let at = text.indexOf(block.markdown)
  while (at !== -1 && copy > 0) {
    at = text.indexOf(block.markdown, at + 1)
    copy--
  }
  return at === -1 ? undefined : document.source.point(at).line
}

/** The template section whose content holds `path` (`timelineTimeZone` → `timeline`): the longest path that encloses it. */
function sectionOfPath(profile: Profile, path: string): string | undefined {
  const field = profile.tables.find(({block}) => block.zonePath === path)?.block.path ?? path
  const encloses = (outer: string): boolean => outer !== '' && (field === outer || field.startsWith(`${outer}.`) || field.startsWith(`${outer}[`))
  let best: {id: string; length: number} | undefined
  for (const {section, field: spec} of profile.fields) if (encloses(spec.path) && spec.path.length > (best?.length ?? -1)) best = {id: section, length: spec.path.length}
  for (const spec of profile.sections) if (encloses(spec.path) && spec.path.length > (best?.length ?? -1)) best = {id: spec.id, length: spec.path.length}
  return best?.id
}

/**
 * The path of the innermost field of `document` whose source spans `offset` (an extra block
 * counts as `extra[i]`), or `undefined` when no field does.
 */
export function pathAtOffset(document: PostmortemDocument, offset: number): string | undefined {
  let best: {path: string; size: number} | undefined
  for (const [path, {span}] of document.fields) {
    const size = span.end.offset - span.start.offset
    if (span.start.offset <= offset && offset <= span.end.offset && (best === undefined || size < best.size)) best = {path, size}
  }
  const text = document.source.text
  let from = 0
  for (const [index, block] of ((document.draft as Draft).extra ?? []).entries()) {
    if (block.markdown === '') continue
    const at = text.indexOf(block.markdown, from)
    if (at === -1) continue
    from = at + block.markdown.length
    if (at <= offset && offset <= from && (best === undefined || block.markdown.length < best.size)) best = {path: `extra[${index}]`, size: block.markdown.length}
  }
  return best?.path
}
