/**
 * What a postmortem says about its incident, read by role whatever its template calls things:
 * its title, date (ISO `YYYY-MM-DD`, whatever notation the template writes), severity, duration in
 * minutes, the timeline's zone and entries, and its action items with who owns them. `actions`,
 * `stats` and the report read these; a role the template does not bind reads as `null`.
 */
import type {Profile} from '../profile/compile.js'
import type {FieldRole} from '../profile/spec.js'
import {actionItemsOf, dueIsoDate, isOpen, ownerNames, ownersOf, peopleNames, type People} from './action-items.js'
import {isoDate} from './dates.js'
import {durationMinutes} from './durations.js'
import {getPath} from './paths.js'
import {roleNotation, roleText, timelineOf} from './roles.js'
import {isPlaceholder} from './text.js'
import {zoneOfLine} from './zones.js'

/** One action item, by role. */
export interface ActionFact {
  readonly action: string | null
  readonly owner: string | null
  /** ISO `YYYY-MM-DD` when the due date is a real date in its column's notation, else as written. */
  readonly due: string | null
  readonly open: boolean
}

/** What a postmortem's header and timeline say about its incident. */
export interface IncidentSummary {
  readonly title: string | null
  /** ISO `YYYY-MM-DD`; `null` when unwritten or not a real date in the template's notation. */
  readonly incidentDate: string | null
  readonly severity: string | null
  readonly durationMinutes: number | null
  readonly timeZone: string | null
  /** Timeline entries with a time written. */
  readonly timelineEntries: number
}

/** What a postmortem says about its incident, its action items included. */
export interface IncidentFacts extends IncidentSummary {
  readonly actionItems: readonly ActionFact[]
  /** The owners of open action items, each once, in order of appearance. */
  readonly owners: readonly string[]
}

/** Options: one name for each person and the other ways documents write it (`{"Grace Liu": ["@grace"]}`). */
export interface FactsOptions {
  readonly people?: People
}

/** What a draft's header and timeline say about its incident, read through the profile's roles. */
export function incidentSummary(draft: object, profile: Profile): IncidentSummary {
  const titlePath = profile.title?.textPath
  const titleText = titlePath === undefined ? undefined : getPath(draft, titlePath)
  const written = roleText(profile, draft, 'incidentDate')?.trim()
  const duration = roleText(profile, draft, 'duration') ?? firstCell(draft, profile, 'duration')
  const timeline = timelineOf(profile)
  const rows = timeline ? getPath(draft, timeline.block.path) : undefined
  const timed = (row: unknown): boolean => timeline !== undefined && row !== null && typeof row === 'object' && typeof (row as Record<string, unknown>)[timeline.time.key] === 'string'
  return {
    title: roleText(profile, draft, 'title') ?? (typeof titleText === 'string' && titleText !== '' ? titleText : null),
    incidentDate: (written === undefined ? undefined : isoDate(written, roleNotation(profile, 'incidentDate'))) ?? null,
    severity: roleText(profile, draft, 'severity')?.trim() ?? null,
    durationMinutes: (duration === undefined ? undefined : durationMinutes(duration)) ?? null,
    timeZone: zoneOf(draft, profile) ?? null,
    timelineEntries: Array.isArray(rows) ? rows.filter(timed).length : 0
  }
}

/** What a draft says about its incident, its action items with their owners included. */
export function incidentFacts(draft: object, profile: Profile, options: FactsOptions = {}): IncidentFacts {
  const personName = peopleNames(options.people)
  const actionItems = actionItemsOf(draft, profile).map(({item, closed, dueFormat}): ActionFact => ({
    action: item.action ?? null,
    owner: ownersOf(item.owner ?? null, personName).owner,
    due: dueIsoDate(item, dueFormat) ?? item.dueDate ?? null,
    open: isOpen(item, closed)
  }))
  const owners: string[] = []
  for (const item of actionItems) {
    if (item.open && item.owner !== null && ownerNames(item.owner).length > 0 && !owners.includes(item.owner)) owners.push(item.owner)
  }
  return {...incidentSummary(draft, profile), actionItems, owners}
}

/**
 * The timeline's zone: its field (or the template's own zone when the document keeps it, as in
 * `## Timeline (times in BST)`), a table's zone header, or a line under the timeline's heading
 * kept as written (`All times UTC.`).
 */
function zoneOf(draft: object, profile: Profile): string | undefined {
  const binding = profile.roles.get('timeline.zone')
  if (binding?.kind === 'field') {
    const value = getPath(draft, binding.path)
    if (typeof value === 'string' && value !== '') return value
    const own = binding.field.placeholder
    if (value === null && own !== '' && !isPlaceholder(own, profile.spec.placeholders ?? ['braces'])) return own
  }
  const timeline = timelineOf(profile)
  const tables = [...profile.tables].sort((a, b) => Number(b.block === timeline?.block) - Number(a.block === timeline?.block))
  for (const {block} of tables) {
    const value = block.zonePath === undefined ? undefined : getPath(draft, block.zonePath)
    if (typeof value === 'string' && value !== '') return value
  }
  const section = timeline ? profile.tables.find(({block}) => block === timeline.block)?.section : undefined
  const extras = (draft as {extra?: readonly {after: string; markdown: string}[]}).extra ?? []
  for (const extra of extras) {
    if (section === undefined || extra.after !== `${section.id}:heading`) continue
    const zone = zoneOfLine(extra.markdown.split('\n')[0]!)
    if (zone) return zone
  }
  return undefined
}

/** The first row's cell of a column a role is bound to (`| Duration |` of a one-row Impact table). */
function firstCell(draft: object, profile: Profile, role: FieldRole): string | undefined {
  const binding = profile.roles.get(role)
  if (binding?.kind !== 'column') return undefined
  const rows = getPath(draft, binding.block.path)
  const first: unknown = Array.isArray(rows) ? rows[0] : undefined
  const value = first !== null && typeof first === 'object' ? (first as Record<string, unknown>)[binding.column.key] : undefined
  return typeof value === 'string' && value !== '' ? value : undefined
}
