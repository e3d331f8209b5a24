/**
 * Header fields from YAML front matter (`date:`, `severity:`, `authors:`), where the header
 * lacks them. The front matter itself is kept verbatim (`frontMatter`).
 */
import {parse as parseYaml} from 'yaml'
import {setPath} from '../model/draft.js'
import {normalizeName, sections} from '../model/sections.js'
import {isPlaceholder, trimMarkdown} from '../model/text.js'
import {setField, type Reading} from './reading.js'
import type {FieldState} from './types.js'
import {spanOf} from './values.js'

const headerFields = sections.find((section) => section.kind === 'title')!.blocks.flatMap((block) => (block.type === 'fieldLines' ? block.fields : []))

/** Keys that may hold the hotfix id (`hotfix: 2291`, `title: HOTFIX-2291 - Stale prices`). */
const idKeys = ['hotfix', 'hotfix id', 'id', 'title']

/** Read header fields the document's header lacks from its front matter. */
export function readFrontMatter(reading: Reading): void {
  const node = reading.tree.children[0]
  if (!node || node.type !== 'yaml' || !node.value.trim()) return
  let data: unknown
  try {
    data = parseYaml(node.value)
  } catch {
    return
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return
  const {draft, fields} = reading
  const span = spanOf(reading.source, node)
  const entries = new Map(Object.entries(data as Record<string, unknown>).map(([key, value]) => [normalizeName(key), value]))
  for (const field of headerFields) {
    if (fields.has(field.path)) continue
    const names = [field.label, ...(field.aliases ?? [])].map(normalizeName)
    const key = names.find((name) => entries.has(name))
    const value = key === undefined ? undefined : scalarText(entries.get(key))
    if (!value) continue
    const clean = field.suffix && value.endsWith(field.suffix) ? value.slice(0, -field.suffix.length) : value
    const state: FieldState = isPlaceholder(clean) ? 'placeholder' : 'filled'
    setPath(draft, field.path, state === 'filled' ? clean : null)
    setField(reading, field.path, span, state)
  }
  if (fields.has('hotfixId') && draft.hotfixId !== null) return
  for (const key of idKeys) {
    const value = scalarText(entries.get(key))
    const match = value ? (/hotfix-([^\s:]+)/i.exec(value) ?? (key !== 'title' ? /^([^\s:]+)$/.exec(value) : null)) : null
    if (!value || !match) continue
    draft.hotfixId = match[1]!
    setField(reading, 'hotfixId', span, 'filled')
    // `title: "HOTFIX-4410 - Stale prices"`: the rest of the title names the incident.
    const rest = key === 'title' ? value.slice(match.index + match[0].length).replace(/^[\s:—–-]+/, '').trim() : ''
    if (rest && draft.incident === null && !fields.has('incident')) {
      draft.incident = rest
      setField(reading, 'incident', span, 'filled')
    }
    return
  }
}

/** A scalar (or a list of scalars, joined with commas) as one line of text. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return trimMarkdown(String(value).split('\n')[0]!)
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(', ')
  return undefined
}
