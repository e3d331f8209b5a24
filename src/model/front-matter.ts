/**
 * Header fields YAML front matter gives (`date:`, `severity:`, `authors:`, `title: HOTFIX-4410 -
 * Stale prices`). The parser reads them where the header lacks them, and the serializer does not
 * write a header line the front matter already says, so a field stays where it was written.
 */
import {parse as parseYaml} from 'yaml'
import type {Profile} from '../profile/compile.js'
import {normalizeName, trimMarkdown, withoutUnit} from './text.js'

/** The template's placeholder of a field the front matter may give (`{DATE}`, `{ID}`). */
export function headerPlaceholder(profile: Profile, path: string): string | undefined {
  const id = profile.title?.id
  return id && path === id.path ? id.placeholder : profile.headerFields.find((field) => field.path === path)?.placeholder
}

/** Field path → the text front matter gives for it (header fields, `hotfixId`, `incident`). */
export function frontMatterFields(profile: Profile, frontMatter: string | undefined): Map<string, string> {
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
  for (const field of profile.headerFields) {
    const names = [field.label, ...(field.aliases ?? [])].map(normalizeName)
    const key = names.find((name) => entries.has(name))
    const value = key === undefined ? undefined : scalarText(entries.get(key))
    if (!value) continue
    found.set(field.path, withoutUnit(value, field.suffix))
  }
  // Keys that may hold the title's id (`hotfix: 2291`, `title: HOTFIX-2291 - Stale prices`).
  const id = profile.title?.id
  for (const key of id ? (profile.spec.frontMatterIdKeys ?? []) : []) {
    const value = scalarText(entries.get(key))
    if (!value || !id) continue
    const at = value.toLowerCase().indexOf(id.prefix.toLowerCase())
    let match: {index: number; text: string; id: string} | undefined
    if (at !== -1) {
      let end = at + id.prefix.length
      while (end < value.length && !/[\s:]/.test(value[end]!)) end++
      if (end > at + id.prefix.length) match = {index: at, text: value.slice(at, end), id: value.slice(at + id.prefix.length, end)}
    } else if (key !== 'title' && !/[\s:]/.test(value)) match = {index: 0, text: value, id: value}
    if (!match) continue
    found.set(id.path, match.id)
    // `title: "HOTFIX-4410 - Stale prices"`: the rest of the title names the incident.
    const rest = key === 'title' ? value.slice(match.index + match.text.length).replace(/^[\s:—–-]+/, '').trim() : ''
    const named = profile.roles.get('title')
    if (rest && named?.kind === 'field' && !found.has(named.path)) found.set(named.path, rest)
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
