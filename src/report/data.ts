/**
 * The figures of a report over many postmortems: incidents per month and severity, durations,
 * action items by owner, status and age, and how complete each document is. Browser-safe (no
 * file system): callers parse the documents and pass them with their file names. `postmortem
 * stats` and `postmortem report` print these figures; a dashboard can draw them its own way.
 */
import {actionItemsOf, actionTables, canonicalStatus, dueIsoDate, isOpen, isOverdue, ownersOf, peopleNames, type People} from '../model/action-items.js'
import {isoNotation} from '../model/dates.js'
import {incidentSummary} from '../model/facts.js'
import {roleText, roleValue} from '../model/roles.js'
import {builtinProfile} from '../profile/builtin.js'
import type {Profile} from '../profile/compile.js'
import {isIsoDate} from '../model/text.js'
import {severities, statuses} from '../profile/builtin-types.js'
import {lintDocument} from '../lint/index.js'
import type {RuleLevel} from '../lint/types.js'
import type {PostmortemDocument} from '../parse/document.js'
import {todayUtc} from '../today.js'
import {validate} from '../validate/index.js'
import {daysBetween, monthRange, summarize, type NumberSummary} from './figures.js'
import {fieldLabel} from './labels.js'

/** A parsed postmortem and the name of the file it came from (as the report should show it). */
export interface ReportInput {
  readonly file: string
  readonly document: PostmortemDocument
  /**
   * Rule levels for this document's lint figures, as `lint` takes them (default: the options'
   * `rules`). The command line passes what the file's configuration gives it, as `lint` does.
   */
  readonly rules?: Readonly<Record<string, RuleLevel>>
}

/** Options of `reportData`. Dates are `YYYY-MM-DD`; an invalid one throws a `TypeError`. */
export interface ReportOptions {
  /** The date ages and overdue-ness are measured against (default: today, UTC). */
  readonly now?: string
  /** Leave out postmortems whose incident date is earlier (and those without a real date). */
  readonly since?: string
  /** Leave out postmortems whose incident date is later (and those without a real date). */
  readonly until?: string
  /** Rule levels for the completeness figures, as `lint` takes them (default: each rule's own). */
  readonly rules?: Readonly<Record<string, RuleLevel>>
  /**
   * One name for each person and the other ways documents write it (`{"Grace Liu": ["@grace"]}`):
   * action items' `owners` and the figures by owner use that one name (default: names as written).
   */
  readonly people?: People
}

/** How a postmortem's severity counts: one of the template's, something else (`other`), or `unfilled`. */
export type SeverityKey = string

/** Severity keys in the order reports list them. */
export const severityKeys: readonly SeverityKey[] = [...severities, 'other', 'unfilled']

/** How an action item's status counts: one of the template's, something else (`other`), or `unfilled`. */
export type StatusKey = string

/** Status keys in the order reports list them. */
export const statusKeys: readonly StatusKey[] = [...statuses, 'other', 'unfilled']

/** One postmortem's own figures. */
export interface ReportPostmortem {
  readonly file: string
  /** `HOTFIX-{ID}`'s id, as written; `null` when unfilled or absent. */
  readonly hotfixId: string | null
  /** The `**Incident:**` title, as written (inline Markdown); `null` when unfilled or absent. */
  readonly title: string | null
  /**
   * The incident date, ISO `YYYY-MM-DD`, when it is a real date written in its field's notation
   * (`YYYY-MM-DD` unless the template says another), else `null`.
   */
  readonly date: string | null
  /** `YYYY-MM` of `date`. */
  readonly month: string | null
  readonly severity: SeverityKey
  /** `**Duration:**` in whole minutes, or `null` when it is not whole minutes. */
  readonly durationMinutes: number | null
  /** Whether the document validates as a complete `Postmortem`. */
  readonly complete: boolean
  /** Lint findings of severity error, and warning. */
  readonly errors: number
  readonly warnings: number
  /** Lint errors by rule id. */
  readonly errorsByRule: Readonly<Record<string, number>>
  readonly actionItems: number
  readonly openActionItems: number
  readonly overdueActionItems: number
}

/** One action item as the report counts it. */
export interface ReportActionItem {
  readonly file: string
  /** 1-based line of the item's row (or list item), when known. */
  readonly line: number | null
  /** Field path, e.g. `actionItems.improveDetection[1]`. */
  readonly path: string
  /** The table's heading: `Prevent Recurrence`, `Improve Detection` or `Improve Response`. */
  readonly table: string
  readonly hotfixId: string | null
  /** The postmortem's title (`**Incident:**`, or the title line), as written; `null` when it has none. */
  readonly title: string | null
  /** The postmortem's incident date, ISO `YYYY-MM-DD`, when real. */
  readonly incidentDate: string | null
  readonly action: string | null
  /** The Owner cell as written; when `people` gives a name in it another name, its names by that one name, joined by `, `. */
  readonly owner: string | null
  /** The names the Owner cell lists (`ownerNames`), each by the one name `people` gives it. */
  readonly owners: readonly string[]
  /**
   * The Due Date: ISO `YYYY-MM-DD` when it is a real date written in its column's notation, else
   * as written (`null` when unfilled).
   */
  readonly dueDate: string | null
  readonly priority: string | null
  readonly status: string | null
  readonly statusKey: StatusKey
  readonly open: boolean
  readonly overdue: boolean
  /** Days from the incident date to `now`, when the incident date is real. */
  readonly ageDays: number | null
  /** Days from the due date to `now`, when overdue. */
  readonly daysOverdue: number | null
}

/** Incidents of one month. */
export interface MonthFigures {
  /** `YYYY-MM`. */
  readonly month: string
  readonly total: number
  readonly bySeverity: Readonly<Record<SeverityKey, number>>
}

/** Open action items of one owner (an item with two owners counts for both). */
export interface OwnerFigures {
  /** The name as first written (without `@`); `null` for items without an owner. */
  readonly owner: string | null
  readonly open: number
  readonly overdue: number
}

/** An age range of open action items, in days since their incident. */
export interface AgeBucket {
  readonly label: string
  /** Least age in the bucket, in days; `null` for the bucket of items whose incident date is unknown. */
  readonly minDays: number | null
  /** Greatest age in the bucket, in days; `null` when unbounded (or unknown). */
  readonly maxDays: number | null
}

/** Open action items of one age range. */
export interface AgeFigures extends AgeBucket {
  readonly open: number
  readonly overdue: number
}

/** A field that is missing or invalid in some postmortems. */
export interface FieldFigures {
  /** Field path with list indices folded (`timeline[].time`). */
  readonly path: string
  /** The field in the template's words, saying which section when labels are shared. */
  readonly field: string
  /** Postmortems it affects. */
  readonly count: number
}

/** Durations in minutes, overall and by severity. */
export type DurationFigures = NumberSummary & {readonly bySeverity: Readonly<Record<SeverityKey, NumberSummary>>}

/** Everything a report shows, computed once from parsed postmortems. */
export interface ReportData {
  readonly now: string
  readonly since: string | null
  readonly until: string | null
  /** Postmortems left out by `since` / `until`. */
  readonly excluded: number
  /** The postmortems counted, by incident date (undated last), then file. */
  readonly postmortems: readonly ReportPostmortem[]
  /** The severities counted, in the templates' order: their values, then `other` and `unfilled`. */
  readonly severities: readonly SeverityKey[]
  /** The action items' statuses counted, in the templates' order, then `other` and `unfilled`. */
  readonly statuses: readonly StatusKey[]
  readonly severity: Readonly<Record<SeverityKey, number>>
  /** Every month from the first to the last incident (or `since` to `until`), empty ones too. */
  readonly months: readonly MonthFigures[]
  /** Postmortems without a real incident date (in no month). */
  readonly undated: number
  /** `**Duration:**` in minutes, over postmortems that give whole minutes, overall and by severity. */
  readonly durationMinutes: DurationFigures
  readonly actionItems: {
    readonly total: number
    readonly open: number
    readonly overdue: number
    readonly byStatus: Readonly<Record<StatusKey, number>>
    /** Most open items first. */
    readonly byOwner: readonly OwnerFigures[]
    readonly byAge: readonly AgeFigures[]
    /** Every item counted (template rows nobody filled in are not). */
    readonly items: readonly ReportActionItem[]
  }
  readonly completeness: {
    readonly complete: number
    readonly incomplete: number
    /** Fields missing or invalid, by the number of postmortems they affect, most common first. */
    readonly fields: readonly FieldFigures[]
    /** Lint errors by rule id, over every postmortem. */
    readonly errorsByRule: Readonly<Record<string, number>>
  }
}

/** The age ranges of open action items. */
export const ageBuckets: readonly AgeBucket[] = [
  {label: '0–29 days', minDays: 0, maxDays: 29},
  {label: '30–89 days', minDays: 30, maxDays: 89},
  {label: '90–179 days', minDays: 90, maxDays: 179},
  {label: '180–364 days', minDays: 180, maxDays: 364},
  {label: '365 days or more', minDays: 365, maxDays: null},
  {label: 'incident date unknown', minDays: null, maxDays: null}
]

// Note: a span longer than this shows only the months that have incidents.
const maxMonths = 240

/**
 * Compute a report's figures from parsed postmortems. Overdue means open with a real due date
 * before `now` (as `isOverdue` says); an item's age counts from its postmortem's incident date.
 * Dates are read in the notation each template writes them in and shown ISO `YYYY-MM-DD`.
 */
export function reportData(inputs: readonly ReportInput[], options: ReportOptions = {}): ReportData {
  const now = options.now ?? todayUtc()
  const personName = peopleNames(options.people)
  checkDate('now', now)
  const since = options.since ?? null
  const until = options.until ?? null
  if (since !== null) checkDate('since', since)
  if (until !== null) checkDate('until', until)

  const order = severityOrder(inputs)
  const statusOrder = statusesOf(inputs)
  const postmortems: ReportPostmortem[] = []
  const items: ReportActionItem[] = []
  const fieldCounts = new Map<string, {example: string; profile: Profile; count: number}>()
  const errorsByRule: Record<string, number> = {}
  let excluded = 0

  for (const {file, document, rules: ownRules} of inputs) {
    const {draft, profile} = document
    const summary = incidentSummary(draft, profile)
    const date = summary.incidentDate
    if ((since !== null || until !== null) && (date === null || (since !== null && date < since) || (until !== null && date > until))) {
      excluded++
      continue
    }
    const hotfixId = roleText(profile, draft, 'id') ?? null
    const {title} = summary
    const statusValues = new Map(actionTables(profile).map((table) => [table.key, table.statuses]))
    const own = actionItemsOf(draft, profile).map(({table, heading, path, item, keys, closed, dueFormat}): ReportActionItem => {
        const span = document.fields.get(path)?.span ?? (keys.action === undefined ? undefined : document.fields.get(`${path}.${keys.action}`)?.span)
        const open = isOpen(item, closed)
        const overdue = isOverdue(item, now, closed, dueFormat)
        const due = dueIsoDate(item, dueFormat)
        return {
          file,
          line: span ? span.start.line : null,
          path,
          table: heading,
          hotfixId,
          title,
          incidentDate: date,
          action: item.action ?? null,
          ...ownersOf(item.owner ?? null, personName),
          // Note: an ISO Due Date is kept as written, a date in another notation shown ISO.
          dueDate: dueFormat === isoNotation || due === undefined ? (item.dueDate ?? null) : due,
          priority: item.priority ?? null,
          status: item.status ?? null,
          statusKey: !item.status ? 'unfilled' : ((canonicalStatus(item.status, statusValues.get(table) ?? []) as StatusKey | undefined) ?? 'other'),
          open,
          overdue,
          ageDays: date === null ? null : daysBetween(date, now),
          daysOverdue: overdue && due !== undefined ? daysBetween(due, now) : null
        }
      })
    items.push(...own)

    const result = validate(draft, {profile})
    if (!result.ok) countFields(profile, result.issues, fieldCounts)
    const rules = ownRules ?? options.rules
    const findings = lintDocument(document, {now, ...(rules ? {rules} : {})})
    const ownErrorsByRule: Record<string, number> = {}
    let warnings = 0
    for (const finding of findings) {
      if (finding.severity === 'warning') warnings++
      if (finding.severity !== 'error') continue
      ownErrorsByRule[finding.ruleId] = (ownErrorsByRule[finding.ruleId] ?? 0) + 1
      errorsByRule[finding.ruleId] = (errorsByRule[finding.ruleId] ?? 0) + 1
    }
    postmortems.push({
      file,
      hotfixId,
      title,
      date,
      month: date === null ? null : date.slice(0, 7),
      severity: severityKey(roleValue(profile, draft, 'severity')?.value, severityValues(profile)),
      durationMinutes: summary.durationMinutes,
      complete: result.ok,
      errors: Object.values(ownErrorsByRule).reduce((sum, count) => sum + count, 0),
      warnings,
      errorsByRule: ownErrorsByRule,
      actionItems: own.length,
      openActionItems: own.filter((item) => item.open).length,
      overdueActionItems: own.filter((item) => item.overdue).length
    })
  }

  postmortems.sort((a, b) => compare(a.date ?? '\uffff', b.date ?? '\uffff') || compare(a.file, b.file))
  const complete = postmortems.filter((entry) => entry.complete).length
  return {
    now,
    since,
    until,
    excluded,
    postmortems,
    severities: order,
    statuses: statusOrder,
    severity: countBy(order, postmortems.map((entry) => entry.severity)),
    months: months(postmortems, since, until, order),
    undated: postmortems.filter((entry) => entry.date === null).length,
    durationMinutes: durations(postmortems, order),
    actionItems: {
      total: items.length,
      open: items.filter((item) => item.open).length,
      overdue: items.filter((item) => item.overdue).length,
      byStatus: countBy(statusOrder, items.map((item) => item.statusKey)),
      byOwner: owners(items),
      byAge: ages(items),
      items
    },
    completeness: {
      complete,
      incomplete: postmortems.length - complete,
      fields: [...fieldCounts]
        .map(([path, {example, profile, count}]) => ({path, field: describeGroup(profile, path, example), count}))
        .sort((a, b) => b.count - a.count || compare(a.path, b.path)),
      errorsByRule
    }
  }
}

function checkDate(name: string, value: string): void {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new TypeError(`Unexpected \`${String(value)}\` for \`${name}\`, expected a date written \`YYYY-MM-DD\``)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function severityKey(written: unknown, values: readonly string[]): SeverityKey {
  const value = typeof written === 'string' ? written.trim().toLowerCase() : null
  if (value === null) return 'unfilled'
  return values.find((known) => known.toLowerCase() === value) ?? 'other'
}

/** The values of the field bound to the severity role (`P0`, `P1`, `P2`; `SEV1`…; `Critical`…). */
function severityValues(profile: Profile): readonly string[] {
  const binding = profile.roles.get('severity')
  return binding?.kind === 'field' ? (binding.field.values ?? []) : binding?.kind === 'column' ? (binding.column.values ?? []) : []
}

/** The statuses of the profiles' action tables, each once, in order; then `other` and `unfilled`. */
function statusesOf(inputs: readonly ReportInput[]): StatusKey[] {
  const order: StatusKey[] = []
  const profiles = new Set(inputs.map((input) => input.document.profile))
  for (const profile of profiles.size === 0 ? [builtinProfile] : profiles) {
    for (const table of actionTables(profile)) for (const status of table.statuses) if (!order.includes(status)) order.push(status)
  }
  return [...order, 'other', 'unfilled']
}

/** The severities of the profiles read, each once, in order; then `other` and `unfilled`. */
function severityOrder(inputs: readonly ReportInput[]): SeverityKey[] {
  const order: SeverityKey[] = []
  const profiles = new Set(inputs.map((input) => input.document.profile))
  for (const profile of profiles.size === 0 ? [builtinProfile] : profiles) for (const value of severityValues(profile)) if (!order.includes(value)) order.push(value)
  return [...order, 'other', 'unfilled']
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>
  for (const value of values) counts[value]++
  return counts
}

/** Count each missing or invalid field once per postmortem, with list indices folded. */
function countFields(profile: Profile, issues: readonly {readonly path: string}[], counts: Map<string, {example: string; profile: Profile; count: number}>): void {
  const seen = new Set<string>()
  for (const issue of issues) {
    const key = issue.path.replace(/\[\d+\]/g, '[]')
    if (seen.has(key)) continue
    seen.add(key)
    const entry = counts.get(key)
    if (entry) entry.count++
    else counts.set(key, {example: issue.path, profile, count: 1})
  }
}

/** Name a field path whose indices were folded (`timeline[].time`) in the template's words. */
function describeGroup(profile: Profile, path: string, example: string): string {
  if (path === example) return fieldLabel(profile, path)
  return fieldLabel(profile, example.replace(/\[\d+\]/g, '[0]')).replace(/^(.*?)\b(timeline row|action item|extra block|item) 1 in /, '$1any $2 in ')
}

function months(postmortems: readonly ReportPostmortem[], since: string | null, until: string | null, order: readonly SeverityKey[]): MonthFigures[] {
  const dated = postmortems.flatMap((entry) => (entry.month === null ? [] : [entry]))
  const first = since?.slice(0, 7) ?? dated[0]?.month ?? undefined
  const last = until?.slice(0, 7) ?? dated.at(-1)?.month ?? undefined
  if (first === undefined || last === undefined || first > last) return []
  const span = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1
  const keys = span <= maxMonths ? monthRange(first, last) : [...new Set(dated.map((entry) => entry.month!))]
  return keys.map((month) => {
    const these = dated.filter((entry) => entry.month === month)
    return {month, total: these.length, bySeverity: countBy(order, these.map((entry) => entry.severity))}
  })
}

function durations(postmortems: readonly ReportPostmortem[], order: readonly SeverityKey[]): DurationFigures {
  const minutes = (of: readonly ReportPostmortem[]): number[] => of.flatMap((entry) => (entry.durationMinutes === null ? [] : [entry.durationMinutes]))
  const bySeverity = Object.fromEntries(
    order.map((key) => [key, summarize(minutes(postmortems.filter((entry) => entry.severity === key)))])
  ) as Record<SeverityKey, NumberSummary>
  return {...summarize(minutes(postmortems)), bySeverity}
}

function owners(items: readonly ReportActionItem[]): OwnerFigures[] {
  const byKey = new Map<string, {owner: string | null; open: number; overdue: number}>()
  for (const item of items) {
    if (!item.open) continue
    const names = item.owners.length === 0 ? [null] : item.owners
    const keys = new Set<string>()
    for (const name of names) {
      // Note: `\u0000` cannot be in a name, so it keys the items without an owner.
      const key = name === null ? '\u0000' : name.toLowerCase()
      if (keys.has(key)) continue
      keys.add(key)
      const entry = byKey.get(key) ?? {owner: name, open: 0, overdue: 0}
      entry.open++
      if (item.overdue) entry.overdue++
      byKey.set(key, entry)
    }
  }
  return [...byKey.values()].sort(
    (a, b) => b.open - a.open || b.overdue - a.overdue || (a.owner === null ? 1 : b.owner === null ? -1 : compare(a.owner.toLowerCase(), b.owner.toLowerCase()))
  )
}

function ages(items: readonly ReportActionItem[]): AgeFigures[] {
  const figures = ageBuckets.map((bucket) => ({...bucket, open: 0, overdue: 0}))
  for (const item of items) {
    if (!item.open) continue
    const bucket =
      item.ageDays === null
        ? figures.at(-1)!
        : figures.find((entry) => entry.minDays !== null && (entry.maxDays === null || Math.max(0, item.ageDays!) <= entry.maxDays))!
    bucket.open++
    if (item.overdue) bucket.overdue++
  }
  return figures
}
