/**
 * Validation: a draft to a complete `Postmortem`, or the findings that prevent it. Each schema
 * issue becomes the finding of the rule that reports the same defect, with that rule's message
 * id and data (`lint/messages.ts`), so a defect reads the same from `validate` and from `lint`.
 */
import {dateMessage, missingFieldMessage, missingSectionMessage, say, worded, type Message} from '../lint/messages.js'
import {firstOccurrences, nextPresentSpan, sectionAnchor, writtenHeadings} from '../lint/rules/presence.js'
import {emptySections, missingColumns} from '../lint/rules/shared.js'
import {actionTables} from '../model/action-items.js'
import {isIsoNotation, isoDate} from '../model/dates.js'
import {durationMinutes} from '../model/durations.js'
import {finding, type Finding, type Span} from '../model/finding.js'
import {joinPath} from '../model/names.js'
import {getPath, setPath, splitPath} from '../model/paths.js'
import {cellPlaceholder, itemPlaceholder} from '../model/placeholders.js'
import {isWritten} from '../model/presence.js'
import {cellsOfType} from '../model/roles.js'
import {findPlaceholders, isIsoDate, isPlaceholder} from '../model/text.js'
import type {PostmortemDocument} from '../parse/document.js'
import {spanForPath} from '../parse/positions.js'
import {builtinProfile} from '../profile/builtin.js'
import type {Postmortem, PostmortemDraft} from '../profile/builtin-types.js'
import type {Profile} from '../profile/compile.js'
import {schemasOf} from '../profile/schema.js'
import type {ColumnSpec, FieldSpec} from '../profile/spec.js'

/** The outcome of `validate`: a complete postmortem, or what prevents it. */
export type ValidateResult<Complete = Postmortem> = {ok: true; postmortem: Complete} | {ok: false; issues: Finding[]}

/** Options of `validate`. */
export interface ValidateOptions<Draft extends object = PostmortemDraft, Complete extends object = Postmortem> {
  /** The template's profile (default: the built-in template's). */
  readonly profile?: Profile<Draft, Complete> | undefined
}

/**
 * Turn a draft into a complete postmortem (typed: integer minutes, real dates, enums) or list
 * the issues that prevent it, each with its field path. A draft carries no positions: to have
 * each issue's line and column, validate the parsed document (`validateDocument`).
 */
export function validate<Draft extends object = PostmortemDraft, Complete extends object = Postmortem>(draft: Draft, options: ValidateOptions<Draft, Complete> = {}): ValidateResult<Complete> {
  return check((options.profile ?? builtinProfile) as Profile, draft, undefined) as ValidateResult<Complete>
}

/**
 * Validate a parsed document's draft by the profile it was read by: the issues of `validate`,
 * each at the line and column of the field it is about (or of the nearest thing present).
 */
export function validateDocument<Complete extends object = Postmortem>(document: PostmortemDocument): ValidateResult<Complete> {
  return check(document.profile, document.draft, document) as ValidateResult<Complete>
}

/**
 * The draft as the complete model reads it: whole minutes as numbers, and the dates of fields and
 * columns written in another notation than ISO (`14-03-2026` where the template writes
 * `DD-MM-YYYY`) as ISO `YYYY-MM-DD`. Everything else is the text as written; the schema says
 * whether it is a value. `strays` are the paths of dates not written in their notation that the
 * schema's ISO check would take all the same (`2026-03-14` where the template writes
 * `DD-MM-YYYY`): `date-format` reports them, so `validate` does too.
 */
function completeCandidate(profile: Profile, draft: object): {candidate: object; strays: string[]} {
  const candidate = structuredClone(draft) as Record<string, unknown>
  const strays: string[] = []
  const readDate = (path: string, value: unknown, format: string | undefined): void => {
    if (typeof value !== 'string' || isIsoNotation(format)) return
    const iso = isoDate(value, format)
    if (iso !== undefined) setPath(candidate, path, iso)
    else if (isIsoDate(value)) strays.push(path)
  }
  // Minutes: the number before the template's unit (`47` of `47 minutes`), or, where the template
  // writes no unit, a duration as teams write it (`1 hr 12 min`).
  const readMinutes = (path: string, value: unknown, unit: string | undefined): void => {
    if (typeof value !== 'string') return
    const minutes = unit === undefined ? durationMinutes(value) : /^\d+$/.test(value) ? Number(value) : undefined
    if (minutes !== undefined) setPath(candidate, path, minutes)
  }
  for (const {field} of profile.fields) {
    const value = getPath(candidate, field.path)
    if (field.type === 'minutes') readMinutes(field.path, value, field.suffix)
    if (field.type === 'date') readDate(field.path, value, field.format)
  }
  for (const {path, value, column} of cellsOfType(profile, candidate, 'date')) readDate(path, value, column.format)
  return {candidate, strays}
}

function check(profile: Profile, draft: object, document: PostmortemDocument | undefined): ValidateResult<unknown> {
  const {candidate, strays} = completeCandidate(profile, draft)
  const result = schemasOf(profile).complete.safeParse(candidate)
  if (result.success && strays.length === 0) return {ok: true, postmortem: result.data}
  const issues: Finding[] = []
  const seen = new Set<string>()
  // A section the document has is named as it wrote its heading, as `lint` names it.
  const headings = document ? writtenHeadings(document) : undefined
  const problems = [...(result.success ? [] : result.error.issues), ...strays.map((path) => ({path: splitPath(path), message: 'Not a date in its notation'}))]
  for (const issue of problems) {
    const path = joinPath(issue.path)
    const found = classify(profile, draft, document, path, getPath(candidate, path), issue.message)
    const said = worded(found.message, profile, headings)
    const key = `${found.ruleId}\u0000${found.path}\u0000${said.message}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(finding(found.ruleId, 'error', said, found.path, found.span ?? (document ? spanForPath(document, found.path) : undefined)))
  }
  return {ok: false, issues}
}

/** The field or column a path's value is of (`severity`, `actionItems.x[1].status`). */
function specOf(profile: Profile, path: string): {field?: FieldSpec; column?: ColumnSpec} {
  const field = profile.fieldByPath.get(path)
  if (field) return {field}
  const cell = /^(.*)\[\d+\]\.([^.[\]]+)$/.exec(path)
  const owner = cell ? profile.blockOfPath.get(cell[1]!) : undefined
  const column = owner?.block.type === 'table' ? owner.block.columns.find((candidate) => candidate.key === cell![2]) : undefined
  return column ? {column} : {}
}

interface Classified {
  readonly ruleId: string
  readonly message: Message
  readonly path: string
  readonly span?: Span | undefined
}

/** Which rule reports the defect behind a schema issue, in that rule's words and place. */
function classify(profile: Profile, draft: object, document: PostmortemDocument | undefined, path: string, value: unknown, zodMessage: string): Classified {
  const info = document?.fields.get(path)
  const tables = actionTables(profile)
  const group = profile.sections.find((section) => section.path === path && tables.some((table) => profile.sectionById.get(table.section)?.parent === section.id))
  if (group && value !== undefined) {
    const heading = document?.sections.find((occurrence) => occurrence.id === group.id)
    return {ruleId: 'no-action-items', message: say('noActionItems', {sections: tables.map((table) => table.section)}), path, span: heading?.span}
  }
  const line = profile.blockOfPath.get(path)
  if (line?.block.type === 'checklist' && line.block.requiredWhen && getPath(draft, line.block.requiredWhen.path) === line.block.requiredWhen.value && value !== undefined) {
    const entry = value as {checked: boolean; value: string | null}
    return {ruleId: 'proper-fix', message: say('properFixOpen', {field: path, checked: entry.checked, filled: Boolean(entry.value)}), path, span: info?.span}
  }
  if (value === undefined) return absent(profile, draft, document, path)
  const {field, column} = specOf(profile, path)
  if (value === null) {
    if (field?.choice === true) {
      const text = info ? document!.source.text.slice(info.span.start.offset, info.span.end.offset) : field.placeholder
      return {ruleId: 'hotfix-choice', message: say('unresolvedChoice', {field: path, value: text, expected: field.values ?? []}), path, span: info?.span}
    }
    const text = info ? document!.source.text.slice(info.span.start.offset, info.span.end.offset) : templatePlaceholder(profile, path)
    const placeholder = findPlaceholders(text, profile.spec.placeholders ?? ['braces'])[0]?.text ?? text
    return {ruleId: 'no-placeholder', message: say('placeholder', {text: placeholder}), path, span: info?.span}
  }
  if (value === '' || (Array.isArray(value) && value.length === 0)) return empty(profile, document, path, Array.isArray(value))
  // Another template's placeholder (`{name}`) is text the draft keeps, and not a value.
  if (typeof value === 'string' && isPlaceholder(value)) {
    const at = info ? document!.source.text.indexOf(value, info.span.start.offset) : -1
    const span = info && at !== -1 && at < info.span.end.offset ? document!.source.span(at, at + value.length) : info?.span
    return {ruleId: 'no-placeholder', message: say('placeholder', {text: value}), path, span}
  }
  if (typeof value === 'string') {
    if (value.includes('\n')) return {ruleId: 'one-line-field', message: say('lineBreak', {field: path}), path}
    // The rule that judges a value of this type or role.
    const spec = field ?? column
    const values = spec?.values ?? []
    if (spec?.type === 'date') return {ruleId: 'date-format', message: dateMessage(path, value, spec.format), path}
    if (spec?.type === 'minutes') return {ruleId: 'duration', message: say('durationFormat', {field: path, value}), path}
    if (spec?.type === 'time') return {ruleId: 'time-format', message: say('timeFormat', {field: path, value}), path}
    if (field?.choice === true) return {ruleId: 'hotfix-choice', message: say('unexpectedValue', {field: path, value, expected: values}), path}
    const rule = spec?.role === 'severity' ? 'severity' : spec?.role === 'actionItems.priority' ? 'priority' : spec?.role === 'actionItems.status' ? 'status' : undefined
    if (rule) return {ruleId: rule, message: say('unexpectedValue', {field: path, value, expected: values}), path}
  }
  return {ruleId: 'schema', message: say('schemaIssue', {field: path, issue: zodMessage}), path}
}

/** A key the draft lacks: its section is missing, empty, or lacks the field (a table, a column). */
function absent(profile: Profile, draft: object, document: PostmortemDocument | undefined, given: string): Classified {
  // The zone of a timeline the draft lacks is missing with the timeline.
  const path = profile.tables.find(({block}) => block.zonePath === given)?.block.path ?? given
  const title = profile.title
  if (path === title?.id?.path && getPath(draft, title.textPath) !== undefined) {
    return {ruleId: 'missing-field', message: say('missingHotfixId', {}), path, span: document?.sections.find((occurrence) => occurrence.id === profile.titleSection?.id)?.span}
  }
  const cell = /^(.*)\[\d+\]\.(\w+)$/.exec(path)
  if (cell) {
    // A cell of a column the table lacks: the table's missing columns, as `table-shape` says them.
    const table = profile.blockOfPath.get(cell[1]!)
    if (table?.block.type === 'table') {
      const rows = (getPath(draft, cell[1]!) as Record<string, unknown>[] | undefined) ?? []
      const fromDocument = document ? missingColumns(document, draft, cell[1]!) : undefined
      const missing = (fromDocument ?? table.block.columns.filter((column) => rows[0]?.[column.key] === undefined)).map((column) => column.header)
      const headers = table.block.columns.map((column) => column.header)
      return {ruleId: 'table-shape', message: say('missingColumns', {table: cell[1]!, missing, expected: headers}), path: cell[1]!, span: document?.fields.get(cell[1]!)?.span}
    }
  }
  const owner = profile.blockOfPath.get(path) ?? profile.blockOfPath.get(path.replace(/\.value$/, ''))
  const section = owner?.section ?? profile.sections.find((candidate) => candidate.path === path)
  if (!section) return {ruleId: 'missing-field', message: say('missingKey', {field: path}), path}
  // The outermost section missing is reported: a group the draft lacks, or whose heading the
  // document lacks (`missing-section` reports the group, not each of its sub-sections).
  const group = section.parent ? profile.sectionById.get(section.parent) : undefined
  const groupMissing = group && (!isWritten(profile, draft, group) || (document && !document.sections.some((occurrence) => occurrence.id === group.id)))
  const missingSection = groupMissing ? group : !isWritten(profile, draft, section) ? section : undefined
  if (missingSection) {
    const present = document ? firstOccurrences(document) : undefined
    return {ruleId: 'missing-section', message: missingSectionMessage(profile, missingSection.id), path: missingSection.path, span: document && present ? nextPresentSpan(document, missingSection, present) : undefined}
  }
  if (document) {
    const emptyOne = emptySections(document).find((occurrence) => occurrence.id === section.id)
    if (emptyOne) return {ruleId: 'empty-field', message: say('emptySection', {section: section.id}), path: section.path, span: emptyOne.span}
  }
  const message = owner ? missingFieldMessage(owner.block, path) : say('missingKey', {field: path})
  return {ruleId: 'missing-field', message, path, span: document ? sectionAnchor(document, section) : undefined}
}

/** A key present but empty: `""`, or an empty list. */
function empty(profile: Profile, document: PostmortemDocument | undefined, path: string, list: boolean): Classified {
  const owner = profile.blockOfPath.get(path)
  const info = document?.fields.get(path)
  if (owner && document && !info) {
    const emptyOne = emptySections(document).find((occurrence) => occurrence.id === owner.section.id)
    if (emptyOne) return {ruleId: 'empty-field', message: say('emptySection', {section: owner.section.id}), path: owner.section.path, span: emptyOne.span}
  }
  if (list && owner?.block.type === 'table') return {ruleId: 'empty-field', message: say('emptyTable', {field: path}), path, span: info?.span}
  return {ruleId: 'empty-field', message: say(list ? 'emptyList' : 'emptyValue', {field: path}), path, span: info?.span}
}

/** The template's placeholder for a path (when there is no document to quote). */
function templatePlaceholder(profile: Profile, path: string): string {
  const id = profile.title?.id
  if (id && path === id.path) return id.placeholder
  const field = profile.fieldByPath.get(path) ?? profile.fieldByPath.get(path.replace(/\.value$/, ''))
  if (field) return field.placeholder
  const keys = splitPath(path)
  const indexAt = keys.findIndex((key) => typeof key === 'number')
  const owner = indexAt === -1 ? undefined : profile.blockOfPath.get(keys.slice(0, indexAt).join('.'))
  const index = keys[indexAt] as number
  if (owner?.block.type === 'table') {
    const column = owner.block.columns.find((candidate) => candidate.key === keys[indexAt + 1])
    return column ? cellPlaceholder(column, index) : `{${String(keys[indexAt + 1])}}`
  }
  if (owner && (owner.block.type === 'list' || owner.block.type === 'listUnderLabel')) return itemPlaceholder(owner.block.placeholders, index)
  if (owner?.block.type === 'markdown') return owner.block.placeholder
  return `{${path}}`
}
