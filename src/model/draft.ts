/** Building and walking drafts: the blank template's draft, and reading and writing field paths. */
import {setPath} from './paths.js'
import type {PostmortemDraft} from './schema.js'
import {sections} from './sections.js'
import {isPlaceholder} from './text.js'

/**
 * The draft of the blank template: every key present, every value unfilled (`null`), every list
 * holding the template's unfilled rows and items. `stringify(blankDraft())` is the template.
 */
export function blankDraft(): PostmortemDraft {
  const draft: Record<string, unknown> = {}
  for (const section of sections) {
    if (section.kind === 'title') setPath(draft, 'hotfixId', null)
    for (const block of section.blocks) {
      switch (block.type) {
        case 'fieldLines':
        case 'labelList':
          for (const field of block.fields) setPath(draft, field.path, null)
          break
        case 'labelParagraph':
          setPath(draft, block.field.path, null)
          break
        case 'labeledList':
        case 'list':
          setPath(draft, block.path, block.placeholders.map(() => null))
          break
        case 'markdown':
          setPath(draft, block.path, null)
          break
        case 'table':
          setPath(
            draft,
            block.path,
            block.templateRows.map((row) => Object.fromEntries(block.columns.map((column, index) => [column.key, isPlaceholder(row[index] ?? '') ? null : (row[index] ?? null)])))
          )
          if (block.zoneColumn !== undefined) draft.timelineTimeZone = 'UTC'
          break
        case 'checklist':
          for (const field of block.fields) setPath(draft, field.path, {checked: false, value: null})
          break
        case 'rule':
          break
      }
    }
  }
  return canonicalOrder(draft as PostmortemDraft)
}

/** The draft's keys in template order (a parse sets them in the document's order). */
export function canonicalOrder(draft: PostmortemDraft): PostmortemDraft {
  return orderLike(draft, keyOrder) as PostmortemDraft
}

/** Key order of the model, template order, as nested lists. */
type KeyOrder = ReadonlyMap<string, KeyOrder | null>

const keyOrder: KeyOrder = new Map<string, KeyOrder | null>([
  ['hotfixId', null],
  ['title', null],
  ['date', null],
  ['incident', null],
  ['durationMinutes', null],
  ['severity', null],
  ['author', null],
  ['executiveSummary', null],
  ['impact', keys('usersAffected', 'duration', 'revenueImpact', 'dataImpact', 'reputationImpact')],
  ['timeline', keys('time', 'event', 'who')],
  ['timelineTimeZone', null],
  ['rootCause', keys('whatHappened', 'immediateCause', 'contributingFactors', 'testingGap', 'monitoringGap', 'processGap')],
  ['wentWell', null],
  ['wentPoorly', null],
  ['gotLucky', null],
  [
    'actionItems',
    new Map(['preventRecurrence', 'improveDetection', 'improveResponse'].map((key) => [key, keys('action', 'owner', 'dueDate', 'priority', 'status')]))
  ],
  ['properFix', new Map([['hotfixWas', null], ...['storyCreated', 'scheduledFor', 'description'].map((key): [string, KeyOrder] => [key, keys('checked', 'value')])])],
  ['communication', keys('internalNotification', 'customerNotification', 'publicPostmortem')],
  ['lessonsLearned', keys('technical', 'process', 'team')],
  ['blamelessNote', null],
  ['meeting', keys('heldOn', 'attendees', 'documentedBy')],
  ['frontMatter', null],
  ['extra', null]
])

function keys(...names: string[]): KeyOrder {
  return new Map(names.map((name) => [name, null]))
}

function orderLike(value: unknown, order: KeyOrder | null): unknown {
  if (order === null || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => orderLike(item, order))
  const record = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, inner] of order) if (key in record) out[key] = orderLike(record[key], inner)
  for (const key of Object.keys(record)) if (!(key in out)) out[key] = record[key]
  return out
}
