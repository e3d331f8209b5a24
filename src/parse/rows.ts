import {trimMarkdown} from '../model/text.js'

/**
 * A row read from a list item: cell values by the role of their column (`timeline.time`,
 * `actionItems.owner`), and where each came from (offsets in the item).
 */
export interface ListRow {
  readonly values: Record<string, string | null>
  readonly spans: Record<string, readonly [number, number]>
}

/** A table cell holds one line: a list item's line breaks become spaces (layout, not prose). */
function oneLine(text: string): string {
  return text.includes('\n') ? text.split('\n').map((line) => line.trim()).join(' ') : text
}

/** A cell's value: the text (`""` when empty); the table decides whether it is its placeholder. */
function cell(text: string): string {
  return trimMarkdown(oneLine(text))
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * Length of a time at `at`: `H:MM`, `HH:MM`, `HH:MM:SS`, a 12-hour time (`2:54 PM`, `11:05am`)
 * or an ISO date-time with its offset; 0 when none.
 */
function timeLength(text: string, at: number): number {
  let index = at
  // ISO date-time: YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM]
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text.slice(at, at + 16))) {
    index = at + 16
    if (text[index] === ':' && isDigit(text.charCodeAt(index + 1)) && isDigit(text.charCodeAt(index + 2))) index += 3
    if (text[index] === '.' && isDigit(text.charCodeAt(index + 1))) {
      index++
      while (isDigit(text.charCodeAt(index))) index++
    }
    if (text[index] === 'Z') index++
    else if ((text[index] === '+' || text[index] === '-') && /^\d{2}:?\d{2}/.test(text.slice(index + 1, index + 6))) index += text[index + 3] === ':' ? 6 : 5
    return index - at
  }
  let digits = 0
  while (digits < 2 && isDigit(text.charCodeAt(index))) {
    index++
    digits++
  }
  if (digits === 0 || text[index] !== ':' || !isDigit(text.charCodeAt(index + 1)) || !isDigit(text.charCodeAt(index + 2))) return 0
  index += 3
  if (text[index] === ':' && isDigit(text.charCodeAt(index + 1)) && isDigit(text.charCodeAt(index + 2))) index += 3
  if (isDigit(text.charCodeAt(index))) return 0
  return index - at + meridiemLength(text, index)
}

/** Length of ` PM`, `pm`, ` a.m.` after a time; 0 when none. */
function meridiemLength(text: string, at: number): number {
  const match = /^ ?([AaPp])(\.?)[Mm]\2/.exec(text.slice(at, at + 6))
  if (!match) return 0
  const end = at + match[0].length
  const next = text[end]
  return next === undefined || !/[\p{L}\p{N}]/u.test(next) ? match[0].length : 0
}

/** Length of a time-zone word after a time (` UTC`, ` PST`, ` UTC+2`); 0 when none. */
function zoneLength(text: string, at: number): number {
  if (text[at] !== ' ') return 0
  let index = at + 1
  while (index - at - 1 < 5 && /[A-Z]/.test(text[index] ?? '')) index++
  const letters = index - at - 1
  if (letters < 2) return 0
  if ((text[index] === '+' || text[index] === '-') && isDigit(text.charCodeAt(index + 1))) {
    index += 2
    if (isDigit(text.charCodeAt(index))) index++
  }
  const next = text[index]
  return next === undefined || next === ' ' || next === ']' || next === '*' || next === ':' || next === ',' || next === ')' ? index - at : 0
}

/**
 * A timeline row from a list item: `14:02 - text`, `14:02 text`, `[14:02] text`,
 * `**14:02 UTC** text`, `2:54 PM PST: text`. The time is kept as written (with its zone word,
 * if any); the event is the rest, verbatim. `undefined` when the item does not start with a time.
 */
export function timelineItem(text: string): ListRow | undefined {
  let at = 0
  let close = ''
  if (text.startsWith('**') || text.startsWith('__')) {
    close = text.slice(0, 2)
    at = 2
  } else if (text.startsWith('[')) {
    close = ']'
    at = 1
  }
  const length = timeLength(text, at)
  if (length === 0) return undefined
  const zone = zoneLength(text, at + length)
  const timeEnd = at + length + zone
  let rest = timeEnd
  if (close) {
    if (!text.startsWith(close, rest)) return undefined
    rest += close.length
  }
  // A separator between time and event: ` - `, ` – `, ` — `, `:`, `,` or spaces.
  while (rest < text.length && (text[rest] === ' ' || text[rest] === '\t')) rest++
  if (text[rest] === '-' || text[rest] === '–' || text[rest] === '—' || text[rest] === ':' || text[rest] === ',' || text[rest] === '|') {
    rest++
    while (rest < text.length && (text[rest] === ' ' || text[rest] === '\t')) rest++
  }
  const event = cell(text.slice(rest))
  return {
    values: {'timeline.time': text.slice(at, timeEnd), 'timeline.event': event},
    spans: event === '' ? {'timeline.time': [at, timeEnd]} : {'timeline.time': [at, timeEnd], 'timeline.event': [rest, text.length]}
  }
}

/** What an action item's table has a column for: what its list items may give. */
export interface ActionColumns {
  /** The status a ticked box or `done` means (`Done`); none without a status column. */
  readonly done?: string | undefined
  /** The priority column's values (`High`, `Medium`, `Low`); none without one. */
  readonly priorities?: readonly string[] | undefined
  readonly owner: boolean
  readonly due: boolean
}

/**
 * An action item from a list item: `Rotate the certificate (@dana, due 2026-03-20)`. A final
 * parenthetical of owner, due date, priority or `done` fills those cells (when the table has a
 * column for each); anything else in it keeps the parenthetical in the action text. A ticked box
 * (`[x]`) or `done` is the status that closes an item (`Done`). `undefined` when the item says
 * something its table has no column for (a ticked box without a status column).
 */
export function actionItem(text: string, checked: boolean | null | undefined, columns: ActionColumns): ListRow | undefined {
  if (checked === true && columns.done === undefined) return undefined
  const values: Record<string, string | null> = checked === true && columns.done !== undefined ? {'actionItems.status': columns.done} : {}
  const spans: Record<string, readonly [number, number]> = {}
  let action = text
  const trimmed = trimMarkdown(text)
  if (trimmed.endsWith(')')) {
    let depth = 0
    let open = -1
    for (let index = trimmed.length - 1; index >= 0; index--) {
      if (trimmed[index] === ')') depth++
      else if (trimmed[index] === '(' && --depth === 0) {
        open = index
        break
      }
    }
    if (open > 0) {
      const found = readParenthetical(trimmed.slice(open + 1, -1), columns)
      if (found) {
        action = trimmed.slice(0, open)
        for (const [key, value] of Object.entries(found)) {
          if (key === 'actionItems.status' && values[key] !== undefined) continue
          values[key] = value
          const at = text.indexOf(value, open)
          if (at !== -1) spans[key] = [at, at + value.length]
        }
      }
    }
  }
  values['actionItems.action'] = cell(action)
  if (values['actionItems.action'] !== '') spans['actionItems.action'] = [0, trimMarkdown(action).length]
  return {values, spans}
}

function readParenthetical(inner: string, columns: ActionColumns): Record<string, string> | undefined {
  const found: Record<string, string> = {}
  let bareOwner = false
  // Only what the table has a column for fills a cell; anything else keeps the parenthetical.
  const set = (role: string, value: string): boolean => {
    if (found[role] !== undefined) return false
    found[role] = value
    return true
  }
  for (const raw of inner.split(/[,;]/)) {
    let part = raw.trim()
    if (!part) continue
    const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(part)
    if (date) {
      const words = part.replace(date[1]!, '').trim().toLowerCase()
      if (words !== '' && !['due', 'due by', 'by', 'done', 'completed', 'done on', 'eta', 'target'].includes(words)) return undefined
      if (!columns.due || !set('actionItems.due', date[1]!)) return undefined
      if (words === 'done' || words === 'completed' || words === 'done on') {
        if (columns.done === undefined) return undefined
        found['actionItems.status'] = columns.done
      }
      continue
    }
    const lower = part.toLowerCase()
    if (lower === 'done' || lower === 'completed') {
      if (columns.done === undefined) return undefined
      found['actionItems.status'] = columns.done
      continue
    }
    const bare = lower.endsWith(' priority') ? part.slice(0, -' priority'.length).trimEnd() : part
    if (isPriority(bare, columns.priorities) && found['actionItems.priority'] === undefined) {
      found['actionItems.priority'] = bare
      continue
    }
    const labelled = /^(?:owner|assignee|who):\s*/i.test(part)
    if (labelled) part = part.replace(/^(?:owner|assignee|who):\s*/i, '')
    if (columns.owner && found['actionItems.owner'] === undefined && (labelled || /^@[\w.-]+$/.test(part) || looksLikeName(part))) {
      found['actionItems.owner'] = part
      continue
    }
    if (columns.owner && found['actionItems.owner'] === undefined && /^[\p{Ll}][\p{L}.-]{0,30}$/u.test(part)) {
      // A lower-case word (`dana`) names an owner only beside a due date or a priority.
      found['actionItems.owner'] = part
      bareOwner = true
      continue
    }
    return undefined
  }
  if (bareOwner && Object.keys(found).length === 1) return undefined
  return Object.keys(found).length > 0 ? found : undefined
}

/**
 * Whether a word is one of the priority column's values, in any case, or the first three or more
 * letters of one (`high`, `Med`).
 */
function isPriority(word: string, values: readonly string[] | undefined): boolean {
  const lower = word.toLowerCase()
  return (values ?? []).some((value) => {
    const name = value.toLowerCase()
    return name === lower || (lower.length >= 3 && name.startsWith(lower) && /^\p{L}+$/u.test(lower))
  })
}

/** Particles of names written in lower case (`Ana de Souza`, `Jan van Dijk`). */
const particles = new Set(['de', 'da', 'do', 'dos', 'das', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'bin', 'al'])

/**
 * Whether words read as a person's name: one to four words, each capitalised (`Grace Liu`, `Ana
 * de Souza`). `Docker images etc` is not a name, so such a parenthetical stays in the action.
 */
function looksLikeName(text: string): boolean {
  const words = text.split(' ')
  if (words.length > 4 || words.some((word) => word === '')) return false
  return words.every((word, index) => /^\p{Lu}[\p{L}.'-]*$/u.test(word) || (index > 0 && particles.has(word)))
}
