/** Building and ordering drafts: the blank template's draft, and a draft's keys in template order. */
import {blockFields} from '../profile/blocks.js'
import {builtinProfile} from '../profile/builtin.js'
import type {Postmortem, PostmortemDraft} from '../profile/builtin-types.js'
import type {KeyOrder, Profile} from '../profile/compile.js'
import {setPath} from './paths.js'
import {isPlaceholder} from './text.js'

/**
 * The draft of a profile's blank template: every key present, every value unfilled (`null`),
 * every list holding the template's unfilled rows and items. `stringify` of it is the template.
 */
export function blankDraft<Draft extends object = PostmortemDraft, Complete extends object = Postmortem>(profile: Profile<Draft, Complete> = builtinProfile as unknown as Profile<Draft, Complete>): Draft {
  // A team's template is its own blank draft: its text, read by its profile.
  if (profile.spec.blank) return structuredClone(profile.spec.blank) as Draft
  const draft: Record<string, unknown> = {}
  for (const section of profile.sections) {
    if (section.kind === 'title' && profile.title?.id) setPath(draft, profile.title.id.path, null)
    for (const block of section.blocks) {
      // A checklist line holds its box and its value; every other labelled field, its value.
      for (const field of blockFields(block)) setPath(draft, field.path, block.type === 'checklist' ? {checked: false, value: null} : null)
      switch (block.type) {
        case 'listUnderLabel':
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
          if (block.zonePath !== undefined) setPath(draft, block.zonePath, 'UTC')
          break
        default:
          break
      }
    }
  }
  return canonicalOrder(profile, draft as Draft)
}

/** The draft's keys in template order (a parse sets them in the document's order). */
export function canonicalOrder<Draft extends object>(profile: Profile, draft: Draft): Draft {
  return orderLike(draft, profile.keyOrder) as Draft
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
