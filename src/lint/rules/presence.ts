/**
 * Which template sections a document has, and where: the facts the structure rules
 * (`missing-section`, `missing-field`, `duplicate-section`, `section-order`, `heading-text`)
 * judge. Not a rule itself.
 */
import type {Span} from '../../model/finding.js'
import type {WrittenHeading, WrittenHeadings} from '../../model/names.js'
import type {SectionId, SectionSpec} from '../../profile/spec.js'
import type {PostmortemDocument, SectionOccurrence} from '../../parse/document.js'

/** The first occurrence of each recognised section, by id. */
export function firstOccurrences(document: PostmortemDocument): Map<SectionId, SectionOccurrence> {
  const present = new Map<SectionId, SectionOccurrence>()
  for (const occurrence of document.sections) if (!present.has(occurrence.id)) present.set(occurrence.id, occurrence)
  return present
}

/**
 * The headings the document wrote for its sections, for messages to name them as written: each
 * section's first heading, and for a sub-section without a heading whose content the document
 * wrote straight under its group's heading (`## Corrective actions` then a table: Prevent
 * Recurrence), that group heading.
 */
export function writtenHeadings(document: PostmortemDocument): WrittenHeadings {
  const headings = new Map<SectionId, WrittenHeading>()
  for (const occurrence of document.sections) if (!headings.has(occurrence.id)) headings.set(occurrence.id, occurrence)
  for (const [id, occurrence] of [...headings]) {
    const bare = document.profile.sectionById.get(id)?.bareContent
    const content = bare === undefined ? undefined : document.profile.sectionById.get(bare)
    if (content && !headings.has(content.id) && document.fields.has(content.path)) headings.set(content.id, occurrence)
  }
  return headings
}

/** Whether the document has `section` (the footer has no heading: it is there when it started). */
export function isPresent(document: PostmortemDocument, section: SectionSpec, present: ReadonlyMap<SectionId, SectionOccurrence>): boolean {
  return section.kind === 'footer' ? document.footer !== undefined : present.has(section.id)
}

/** Where the footer's fields start: its first field found. */
export function footerSpan(document: PostmortemDocument): Span | undefined {
  for (const field of document.profile.footerFields) {
    const info = document.fields.get(field.path)
    if (info) return info.span
  }
  return undefined
}

/** Where findings about a present section's content go: its heading, or the footer's first field. */
export function sectionAnchor(document: PostmortemDocument, section: SectionSpec): Span | undefined {
  const occurrence = document.sections.find((candidate) => candidate.id === section.id)
  return occurrence?.span ?? (section.kind === 'footer' ? footerSpan(document) : undefined)
}

/** Where a missing section is reported: the next present section's heading, or the end. */
export function nextPresentSpan(document: PostmortemDocument, section: SectionSpec, present: ReadonlyMap<SectionId, SectionOccurrence>): Span {
  const {profile} = document
  for (const later of profile.sections.slice((profile.sectionOrder.get(section.id) ?? profile.sections.length) + 1)) {
    const occurrence = present.get(later.id)
    if (occurrence) return occurrence.span
    if (later.kind === 'footer' && document.footer !== undefined) {
      const span = footerSpan(document)
      if (span) return span
    }
  }
  return document.source.end()
}

