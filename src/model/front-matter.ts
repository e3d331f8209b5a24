/**
 * Header fields YAML front matter gives (`date:`, `severity:`, `authors:`, `title: HOTFIX-4410 -
 * Stale prices`). The parser reads them where the header lacks them, and the serializer does not
 * write a header line the front matter already says, so a field stays where it was written.
 */
import {parse as parseYaml} from 'yaml'
import {normalizeName, sections} from './sections.js'
import {trimMarkdown, withoutUnit} from './text.js'
import {titlePlaceholder} from './title.js'

const headerFields = sections.find((section) => section.kind === 'title')!.blocks.flatMap((block) => (block.type === 'fieldLines' ? block.fields : []))

/** The template's placeholder of a field the front matter may give (`{DATE}`, `{ID}`). */
export function headerPlaceholder(path: string): string | undefined {
  return path === 'hotfixId' ? titlePlaceholder : headerFields.find((field) => field.path === path)?.placeholder
}

/** Keys that may hold the hotfix id (`hotfix: 2291`, `title: HOTFIX-2291 - Stale prices`). */
const idKeys = ['hotfix', 'hotfix id', 'id', 'title']

/** Field path → the text front matter gives for it (header fields, `hotfixId`, `incident`). */
export function frontMatterFields(frontMatter: string | undefined): Map<string, string> {
  const found = new Map<string, string>()
  if (frontMatter === undefined || !frontMatter.trim()) return found
  let data: unknown
  try {
    data = parseYaml(frontMatter, {logLevel: 'silent'})
  } catch {
    return found
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return found
  const entries = new Map(Object.entries(data as Record<string, unknown>).map(([key, value]) => [normalizeName(key), value]))
  for (const field of headerFields) {
    const names = [field.label, ...(field.aliases ?? [])].map(normalizeName)
    const key = names.find((name) => entries.has(name))
    const value = key === undefined ? undefined : scalarText(entries.get(key))
    if (!value) continue
    found.set(field.path, withoutUnit(value, field.suffix))
  }
  for (const key of idKeys) {
    const value = scalarText(entries.get(key))
    const match = value ? (/hotfix-([^\s:]+)/i.exec(value) ?? (key !== 'title' ? /^([^\s:]+)$/.exec(value) : null)) : null
    if (!value || !match) continue
    found.set('hotfixId', match[1]!)
    // `title: "HOTFIX-4410 - Stale prices"`: the rest of the title names the incident.
    const rest = key === 'title' ? value.slice(match.index + match[0].length).replace(/^[\s:—–-]+/, '').trim() : ''
    if (rest && !found.has('incident')) found.set('incident', rest)
    break
  }
  return found
}

/** A scalar (or a list of scalars, joined with commas) as one line of text. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return trimMarkdown(String(value).split('\n')[0]!)
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(', ')
  return undefined
}
