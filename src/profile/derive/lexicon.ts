/**
 * The words teams use: which labels bind a role (SPEC §9's lexicon: Date, Incident date, When;
 * Severity, Sev; Duration; Owner, Assignee, Who; Due; Status), and which section headings mean
 * the same thing (`Overview` for `Summary`, `Follow-up actions` for `Action items`), so a heading
 * a document renames is recognised and reported as renamed, not as one section missing and
 * another unknown.
 */
import {normalizeName} from '../../model/text.js'
import type {FieldRole} from '../spec.js'

/** Labels (normalised) that bind a field's role. */
const fieldRoles: readonly (readonly [FieldRole, readonly string[]])[] = [
  ['incidentDate', ['date', 'incident date', 'when', 'date of incident', 'incident day', 'day']],
  ['severity', ['severity', 'sev', 'incident severity', 'impact level', 'priority level']],
  ['duration', ['duration', 'incident duration', 'total duration', 'time to restore', 'time to recover', 'time to resolve', 'impact duration', 'how long', 'ttr']],
  ['author', ['author', 'authors', 'owner', 'postmortem owner', 'created by', 'written by', 'incident lead', 'incident commander', 'incident owner', 'lead']],
  ['title', ['title', 'incident title', 'incident name', 'incident', 'name']],
  ['id', ['id', 'incident id', 'ticket', 'jira', 'incident number']]
]

/** Column headers (or placeholder names) that bind a timeline's or an action item's role. */
const columnRoles: readonly (readonly [FieldRole, readonly string[]])[] = [
  ['timeline.time', ['time', 'timestamp', 'when', 'date and time', 'date time', 'datetime', 'hh mm']],
  ['timeline.event', ['event', 'events', 'what happened', 'description', 'what']],
  ['actionItems.action', ['action', 'action item', 'actions', 'item', 'task', 'follow up', 'followup', 'measure', 'corrective action', 'what we will change', 'summary', 'description', 'change']],
  ['actionItems.owner', ['owner', 'owners', 'assignee', 'who', 'responsible', 'name', 'driver', 'person']],
  ['actionItems.due', ['due', 'due date', 'deadline', 'due by', 'target date', 'eta', 'by when']],
  ['actionItems.status', ['status', 'state', 'open done', 'done']],
  ['actionItems.priority', ['priority', 'prio']]
]

/** Headings (normalised) of a timeline section and of an action items section. */
const timelineHeadings = ['timeline', 'timeline of events', 'incident timeline', 'detailed timeline', 'chain of events', 'events', 'key events']
const actionHeadings = [
  'action items',
  'actions',
  'follow ups',
  'followups',
  'follow up actions',
  'follow up items',
  'corrective actions',
  'corrective measures',
  'measures',
  'remediation',
  'remediations',
  'action plan',
  'next steps',
  'what we are changing',
  'preventive actions',
  'corrective and preventive actions'
]

/** Headings that mean the same section (normalised), each group one meaning. */
const headingGroups: readonly (readonly string[])[] = [
  ['summary', 'executive summary', 'issue summary', 'incident summary', 'overview', 'incident overview', 'tl dr', 'tldr', 'what happened', 'description'],
  ['impact', 'customer impact', 'user impact', 'business impact', 'who was affected', 'affected users', 'scope', 'impact and scope'],
  ['root cause', 'root causes', 'root cause analysis', 'cause', 'causes', 'why it happened', 'contributing factors', 'fault', 'technical cause'],
  ['trigger', 'triggers'],
  ['resolution', 'recovery', 'how we fixed it', 'mitigation', 'resolution and recovery', 'fix', 'remediation steps'],
  ['detection', 'how we found out', 'how it was detected'],
  ['timeline', 'timeline of events', 'incident timeline', 'detailed timeline', 'chain of events', 'key events'],
  ['what went well', 'went well', 'things that went well', 'what went right'],
  ['what went wrong', 'what went poorly', 'what did not go well', 'what could have gone better', 'what could have been better', 'went poorly', 'things that went wrong', 'what did not go so well'],
  ['where we got lucky', 'where did we get lucky', 'got lucky', 'where we were lucky', 'lucky'],
  ['lessons learned', 'lessons learnt', 'lessons', 'learnings', 'takeaways', 'key takeaways'],
  actionHeadings,
  ['five whys', 'whys', '5 whys'],
  ['communication', 'communications', 'customer communication', 'comms'],
  ['leadup', 'lead up', 'background']
]

function lookup(table: readonly (readonly [FieldRole, readonly string[]])[], text: string): FieldRole | undefined {
  const name = normalizeName(text)
  return table.find(([, names]) => names.includes(name))?.[0]
}

/** The role a field's label binds by name, if any. */
export function fieldRoleOf(label: string): FieldRole | undefined {
  return lookup(fieldRoles, label)
}

/** The role a column's header (or a row slot's name) binds by name, within a timeline or action items. */
export function columnRoleOf(header: string, within: 'timeline' | 'actionItems'): FieldRole | undefined {
  const role = lookup(columnRoles, header)
  return role?.startsWith(`${within}.`) ? role : undefined
}

/** Whether a heading names a timeline. */
export function isTimelineHeading(heading: string): boolean {
  return timelineHeadings.includes(normalizeName(heading))
}

/** Whether a heading names action items. */
export function isActionHeading(heading: string): boolean {
  return actionHeadings.includes(normalizeName(heading))
}

/** The other number of a short heading (`Root Causes` ↔ `Root Cause`, `Action item` ↔ `Action items`). */
function numberVariant(name: string): string | undefined {
  const words = name.split(' ')
  if (words.length > 3) return undefined
  const last = words.at(-1)!
  if (last.length < 4 || /(?:ss|us|is|ed|ly|ing|er|ll|y)$/.test(last) && !last.endsWith('ies')) return undefined
  const other = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.endsWith('s') ? last.slice(0, -1) : `${last}s`
  return [...words.slice(0, -1), other].join(' ')
}

/** Every heading the lexicon knows. */
const known = new Set(headingGroups.flat())

/**
 * Headings a document may write for a template's heading, which `heading-text` reports as
 * renamed: its group in the lexicon, its other number (`Root Cause` for `Root Causes`) and its
 * last words alone when the lexicon knows them (`Whys` for `Five whys`, `Measures` for
 * `Corrective measures`). `taken` holds the template's own headings (normalised), which never
 * mean another section.
 */
export function headingVariants(heading: string, taken: ReadonlySet<string>): string[] {
  const name = normalizeName(heading)
  const variants = new Set<string>()
  for (const group of headingGroups) if (group.includes(name)) for (const other of group) variants.add(other)
  const number = numberVariant(name)
  if (number) variants.add(number)
  const words = name.split(' ')
  for (let drop = 1; drop < words.length; drop++) {
    const tail = words.slice(drop).join(' ')
    if (known.has(tail)) for (const group of headingGroups) if (group.includes(tail)) for (const other of group) variants.add(other)
  }
  variants.delete(name)
  return [...variants].filter((variant) => !taken.has(variant))
}
