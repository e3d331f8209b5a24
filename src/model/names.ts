import type {Profile} from '../profile/compile.js'
import {builtinProfile} from '../profile/builtin.js'
import {templateHeading} from '../profile/labels.js'
import type {SectionId} from '../profile/spec.js'
import {splitPath} from './paths.js'

/** A section heading as a document writes it: its words and its depth (`## Corrective actions`). */
export interface WrittenHeading {
  readonly text: string
  readonly depth: number
}

/** Section id → the heading a document wrote for it (a parsed document's `sections` give them). */
export type WrittenHeadings = ReadonlyMap<SectionId, WrittenHeading>

/** Options of `describePath`. */
export interface DescribeOptions {
  /**
   * The headings the document wrote for its sections: a section found in it is named as it is
   * written there (`## Corrective actions`), a section it lacks in the template's words.
   */
  readonly headings?: WrittenHeadings | undefined
  /** The template's profile (default: the built-in template's). */
  readonly profile?: Profile | undefined
}

/** A path's name: a field's bold label, a list's label, a zone's column header, or a section's heading. */
function nameOf(profile: Profile, path: string, headings: WrittenHeadings | undefined): string | undefined {
  const field = profile.fieldByPath.get(path)
  if (field) return `**${field.label}:**`
  const owner = profile.blockOfPath.get(path)
  if (owner?.block.type === 'listUnderLabel') return `**${owner.block.label}:**`
  const zoned = profile.tables.find(({block}) => block.zonePath === path)
  if (zoned) return `${zoned.block.columns.find((column: {key: string}) => column.key === zoned.block.zoneColumn)?.header ?? 'Time'} (UTC) column header`
  const section = profile.sections.find((candidate) => candidate.path === path && (candidate.heading !== null || candidate.kind === 'footer'))
  if (section?.kind === 'footer') return profile.roles.get('meetingDate') ? 'meeting footer' : 'footer'
  return section ? sectionHeading(profile, section.id, headings) : undefined
}

/**
 * A section's heading with its `#`s: as the document wrote it when `headings` has it
 * (`## Corrective actions`), else as the template writes it (`### Prevent Recurrence`).
 */
export function sectionHeading(profile: Profile, id: SectionId, headings?: WrittenHeadings): string {
  const written = headings?.get(id)
  if (written) return `${'#'.repeat(written.depth)} ${written.text}`
  const section = profile.sectionById.get(id)
  return section ? templateHeading(section) : id
}

/** A section's heading words without `#`s, as written or else the template's (`What Went Well`). */
export function sectionName(profile: Profile, id: SectionId, headings?: WrittenHeadings): string {
  return headings?.get(id)?.text ?? profile.sectionById.get(id)?.heading ?? id
}

/** A field's label as the template writes it, without bold or colon (`Story created`). */
export function fieldLabel(profile: Profile, path: string): string {
  return profile.fieldByPath.get(path)?.label ?? path
}

/** What a row of a table is called in messages: a timeline row, an action item. */
function rowNoun(profile: Profile, listPath: string): string {
  if (listPath === 'extra') return 'extra block'
  const owner = profile.blockOfPath.get(listPath)
  if (owner?.block.type !== 'table') return 'item'
  return owner.block.rows === 'task' ? 'action item' : 'timeline row'
}

/**
 * Name a field path in the template's words: `actionItems.improveDetection[1].owner` →
 * "Owner of action item 2 in `### Improve Detection`". With the document's `headings`, a
 * section is named as the document writes its heading ("… in `## Corrective actions`").
 */
export function describePath(path: string, options: DescribeOptions = {}): string {
  const {headings} = options
  const profile = options.profile ?? builtinProfile
  if (path === '') return 'the document'
  const direct = nameOf(profile, path, headings)
  if (direct) return `\`${direct}\``
  const keys = splitPath(path)
  // Rows and items: `timeline[2].time`, `wentWell[0]`, `actionItems.x[1].owner`.
  const indexAt = keys.findIndex((key) => typeof key === 'number')
  if (indexAt !== -1) {
    const listPath = keys.slice(0, indexAt).join('.')
    const index = keys[indexAt] as number
    const column = keys[indexAt + 1]
    const list = nameOf(profile, listPath, headings) ?? listPath
    const where = `${rowNoun(profile, listPath)} ${index + 1} in \`${list}\``
    const owner = profile.blockOfPath.get(listPath)
    const header = owner?.block.type === 'table' ? owner.block.columns.find((candidate: {key: string}) => candidate.key === column)?.header : undefined
    return header ? `${header} of ${where}` : where
  }
  // A checklist line's value and box are named by the line.
  const line = (suffix: string): string | undefined => (path.endsWith(suffix) && profile.blockOfPath.get(path.slice(0, -suffix.length))?.block.type === 'checklist' ? path.slice(0, -suffix.length) : undefined)
  const valueOf = line('.value')
  if (valueOf) return describePath(valueOf, options)
  const boxOf = line('.checked')
  if (boxOf) return `the box of ${describePath(boxOf, options)}`
  const parent = nameOf(profile, keys.slice(0, -1).join('.'), headings)
  return parent ? `\`${String(keys.at(-1))}\` of \`${parent}\`` : `\`${path}\``
}

/** Turn a zod-style path (`['rows', 2, 'time']`) into a field path (`rows[2].time`). */
export function joinPath(keys: readonly PropertyKey[]): string {
  let path = ''
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`
    else path += (path ? '.' : '') + String(key)
  }
  return path
}
