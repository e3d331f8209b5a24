import {splitPath} from './paths.js'
import {fields, sectionById, sections, type SectionId, type SectionSpec} from './sections.js'

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
}

/** Field path → its label as the template writes it, bold and with its colon (`**Date:**`). */
const fieldLabels = new Map<string, string>()
for (const {field} of fields) fieldLabels.set(field.path, `**${field.label}:**`)
fieldLabels.set('rootCause.contributingFactors', '**Contributing factors:**')
fieldLabels.set('timelineTimeZone', 'Time (UTC) column header')
fieldLabels.set('meeting', 'meeting footer')

/** Field path → its bare label (`Story created`), for messages that quote the label in a line. */
const bareLabels = new Map<string, string>(fields.map(({field}) => [field.path, field.label]))

/** Path → the section it names (`actionItems.preventRecurrence` → Prevent Recurrence). */
const sectionOfPath = new Map<string, SectionSpec>()
for (const section of sections) {
  if (section.heading && !fieldLabels.has(section.path) && !sectionOfPath.has(section.path)) sectionOfPath.set(section.path, section)
}

const columnNames: Record<string, string> = {
  time: 'Time',
  event: 'Event',
  who: 'Who',
  action: 'Action',
  owner: 'Owner',
  dueDate: 'Due Date',
  priority: 'Priority',
  status: 'Status'
}

/**
 * A section's heading with its `#`s: as the document wrote it when `headings` has it
 * (`## Corrective actions`), else as the template writes it (`### Prevent Recurrence`).
 */
export function sectionHeading(id: SectionId, headings?: WrittenHeadings): string {
  const written = headings?.get(id)
  if (written) return `${'#'.repeat(written.depth)} ${written.text}`
  const section = sectionById.get(id)
  return section ? `${'#'.repeat(section.depth)} ${section.heading ?? ''}` : id
}

/** A section's heading words without `#`s, as written or else the template's (`What Went Well`). */
export function sectionName(id: SectionId, headings?: WrittenHeadings): string {
  return headings?.get(id)?.text ?? sectionById.get(id)?.heading ?? id
}

/** A field's label as the template writes it, without bold or colon (`Story created`). */
export function fieldLabel(path: string): string {
  return bareLabels.get(path) ?? path
}

/** A path's name in backticks-free form: a field's bold label, or a section's heading. */
function nameOf(path: string, headings: WrittenHeadings | undefined): string | undefined {
  const label = fieldLabels.get(path)
  if (label) return label
  const section = sectionOfPath.get(path)
  return section ? sectionHeading(section.id, headings) : undefined
}

/**
 * Name a field path in the template's words: `actionItems.improveDetection[1].owner` →
 * "Owner of action item 2 in `### Improve Detection`". With the document's `headings`, a
 * section is named as the document writes its heading ("… in `## Corrective actions`").
 */
export function describePath(path: string, options: DescribeOptions = {}): string {
  const {headings} = options
  if (path === '') return 'the document'
  const direct = nameOf(path, headings)
  if (direct) return `\`${direct}\``
  const keys = splitPath(path)
  // Rows and items: `timeline[2].time`, `wentWell[0]`, `actionItems.x[1].owner`.
  const indexAt = keys.findIndex((key) => typeof key === 'number')
  if (indexAt !== -1) {
    const listPath = keys.slice(0, indexAt).join('.')
    const index = keys[indexAt] as number
    const column = keys[indexAt + 1]
    const list = nameOf(listPath, headings) ?? listPath
    const noun = listPath === 'timeline' ? 'timeline row' : listPath.startsWith('actionItems') ? 'action item' : listPath === 'extra' ? 'extra block' : 'item'
    const where = `${noun} ${index + 1} in \`${list}\``
    return typeof column === 'string' && columnNames[column] ? `${columnNames[column]} of ${where}` : where
  }
  if (path.startsWith('properFix.') && path.endsWith('.value')) return describePath(path.slice(0, -'.value'.length), options)
  if (path.startsWith('properFix.') && path.endsWith('.checked')) return `the box of ${describePath(path.slice(0, -'.checked'.length), options)}`
  const parent = nameOf(keys.slice(0, -1).join('.'), headings)
  return parent ? `\`${String(keys.at(-1))}\` of \`${parent}\`` : `\`${path}\``
}

/** Turn a zod-style path (`['timeline', 2, 'time']`) into a field path (`timeline[2].time`). */
export function joinPath(keys: readonly PropertyKey[]): string {
  let path = ''
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`
    else path += (path ? '.' : '') + String(key)
  }
  return path
}
