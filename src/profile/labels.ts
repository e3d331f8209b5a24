/** A profile's fields and sections in the template's words. */
import type {Profile} from './compile.js'
import type {SectionSpec} from './spec.js'

/** A section's heading with its `#`s as the template writes it (`### Prevent Recurrence`). */
export function templateHeading(section: Pick<SectionSpec, 'depth' | 'heading'>): string {
  return `${'#'.repeat(section.depth)} ${section.heading ?? ''}`
}

/**
 * A field path in the template's words: a field's label, bold with its colon (`**Date:**`), a
 * list's label (`**Contributing factors:**`), a section's heading in backticks (`` `## Impact` ``).
 */
export function labelOf(profile: Profile, path: string): string {
  const field = profile.fieldByPath.get(path)
  if (field) return `**${field.label}:**`
  const owner = profile.blockOfPath.get(path)
  if (owner?.block.type === 'listUnderLabel') return `**${owner.block.label}:**`
  const section = profile.sections.find((candidate) => candidate.path === path && candidate.heading !== null)
  if (section) return `\`${templateHeading(section)}\``
  if (owner?.section.heading) return `\`${templateHeading(owner.section)}\``
  return path
}
