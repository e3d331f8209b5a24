/**
 * The wording of every defect, in one table: message id → a function of the finding's data.
 * Rules and `validate` report a message id and its data (as ESLint's `messageId` and `data`),
 * and the engine words them here, so the same defect reads the same whichever reports it.
 * Values in backticks; "Unexpected X, expected Y" where something is there, "Missing X" or
 * "Empty X" where it is not. Fields and sections are named at wording time: a section the
 * document has by the heading it wrote (`## Corrective actions`), one it lacks in the
 * template's words.
 */
import {dateNotation, dateShape, isoNotation} from '../model/dates.js'
import type {FindingData} from '../model/finding.js'
import {describePath, fieldLabel, sectionHeading, sectionName, type WrittenHeadings} from '../model/names.js'
import type {Profile} from '../profile/compile.js'
import type {Block, SectionId} from '../profile/spec.js'

/** A value in backticks for a message; a backtick inside gets a longer fence. */
export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`'
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${value}${pad}${fence}`
}

/** `a`, `a or b`, `a, b or c` with every value in backticks. */
export function oneOf(values: readonly string[]): string {
  const shown = values.map(code)
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`
}

/** How a message names what its data points at: in the document's words where it has them. */
interface Names {
  readonly profile: Profile
  /** The same names in the template's words, for what the document lacks. */
  readonly template: Omit<Names, 'template'>
  /** A field path as `describePath` names it (`Owner of action item 2 in \`## Corrective actions\``). */
  field(path: string): string
  /** A section's heading with its `#`s (`## Corrective actions`). */
  heading(id: string): string
  /** A section's heading words (`What Went Well`). */
  name(id: string): string
  /** The table a table path names: "the `### Prevent Recurrence` table". */
  table(path: string): string
}

function namesFor(profile: Profile, headings: WrittenHeadings | undefined): Names {
  const names = (written: WrittenHeadings | undefined): Omit<Names, 'template'> => ({
    profile,
    field: (path) => describePath(path, {headings: written, profile}),
    heading: (id) => sectionHeading(profile, id as SectionId, written),
    name: (id) => sectionName(profile, id as SectionId, written),
    table(path) {
      const section = profile.tables.find(({block}) => block.path === path)?.section
      return section ? `the \`${sectionHeading(profile, section.id, written)}\` table` : `the \`${path}\` table`
    }
  })
  return {...names(headings), template: names(undefined)}
}

/** The title's id as messages name it (`hotfix id` after `HOTFIX-`) and the title's text up to it. */
function titleId(profile: Profile): {name: string; lead: string} {
  const title = profile.title
  const prefix = title?.id?.prefix ?? ''
  let end = prefix.length
  while (end > 0 && '-_:# \t'.includes(prefix[end - 1]!)) end--
  const name = `${prefix.slice(0, end).toLowerCase() || 'title'} id`
  const lead = title?.id ? title.text.slice(0, title.text.indexOf(title.id.placeholder)) : (title?.text ?? '')
  return {name, lead}
}

/** The data of a message that needs none. */
type NoData = Readonly<Record<string, never>>

/**
 * Every message, by id. Data holds field paths (`field`, `table`), section ids (`section`) and
 * the values written and expected; names are given at wording time by `names`.
 */
const table = {
  // Placeholders and empty values (`no-placeholder`, `empty-field`).
  placeholder: (data: {text: string}): string => `Unexpected placeholder ${code(data.text)}, expected it filled in`,
  emptyValue: (data: {field: string}, names: Names): string => `Empty ${names.field(data.field)}, expected a value`,
  emptyList: (data: {field: string}, names: Names): string => `Empty ${names.field(data.field)}, expected at least one item`,
  emptyItem: (data: {field: string}, names: Names): string => `Empty ${names.field(data.field)}, expected text or the item removed`,
  emptyTable: (data: {field: string}, names: Names): string => `Empty ${names.field(data.field)} table, expected at least one row`,
  emptyRow: (data: {table: string; row: number}, names: Names): string =>
    `Empty row ${data.row} in the ${names.field(data.table)} table, expected its cells filled or the row removed`,
  emptySection: (data: {section: string}, names: Names): string => `Empty section \`${names.heading(data.section)}\`, expected its content under the heading`,
  emptyHotfixId: (_data: NoData, names: Names): string => {
    const {name, lead} = titleId(names.profile)
    return `Unexpected title without a ${name}, expected \`# ${lead}\` and the id`
  },

  // What the document lacks (`missing-section`, `missing-field`, `table-shape`, `no-action-items`):
  // sections it lacks are named in the template's words.
  missingSection: (data: {section: string}, names: Names): string => `Missing section \`${names.template.heading(data.section)}\``,
  missingTitle: (data: {section: string}, names: Names): string => `Missing the title \`${names.template.heading(data.section)}\``,
  missingFooter: (_data: NoData, names: Names): string => {
    const footer = names.profile.footerSection
    const labels = names.profile.footerFields.map((field) => `\`**${field.label}:**\``)
    const rule = footer?.blocks[0]?.type === 'rule' ? '`---` then ' : ''
    return `Missing the ${names.template.field(footer?.path ?? '').replace(/`/g, '')} (${rule}${labels.join(', ')})`
  },
  missingHotfixId: (_data: NoData, names: Names): string => {
    const {name, lead} = titleId(names.profile)
    return `Missing the ${name} in the title, expected \`# ${lead}\` and the id`
  },
  missingField: (data: {field: string}, names: Names): string => `Missing field ${names.template.field(data.field)}`,
  missingChecklistLine: (data: {field: string}, names: Names): string => `Missing checklist line \`- [ ] ${fieldLabel(names.profile, data.field)}: …\``,
  missingLabeledList: (data: {field: string}, names: Names): string => `Missing ${names.template.field(data.field)} and its list`,
  missingList: (_data: {field: string}): string => 'Missing the list of items',
  missingText: (_data: {field: string}): string => 'Missing the section text',
  missingTable: (_data: {field: string}): string => 'Missing the table',
  missingRule: (_data: {field: string}): string => 'Missing `---`',
  missingKey: (data: {field: string}): string => `Missing ${data.field}`,
  missingColumns: (data: {table: string; missing: readonly string[]; expected: readonly string[]}, names: Names): string =>
    `Missing ${data.missing.length === 1 ? 'column' : 'columns'} ${data.missing.map(code).join(', ')} in ${names.table(data.table)}, expected ${data.expected.map(code).join(', ')}`,
  noActionItems: (data: {sections: readonly string[]}, names: Names): string =>
    `Missing action items: ${data.sections.map((id) => `\`${names.heading(id)}\``).join(', ')} are all empty, expected at least one row`,

  // Values outside what the field takes (`severity`, `priority`, `status`, `hotfix-choice`, the formats).
  unexpectedValue: (data: {field: string; value: string; expected: readonly string[]}, names: Names): string =>
    `Unexpected ${code(data.value)} for ${names.field(data.field)}, expected ${oneOf(data.expected)}`,
  unresolvedChoice: (data: {field: string; value: string; expected: readonly string[]}, names: Names): string =>
    `Unexpected unresolved choice ${code(data.value)} for ${names.field(data.field)}, expected ${oneOf(data.expected)}`,
  dateFormat: (data: {field: string; value: string; format?: string}, names: Names): string =>
    `Unexpected ${code(data.value)} for ${names.field(data.field)}, expected a date written ${code(data.format ?? isoNotation)}`,
  noSuchDate: (data: {field: string; value: string}, names: Names): string =>
    `Unexpected ${code(data.value)} for ${names.field(data.field)}, expected a real calendar date (there is no such day)`,
  durationFormat: (data: {field: string; value: string}, names: Names): string =>
    `Unexpected ${code(data.value)} for ${names.field(data.field)}, expected whole minutes (\`N minutes\`)`,
  durationText: (data: {field: string; value: string}, names: Names): string =>
    `Unexpected ${code(data.value)} for ${names.field(data.field)}, expected a duration such as \`1h 20m\` or \`80 minutes\``,
  timeFormat: (data: {field: string; value: string}, names: Names): string =>
    `Unexpected ${code(data.value)} for ${names.field(data.field)}, expected \`HH:MM\`, \`HH:MM:SS\`, a 12-hour time such as \`2:54 PM\` or an ISO date-time`,
  lineBreak: (data: {field: string}, names: Names): string => `Unexpected line break in ${names.field(data.field)}, expected one line`,
  properFixOpen: (data: {field: string; checked: boolean; filled: boolean; when?: string}, names: Names): string => {
    const problems = [...(data.checked ? [] : ['unchecked']), ...(data.filled ? [] : ['unfilled'])]
    const expected = !data.filled ? (data.checked ? 'a value' : 'a value and a ticked box (`- [x]`)') : 'a ticked box (`- [x]`)'
    const when = data.when ?? requiredWhen(names.profile, data.field) ?? 'the choice made'
    return `Unexpected ${problems.join(' and ')} \`${fieldLabel(names.profile, data.field)}:\` for a ${when.toLowerCase()}, expected ${expected}`
  },

  // Values that disagree with each other or with today (`due-date`, `meeting-date`, …).
  beforeIncident: (data: {field: string; value: string; incident: string}, names: Names): string =>
    `Unexpected ${code(data.value)} for ${names.field(data.field)}, expected a date on or after the incident date ${code(data.incident)}`,
  futureDate: (data: {field: string; value: string; today: string}, names: Names): string =>
    `Unexpected ${code(data.value)} for ${names.field(data.field)}, expected a date on or before today (${code(data.today)})`,
  overdue: (data: {item: string; status?: string; due: string; today: string; closed: readonly string[]}, names: Names): string =>
    `Unexpected ${data.status === undefined ? 'no status' : `status ${code(data.status)}`} for ${names.field(data.item)} due ${code(data.due)}, expected ${oneOf(data.closed)} by now (${code(data.today)}), or a later Due Date`,
  durationMismatch: (data: {field: string; value: string; expected: number; first: string; last: string}, names: Names): string =>
    `Unexpected ${code(data.value)} minutes for ${names.field(data.field)}, expected about ${code(String(data.expected))}, the span of the timeline (${code(data.first)} to ${code(data.last)})`,
  timelineOrder: (data: {field: string; value: string; previous: string}, names: Names): string =>
    `Unexpected ${code(data.value)} in ${names.field(data.field)}, expected a time at or after ${code(data.previous)} of the row above`,

  // Sections and tables as written (`heading-text`, `section-order`, `duplicate-section`, …).
  headingText: (data: {section: string; heading: string; expected: string}): string => `Unexpected heading \`${data.heading}\`, expected \`${data.expected}\``,
  sectionAfter: (data: {section: string; other: string}, names: Names): string => `Unexpected \`${names.name(data.section)}\` after \`${names.name(data.other)}\`, expected it before`,
  sectionBefore: (data: {section: string; other: string}, names: Names): string => `Unexpected \`${names.name(data.section)}\` before \`${names.name(data.other)}\`, expected it after`,
  sectionOutOfOrder: (data: {section: string}, names: Names): string => `Unexpected \`${names.name(data.section)}\` here`,
  duplicateSection: (data: {section: string}, names: Names): string => `Unexpected second \`${names.name(data.section)}\` section, expected it once`,
  unknownSection: (data: {heading: string}): string => `Unexpected section \`${data.heading}\`, the template has no such section (kept as is)`,
  listMarker: (data: {field: string; section: string; written: string; expected: string}, names: Names): string =>
    `Unexpected list marker ${code(markerText(data.written))} in \`${names.heading(data.section)}\`, expected ${code(markerText(data.expected))} as the template writes it`,
  fieldAsHeading: (data: {field: string; heading: string}, names: Names): string =>
    `Unexpected heading ${code(data.heading)}, expected the line ${code(`${fieldLabel(names.profile, data.field)}: …`)} as the template writes it`,
  templateText: (data: {section: string; text: string}, names: Names): string =>
    `Unexpected template text ${code(data.text)} in \`${names.heading(data.section)}\`, expected your own words in its place`,
  unexpectedColumn: (data: {table: string; column: string; expected: readonly string[]}, names: Names): string =>
    `Unexpected column ${code(data.column || ' ')} in ${names.table(data.table)}, expected ${oneOf(data.expected)}`,
  rowCells: (data: {table: string; row: number; count: number; expected: number}, names: Names): string =>
    `Unexpected ${data.count} ${data.count === 1 ? 'cell' : 'cells'} in row ${data.row} of ${names.table(data.table)}, expected ${data.expected}, one per column`,

  // The engine's own findings.
  schemaIssue: (data: {field: string; issue: string}): string => `${data.issue} (${data.field})`,
  ruleFailed: (data: {rule: string; error: string}): string => `Rule \`${data.rule}\` failed: ${data.error}; please report it`,
  unknownRuleComment: (data: {reason: string}): string => `${data.reason}; check the rule id in the comment`,
  notUtf8: (data: {line: number; column: number}): string =>
    `The file is not valid UTF-8 (the byte at line ${data.line}, column ${data.column} is not part of a UTF-8 character); save it as UTF-8 to have it linted`
} satisfies Record<string, (data: never, names: Names) => string>

/** A list marker as a reader sees it: `-`, `*`, `+`, or `1.` and `1)` for numbered lists. */
function markerText(marker: string): string {
  return marker === '.' || marker === ')' ? `1${marker}` : marker
}

/** The id of a message of the table (`placeholder`, `unexpectedValue`, …). */
export type MessageId = keyof typeof table

/** The data a message takes. */
export type MessageData<Id extends MessageId> = Parameters<(typeof table)[Id]>[0]

/** A defect said as data: a message id and its data, not yet worded. */
export type Message = {readonly [Id in MessageId]: {readonly messageId: Id; readonly data: MessageData<Id>}}[MessageId]

/** Every message id, in the table's order. */
export const messageIds: readonly MessageId[] = Object.keys(table) as MessageId[]

/** Say a defect: `say('unexpectedValue', {field: 'severity', value: 'High', expected: ['P0', 'P1', 'P2']})`. */
export function say<Id extends MessageId>(messageId: Id, data: MessageData<Id>): Message {
  return {messageId, data} as Message
}

/**
 * Word a message: sections the document has named by the `headings` it wrote, every other name
 * in the template's words.
 */
export function wordMessage(message: Message, profile: Profile, headings?: WrittenHeadings): string {
  const word = table[message.messageId] as (data: Message['data'], names: Names) => string
  return word(message.data, namesFor(profile, headings))
}

/** The choice a checklist line is required for (`Temporary workaround`). */
function requiredWhen(profile: Profile, path: string): string | undefined {
  const owner = profile.blockOfPath.get(path)
  return owner?.block.type === 'checklist' ? owner.block.requiredWhen?.value : undefined
}

/**
 * A message with its wording, as a finding carries them. Every message's data is JSON (a type
 * test checks it), so the finding survives worker threads and the cache as it is.
 */
export function worded(message: Message, profile: Profile, headings?: WrittenHeadings): {messageId: MessageId; data: FindingData; message: string} {
  return {messageId: message.messageId, data: message.data as FindingData, message: wordMessage(message, profile, headings)}
}

/** `missingSection`, `missingTitle` or `missingFooter`, for a section the document lacks. */
export function missingSectionMessage(profile: Profile, id: SectionId): Message {
  const section = profile.sectionById.get(id)
  if (section?.kind === 'footer') return say('missingFooter', {})
  if (section?.kind === 'title') return say('missingTitle', {section: id})
  return say('missingSection', {section: id})
}

/**
 * The date message for a value that is not a real date written in `format` (the field's or
 * column's notation; default ISO `YYYY-MM-DD`): `noSuchDate` when it is written in the notation
 * but the calendar has no such day (`2026-02-30`, `31-04-2026`), else `dateFormat`, which names
 * the notation when it is not ISO.
 */
export function dateMessage(field: string, value: string, format?: string): Message {
  const notation = dateNotation(format)
  if (dateShape(value, notation) === 'noSuchDay') return say('noSuchDate', {field, value})
  return say('dateFormat', notation === isoNotation ? {field, value} : {field, value, format: notation})
}

/** What a section lacks when it lacks the field at `path` of its `block` (`Missing field …`). */
export function missingFieldMessage(block: Block, path: string): Message {
  switch (block.type) {
    case 'fieldLines':
    case 'fieldList':
    case 'fieldParagraph':
    case 'fieldTable':
    case 'patternLine':
    case 'headingFields':
    case 'checklist': {
      const fields = block.type === 'fieldParagraph' ? [block.field] : block.fields
      // `properFix.storyCreated.value` is the value of the `properFix.storyCreated` line.
      const field = fields.find((candidate) => path === candidate.path || path.startsWith(`${candidate.path}.`))?.path ?? path
      return block.type === 'checklist' ? say('missingChecklistLine', {field}) : say('missingField', {field})
    }
    case 'listUnderLabel':
      return say('missingLabeledList', {field: block.path})
    case 'list':
      return say('missingList', {field: block.path})
    case 'markdown':
      return say('missingText', {field: block.path})
    case 'table':
      return say('missingTable', {field: block.path})
    case 'rule':
      return say('missingRule', {field: path})
  }
}
