import {splitPath} from './paths.js'
import {fields, sections} from './sections.js'

const labels = new Map<string, string>()
for (const {field} of fields) labels.set(field.path, `**${field.label}:**`)
for (const section of sections) {
  if (section.heading && !labels.has(section.path)) labels.set(section.path, `${'#'.repeat(section.depth)} ${section.heading}`)
}
labels.set('rootCause.contributingFactors', '**Contributing factors:**')
labels.set('timelineTimeZone', 'Time (UTC) column header')
labels.set('meeting', 'meeting footer')

const columnNames: Record<string, string> = {
  time: 'Time',
  event: 'Event',
  who: 'Who',
  action: 'Action',
  owner: 'Owner',
  dueDate: 'Due Date',
  priority: 'Priority',
  status: 'Status'
}

/**
 * Name a field path in the template's words: `actionItems.improveDetection[1].owner` →
 * "Owner of action item 2 in `### Improve Detection`".
 */
export function describePath(path: string): string {
  if (path === '') return 'the document'
  const direct = labels.get(path)
  if (direct) return `\`${direct}\``
  const keys = splitPath(path)
  // Rows and items: `timeline[2].time`, `wentWell[0]`, `actionItems.x[1].owner`.
  const indexAt = keys.findIndex((key) => typeof key === 'number')
  if (indexAt !== -1) {
    const listPath = keys.slice(0, indexAt).join('.')
    const index = keys[indexAt] as number
    const column = keys[indexAt + 1]
    const list = labels.get(listPath) ?? listPath
    const noun = listPath === 'timeline' ? 'timeline row' : listPath.startsWith('actionItems') ? 'action item' : listPath === 'extra' ? 'extra block' : 'item'
    const where = `${noun} ${index + 1} in \`${list}\``
    return typeof column === 'string' && columnNames[column] ? `${columnNames[column]} of ${where}` : where
  }
  if (path.startsWith('properFix.') && path.endsWith('.value')) return describePath(path.slice(0, -'.value'.length))
  if (path.startsWith('properFix.') && path.endsWith('.checked')) return `the box of ${describePath(path.slice(0, -'.checked'.length))}`
  const parent = labels.get(keys.slice(0, -1).join('.'))
  return parent ? `\`${String(keys.at(-1))}\` of \`${parent}\`` : `\`${path}\``
}

/** Turn a zod-style path (`['timeline', 2, 'time']`) into a field path (`timeline[2].time`). */
export function joinPath(keys: readonly PropertyKey[]): string {
  let path = ''
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`
    else path += (path ? '.' : '') + String(key)
  }
  return path
}
