/**
 * Action items across the three tables of `## Action Items`: which tables there are, every item
 * with its field path, and what "open", "overdue" and "owned by" mean. The rules, the `actions`
 * and `stats` commands and reports all read action items through here.
 */
import {sectionById} from './sections.js'
import {statuses, type ActionItem, type PostmortemDraft} from './schema.js'
import {isIsoDate, isPlaceholder} from './text.js'

/** The three action item tables, in template order: draft key and heading. */
export const actionTables = (['preventRecurrence', 'improveDetection', 'improveResponse'] as const).map((key) => ({
  key,
  heading: sectionById.get(key)!.heading!
}))

/** Key of an action item table in the draft (`improveDetection`). */
export type ActionTableKey = 'preventRecurrence' | 'improveDetection' | 'improveResponse'

/** One action item of a draft, with the table it stands in and its field path. */
export interface ActionItemEntry {
  readonly table: ActionTableKey
  /** The table's heading: `Prevent Recurrence`, `Improve Detection` or `Improve Response`. */
  readonly heading: string
  /** Index of the item in its table. */
  readonly index: number
  /** Field path of the item (`actionItems.improveDetection[1]`). */
  readonly path: string
  readonly item: ActionItem
}

/**
 * Every action item of a draft, table by table, in row order. A row the template wrote and
 * nobody filled (`{action_1}`, `{owner}`, `{date}`) is not an action item and is left out.
 */
export function actionItemsOf(draft: PostmortemDraft): ActionItemEntry[] {
  return actionTables.flatMap(({key, heading}) =>
    (draft.actionItems?.[key] ?? []).flatMap((item, index) => (isUnfilledRow(item) ? [] : [{table: key, heading, index, path: `actionItems.${key}[${index}]`, item}]))
  )
}

/**
 * Whether an action item is a template's row, still unfilled: Action, Owner and Due Date hold
 * placeholders (this template's, `null`, or another's, such as `{action}`).
 */
export function isUnfilledRow(item: ActionItem): boolean {
  const unfilled = (cell: string | null | undefined): boolean => cell === null || (typeof cell === 'string' && isPlaceholder(cell))
  return unfilled(item.action) && unfilled(item.owner) && unfilled(item.dueDate)
}

/** The template's statuses. */
export type ActionStatus = (typeof statuses)[number]

/** A status as one of the template's values (tolerating case, emphasis, code and `’`), or `undefined`. */
export function canonicalStatus(status: string | null | undefined): ActionStatus | undefined {
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

/** Whether an item is still open: its status is neither Done nor Won't Do (unfilled counts as open). */
export function isOpen(item: Pick<ActionItem, 'status'>): boolean {
  const status = canonicalStatus(item.status)
  return status !== 'Done' && status !== "Won't Do"
}

/** Whether an item is open and due (a real `YYYY-MM-DD`) strictly before `now`. */
export function isOverdue(item: Pick<ActionItem, 'status' | 'dueDate'>, now: string): boolean {
  if (!isOpen(item) || item.dueDate === null || item.dueDate === undefined) return false
  const due = item.dueDate.trim()
  return isIsoDate(due) && due < now
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

/** Whether `name` says anything once emphasis, `@` and spaces are taken away. */
export function isOwnerName(name: string): boolean {
  return normalizeOwner(name) !== ''
}
