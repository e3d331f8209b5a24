/**
 * Validation: a draft to a complete `Postmortem`, or the findings that prevent it. Each schema
 * issue becomes the finding of the rule that reports the same defect, with that rule's message
 * id and data (`lint/messages.ts`), so a defect reads the same from `validate` and from `lint`.
 */
import {dateMessage, missingFieldMessage, missingSectionMessage, say, worded, type Message} from '../lint/messages.js'
import {firstOccurrences, nextPresentSpan, sectionAnchor, writtenHeadings} from '../lint/rules/presence.js'
import {emptySections, missingColumns} from '../lint/rules/shared.js'
import {finding, type Finding, type Span} from '../model/finding.js'
import {joinPath} from '../model/names.js'
import {getPath} from '../model/paths.js'
import {isWritten} from '../model/presence.js'
import {hotfixKinds, priorities, PostmortemSchema, severities, statuses, type Postmortem, type PostmortemDraft} from '../model/schema.js'
import {blockPaths, fields as fieldTable, sectionById, sections, type Block, type SectionSpec} from '../model/sections.js'
import {findPlaceholders, isPlaceholder} from '../model/text.js'
import type {PostmortemDocument} from '../parse/document.js'
import {spanForPath} from '../parse/positions.js'

/** The outcome of `validate`: a complete postmortem, or what prevents it. */
export type ValidateResult = {ok: true; postmortem: Postmortem} | {ok: false; issues: Finding[]}

/**
 * Turn a draft into a complete `Postmortem` (typed: integer minutes, real dates, enums) or list
 * the issues that prevent it, each with its field path. A draft carries no positions: to have
 * each issue's line and column, validate the parsed document (`validateDocument`).
 */
export function validate(draft: PostmortemDraft): ValidateResult {
  return check(draft, undefined)
}

/**
 * Validate a parsed document's draft: the issues of `validate`, each at the line and column of
 * the field it is about (or of the nearest thing present).
 */
export function validateDocument(document: PostmortemDocument): ValidateResult {
  return check(document.draft, document)
}

const typeOfPath = new Map(fieldTable.map(({field}) => [field.path, field.type]))

/** The action item sections, all empty in a `no-action-items` finding. */
const actionSections = sections.filter((section) => section.parent === 'actionItems').map((section) => section.id)

/** The section and block of the template that hold a path (`actionItems.x[1].owner` → the table). */
const blockOfPath = new Map<string, {section: SectionSpec; block: Block}>()
for (const section of sections) {
  for (const block of section.blocks) {
    for (const path of blockPaths(block)) blockOfPath.set(path, {section, block})
  }
}

function check(draft: PostmortemDraft, document: PostmortemDocument | undefined): ValidateResult {
  const candidate = {
    ...draft,
    durationMinutes: typeof draft.durationMinutes === 'string' && /^\d+$/.test(draft.durationMinutes) ? Number(draft.durationMinutes) : draft.durationMinutes
  }
  const result = PostmortemSchema.safeParse(candidate)
  if (result.success) return {ok: true, postmortem: result.data}
  const issues: Finding[] = []
  const seen = new Set<string>()
  // A section the document has is named as it wrote its heading, as `lint` names it.
  const headings = document ? writtenHeadings(document) : undefined
  for (const issue of result.error.issues) {
    const path = joinPath(issue.path)
    const found = classify(draft, document, path, getPath(candidate, path), issue.message)
    const said = worded(found.message, headings)
    const key = `${found.ruleId}\u0000${found.path}\u0000${said.message}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(finding(found.ruleId, 'error', said, found.path, found.span ?? (document ? spanForPath(document, found.path) : undefined)))
  }
  return {ok: false, issues}
}

interface Classified {
  readonly ruleId: string
  readonly message: Message
  readonly path: string
  readonly span?: Span | undefined
}

/** Which rule reports the defect behind a schema issue, in that rule's words and place. */
function classify(draft: PostmortemDraft, document: PostmortemDocument | undefined, path: string, value: unknown, zodMessage: string): Classified {
  const info = document?.fields.get(path)
  if (path === 'actionItems' && value !== undefined) {
    const heading = document?.sections.find((occurrence) => occurrence.id === 'actionItems')
    return {ruleId: 'no-action-items', message: say('noActionItems', {sections: actionSections}), path, span: heading?.span}
  }
  const checklist = /^properFix\.(storyCreated|scheduledFor|description)$/.exec(path)
  if (checklist && draft.properFix?.hotfixWas === 'Temporary workaround' && value !== undefined) {
    const entry = value as {checked: boolean; value: string | null}
    return {ruleId: 'proper-fix', message: say('properFixOpen', {field: path, checked: entry.checked, filled: Boolean(entry.value)}), path, span: info?.span}
  }
  if (value === undefined) return absent(draft, document, path)
  if (value === null) {
    if (typeOfPath.get(path) === 'hotfix') {
      const text = info ? document!.source.text.slice(info.span.start.offset, info.span.end.offset) : 'Full fix / Temporary workaround'
      return {ruleId: 'hotfix-choice', message: say('unresolvedChoice', {field: path, value: text, expected: hotfixKinds}), path, span: info?.span}
    }
    const text = info ? document!.source.text.slice(info.span.start.offset, info.span.end.offset) : templatePlaceholder(path)
    const placeholder = findPlaceholders(text)[0]?.text ?? text
    return {ruleId: 'no-placeholder', message: say('placeholder', {text: placeholder}), path, span: info?.span}
  }
  if (value === '' || (Array.isArray(value) && value.length === 0)) return empty(document, path, Array.isArray(value))
  // Another template's placeholder (`{name}`) is text the draft keeps, and not a value.
  if (typeof value === 'string' && isPlaceholder(value)) {
    const at = info ? document!.source.text.indexOf(value, info.span.start.offset) : -1
    const span = info && at !== -1 && at < info.span.end.offset ? document!.source.span(at, at + value.length) : info?.span
    return {ruleId: 'no-placeholder', message: say('placeholder', {text: value}), path, span}
  }
  if (typeof value === 'string') {
    if (value.includes('\n')) return {ruleId: 'one-line-field', message: say('lineBreak', {field: path}), path}
    const type = typeOfPath.get(path)
    if (type === 'date' || /\.dueDate$/.test(path)) return {ruleId: 'date-format', message: dateMessage(path, value), path}
    if (type === 'severity') return {ruleId: 'severity', message: say('unexpectedValue', {field: path, value, expected: severities}), path}
    if (type === 'minutes') return {ruleId: 'duration', message: say('durationFormat', {field: path, value}), path}
    if (type === 'hotfix') return {ruleId: 'hotfix-choice', message: say('unexpectedValue', {field: path, value, expected: hotfixKinds}), path}
    if (/\.priority$/.test(path)) return {ruleId: 'priority', message: say('unexpectedValue', {field: path, value, expected: priorities}), path}
    if (/\.status$/.test(path)) return {ruleId: 'status', message: say('unexpectedValue', {field: path, value, expected: statuses}), path}
    if (/^timeline\[\d+\]\.time$/.test(path)) return {ruleId: 'time-format', message: say('timeFormat', {field: path, value}), path}
  }
  return {ruleId: 'schema', message: say('schemaIssue', {field: path, issue: zodMessage}), path}
}

/** A key the draft lacks: its section is missing, empty, or lacks the field (a table, a column). */
function absent(draft: PostmortemDraft, document: PostmortemDocument | undefined, given: string): Classified {
  // The zone of a timeline the draft lacks is missing with the timeline.
  const path = given === 'timelineTimeZone' ? 'timeline' : given
  if (path === 'hotfixId' && draft.title !== undefined) {
    return {ruleId: 'missing-field', message: say('missingHotfixId', {}), path, span: document?.sections.find((occurrence) => occurrence.id === 'title')?.span}
  }
  const cell = /^(.*)\[\d+\]\.(\w+)$/.exec(path)
  if (cell) {
    // A cell of a column the table lacks: the table's missing columns, as `table-shape` says them.
    const table = blockOfPath.get(cell[1]!)
    if (table?.block.type === 'table') {
      const rows = (getPath(draft, cell[1]!) as Record<string, unknown>[] | undefined) ?? []
      const fromDocument = document ? missingColumns(document, draft, cell[1]!) : undefined
      const missing = (fromDocument ?? table.block.columns.filter((column) => rows[0]?.[column.key] === undefined)).map((column) => column.header)
      const headers = table.block.columns.map((column) => column.header)
      return {ruleId: 'table-shape', message: say('missingColumns', {table: cell[1]!, missing, expected: headers}), path: cell[1]!, span: document?.fields.get(cell[1]!)?.span}
    }
  }
  const owner = blockOfPath.get(path) ?? blockOfPath.get(path.replace(/\.value$/, ''))
  const section = owner?.section ?? sections.find((candidate) => candidate.path === path)
  if (!section) return {ruleId: 'missing-field', message: say('missingKey', {field: path}), path}
  // The outermost section missing is reported: a group the draft lacks, or whose heading the
  // document lacks (`missing-section` reports the group, not each of its sub-sections).
  const group = section.parent ? sectionById.get(section.parent) : undefined
  const groupMissing = group && (!isWritten(draft, group) || (document && !document.sections.some((occurrence) => occurrence.id === group.id)))
  const missingSection = groupMissing ? group : !isWritten(draft, section) ? section : undefined
  if (missingSection) {
    const present = document ? firstOccurrences(document) : undefined
    return {ruleId: 'missing-section', message: missingSectionMessage(missingSection.id), path: missingSection.path, span: document && present ? nextPresentSpan(document, missingSection, present) : undefined}
  }
  if (document) {
    const emptyOne = emptySections(document).find((occurrence) => occurrence.id === section.id)
    if (emptyOne) return {ruleId: 'empty-field', message: say('emptySection', {section: section.id}), path: section.path, span: emptyOne.span}
  }
  const message = owner ? missingFieldMessage(owner.block, path) : say('missingKey', {field: path})
  return {ruleId: 'missing-field', message, path, span: document ? sectionAnchor(document, section) : undefined}
}

/** A key present but empty: `""`, or an empty list. */
function empty(document: PostmortemDocument | undefined, path: string, list: boolean): Classified {
  const owner = blockOfPath.get(path)
  const info = document?.fields.get(path)
  if (owner && document && !info) {
    const emptyOne = emptySections(document).find((occurrence) => occurrence.id === owner.section.id)
    if (emptyOne) return {ruleId: 'empty-field', message: say('emptySection', {section: owner.section.id}), path: owner.section.path, span: emptyOne.span}
  }
  if (list && owner?.block.type === 'table') return {ruleId: 'empty-field', message: say('emptyTable', {field: path}), path, span: info?.span}
  return {ruleId: 'empty-field', message: say(list ? 'emptyList' : 'emptyValue', {field: path}), path, span: info?.span}
}

/** The template's placeholder for a path (when there is no document to quote). */
function templatePlaceholder(path: string): string {
  if (path === 'hotfixId') return '{ID}'
  const field = fieldTable.find(({field}) => field.path === path || `${field.path}.value` === path)
  if (field) return field.field.placeholder
  const cell = /^(.*)\[(\d+)\](?:\.(\w+))?$/.exec(path)
  const owner = cell ? blockOfPath.get(cell[1]!) : undefined
  if (cell && owner?.block.type === 'table') {
    const column = owner.block.columns.find((candidate) => candidate.key === cell[3])
    return column ? column.placeholder.replace('_N}', `_${Number(cell[2]) + 1}}`) : `{${cell[3]}}`
  }
  if (cell && owner && (owner.block.type === 'list' || owner.block.type === 'labeledList')) {
    return owner.block.placeholders[Number(cell[2])] ?? owner.block.placeholders[0]!
  }
  return `{${path}}`
}
