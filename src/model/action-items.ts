/**
 * Action items across a profile's tables of tasks (the built-in template's three tables under
 * `## Action Items`): which tables there are, every item with its field path and its cells by
 * role, and what "open", "overdue" and "owned by" mean. The rules, the `actions` and `stats`
 * commands and reports all read action items through here, by role, never by the built-in keys.
 */
import {builtinProfile} from '../profile/builtin.js'
import type {TableBlock} from '../profile/blocks.js'
import type {Profile} from '../profile/compile.js'
import type {ColumnSpec, FieldRole} from '../profile/spec.js'
import {dateNotation, isoDate, isoNotation} from './dates.js'
import {getPath} from './paths.js'
import {isPlaceholder} from './text.js'

/** An action item's cells by role: what it is, who owns it, when it is due, its status and priority. */
export interface ActionItem {
  action?: string | null | undefined
  owner?: string | null | undefined
  dueDate?: string | null | undefined
  priority?: string | null | undefined
  status?: string | null | undefined
}

/** Which column of a table holds each cell of `ActionItem` (absent: the table has no such column). */
export type ActionColumnKeys = {readonly [Key in keyof ActionItem]?: string}

/** A table of action items of a profile. */
export interface ActionTable {
  /** Draft path of the table (`actionItems.preventRecurrence`). */
  readonly key: string
  /** The table's section heading as the template writes it (`Prevent Recurrence`). */
  readonly heading: string
  /** The section the table stands in. */
  readonly section: string
  readonly block: TableBlock
  /** Which column holds each cell. */
  readonly keys: ActionColumnKeys
  /** The statuses that close an item (`Done`, `Won't Do`), and every status the template has. */
  readonly closed: readonly string[]
  readonly statuses: readonly string[]
  /** The notation of the due date column, in dayjs tokens (`YYYY-MM-DD` unless the template says another). */
  readonly dueFormat: string
}

/** Key of an action item table: its draft path (`actionItems.improveDetection`). */
export type ActionTableKey = string

/** One action item of a draft, with the table it stands in and its field path. */
export interface ActionItemEntry {
  /** The table's draft path. */
  readonly table: ActionTableKey
  /** The table's heading: `Prevent Recurrence`, `Improve Detection` or `Improve Response`. */
  readonly heading: string
  /** Index of the item in its table. */
  readonly index: number
  /** Field path of the item (`actionItems.improveDetection[1]`). */
  readonly path: string
  /** Its cells by role. */
  readonly item: ActionItem
  /** Which column holds each cell, for the field path of one (`${path}.${keys.dueDate}`). */
  readonly keys: ActionColumnKeys
  /** The statuses that close an item in its table. */
  readonly closed: readonly string[]
  /** The notation its due date is written in, in dayjs tokens (`YYYY-MM-DD`, `DD-MM-YYYY`). */
  readonly dueFormat: string
}

const roleOfKey: {readonly [Key in keyof ActionItem]-?: FieldRole} = {
  action: 'actionItems.action',
  owner: 'actionItems.owner',
  dueDate: 'actionItems.due',
  priority: 'actionItems.priority',
  status: 'actionItems.status'
}

/** A profile's tables of action items (tables of tasks), in template order. */
export function actionTables(profile: Profile = builtinProfile): ActionTable[] {
  return profile.tables
    // Tables of tasks with something to do: an action column (by role) or, as the built-in
    // template's tables, no role for it anywhere in the profile.
    .filter(({block}) => block.rows === 'task' && (block.columns.some((column) => column.role === 'actionItems.action') || !profile.roles.has('actionItems.action')))
    .map(({section, block}) => {
      const column = (role: FieldRole): ColumnSpec | undefined => block.columns.find((candidate) => candidate.role === role)
      const keys: Record<string, string> = {}
      for (const [key, role] of Object.entries(roleOfKey)) {
        const found = column(role)
        if (found) keys[key] = found.key
      }
      const status = column('actionItems.status')
      // A task's box is its status, written as the box: `[x]` closes the item.
      const box = status?.type === 'checkbox'
      return {
        key: block.path,
        heading: section.heading ?? section.id,
        section: section.id,
        block,
        keys,
        closed: box ? [checked] : (status?.closed ?? (status !== undefined && status.values === undefined ? closingWords : [])),
        statuses: box ? [unchecked, checked] : (status?.values ?? []),
        dueFormat: dateNotation(column('actionItems.due')?.format)
      }
    })
}

/**
 * Statuses that close an item: those of a template's enum that close it (`{Open/Done}`), and all
 * of them where a free-text Status column names none.
 */
export const closingWords: readonly string[] = ['Done', 'Closed', 'Resolved', 'Complete', 'Completed', 'Fixed', "Won't Do", 'Wont Do', 'Cancelled', 'Canceled', 'Finished']

/** Whether a status closes an item by its words (`Done`, `won't do`), in any case. */
export function isClosingWord(status: string): boolean {
  const wanted = status.trim().toLowerCase()
  return closingWords.some((word) => word.toLowerCase() === wanted)
}

/** The status of a task whose box is checked, and of one whose box is not. */
const checked = '[x]'
const unchecked = '[ ]'

/**
 * Every action item of a draft, table by table, in row order. A row the template wrote and
 * nobody filled (`{action_1}`, `{owner}`, `{date}`) is not an action item and is left out.
 */
export function actionItemsOf(draft: object, profile: Profile = builtinProfile): ActionItemEntry[] {
  return actionTables(profile).flatMap((table) => {
    const rows = getPath(draft, table.key)
    if (!Array.isArray(rows)) return []
    return rows.flatMap((row: unknown, index) => {
      if (row === null || typeof row !== 'object') return []
      const item: ActionItem = {}
      for (const [key, column] of Object.entries(table.keys)) {
        const value = (row as Record<string, unknown>)[column]
        if (typeof value === 'string' || value === null) item[key as keyof ActionItem] = value
        else if (typeof value === 'boolean' && key === 'status') item.status = value ? checked : unchecked
      }
      if (isUnfilledRow(item)) return []
      return [{table: table.key, heading: table.heading, index, path: `${table.key}[${index}]`, item, keys: table.keys, closed: table.closed, dueFormat: table.dueFormat}]
    })
  })
}

/**
 * Whether an action item is a template's row, still unfilled: Action, Owner and Due Date hold
 * placeholders (this template's, `null`, or another's, such as `{action}`).
 */
export function isUnfilledRow(item: ActionItem): boolean {
  // A cell its table has no column for is unfilled too.
  const unfilled = (cell: string | null | undefined): boolean => cell === null || cell === undefined || isPlaceholder(cell)
  return unfilled(item.action) && unfilled(item.owner) && unfilled(item.dueDate)
}

/** The built-in template's statuses. */
export type ActionStatus = string

/**
 * A status as one of `statuses` (tolerating case, emphasis, code and `’`), or `undefined`
 * (default: the built-in template's statuses).
 */
export function canonicalStatus(status: string | null | undefined, statuses: readonly string[] = actionTables(builtinProfile)[0]?.statuses ?? []): string | undefined {
  if (status === null || status === undefined) return undefined
  const normal = normalizeStatus(status)
  return statuses.find((value) => normalizeStatus(value) === normal)
}

function normalizeStatus(value: string): string {
  return value
    .replace(/[*_`~]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/**
 * Whether an item is still open: its status is none of those that close it (`Done`, `Won't Do`;
 * unfilled counts as open). `closed` defaults to the built-in template's.
 */
export function isOpen(item: Pick<ActionItem, 'status'>, closed: readonly string[] = actionTables(builtinProfile)[0]?.closed ?? []): boolean {
  const status = canonicalStatus(item.status, closed)
  return status === undefined
}

/**
 * The ISO `YYYY-MM-DD` of an item's due date, when it is a real date written in `format` (its
 * table's `dueFormat`; default ISO), else `undefined`.
 */
export function dueIsoDate(item: Pick<ActionItem, 'dueDate'>, format: string = isoNotation): string | undefined {
  return item.dueDate === null || item.dueDate === undefined ? undefined : isoDate(item.dueDate.trim(), format)
}

/**
 * Whether an item is open and due (a real date written in `format`, its table's `dueFormat`;
 * default ISO `YYYY-MM-DD`) strictly before `now` (`YYYY-MM-DD`).
 */
export function isOverdue(item: Pick<ActionItem, 'status' | 'dueDate'>, now: string, closed?: readonly string[], format: string = isoNotation): boolean {
  if (!isOpen(item, closed)) return false
  const due = dueIsoDate(item, format)
  return due !== undefined && due < now
}

function normalizeOwner(value: string): string {
  return value
    .replace(/[*_`]/g, '')
    .trim()
    .replace(/^@/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
}

/**
 * The names an owner cell lists: split on `,`, `/`, `&`, `;` and the word `and`, without
 * emphasis or a leading `@` (`@dana, Priya and Lee` → `dana`, `Priya`, `Lee`).
 */
export function ownerNames(owner: string | null | undefined): string[] {
  if (owner === null || owner === undefined) return []
  // Note: split on separators, then on the word `and` between names (no backtracking pattern).
  return owner
    .split(/[,/&;]/)
    .flatMap((part) => part.split(/ and /i))
    .map((part) => part.replace(/[*_`]/g, '').trim().replace(/^@/, '').replace(/\s+/g, ' '))
    .filter((part) => part !== '')
}

/**
 * Whether an item is owned by `name`: the owner cell, or one of the names it lists, equals
 * `name`, ignoring case and a leading `@`.
 */
export function ownedBy(item: Pick<ActionItem, 'owner'>, name: string): boolean {
  if (item.owner === null || item.owner === undefined) return false
  const wanted = normalizeOwner(name)
  if (wanted === '') return false
  if (normalizeOwner(item.owner) === wanted) return true
  return ownerNames(item.owner).some((part) => part.toLowerCase() === wanted)
}

/** One name for each person, and the other ways documents write it: `{"Grace Liu": ["@grace", "grace"]}`. */
export type People = Readonly<Record<string, readonly string[]>>

/**
 * What gives each owner's name the one name `people` knows the person by (`@grace` → `Grace
 * Liu`), or the name itself when `people` does not list it. Names are compared as `ownedBy`
 * compares them: ignoring case, emphasis, a leading `@` and runs of spaces. A spelling listed for
 * two people keeps the first.
 */
export function peopleNames(people: People | undefined): (name: string) => string {
  const byKey = new Map<string, string>()
  for (const [name, others] of Object.entries(people ?? {})) {
    for (const spelling of [name, ...others]) {
      const key = normalizeOwner(spelling)
      if (key !== '' && !byKey.has(key)) byKey.set(key, name)
    }
  }
  return (name) => byKey.get(normalizeOwner(name)) ?? name
}

/**
 * An Owner cell by the one name of each person in it (`personName`, from `peopleNames`): the
 * names it lists (`ownerNames`), each renamed, and the cell to show, as written unless some
 * name in it was renamed (then the names joined by `, `).
 */
export function ownersOf(cell: string | null, personName: (name: string) => string): {owner: string | null; owners: string[]} {
  const written = ownerNames(cell)
  const owners = written.map(personName)
  return {owner: owners.some((name, index) => name !== written[index]) ? owners.join(', ') : cell, owners}
}

/** Whether `name` says anything once emphasis, `@` and spaces are taken away. */
export function isOwnerName(name: string): boolean {
  return normalizeOwner(name) !== ''
}
