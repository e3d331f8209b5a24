import type {Root} from 'mdast'
import type {Finding, Span} from '../model/finding.js'
import type {Profile} from '../profile/compile.js'
import type {ListMarker, SectionId} from '../profile/spec.js'
import type {Source} from './source.js'

/** Whether a field holds a value, a placeholder, or nothing. */
export type FieldState = 'filled' | 'placeholder' | 'empty'

/** Where a field stood in the source and what it held. */
export interface FieldInfo {
  readonly span: Span
  readonly state: FieldState
}

/** One heading of the document recognised as a template section. */
export interface SectionOccurrence {
  readonly id: SectionId
  /** The heading's text as written. */
  readonly text: string
  readonly span: Span
  readonly depth: number
}

/** A heading the template lacks. */
export interface UnknownSection {
  readonly text: string
  readonly span: Span
  readonly depth: number
}

/** How the document writes something the template lays out its own way. */
export interface LayoutFact {
  /** `list-marker`: a list read as a field, with another marker than the template's; `field-as-heading`: a field written as a heading (`## Owner: @name`). */
  readonly kind: 'list-marker' | 'field-as-heading'
  /** The field (or list) path. */
  readonly path: string
  /** Where: the first item of the list, or the heading. */
  readonly span: Span
  /** For `list-marker`: the marker written and the template's. */
  readonly written?: ListMarker
  readonly expected?: ListMarker
}

/**
 * A parsed postmortem: the draft, the source position of every field path, and the facts the
 * structure rules judge (which headings were recognised as which section, and where).
 */
export interface PostmortemDocument<Draft extends object = object> {
  /** The template the document was read by. */
  readonly profile: Profile<Draft>
  readonly draft: Draft
  /** The mdast tree (empty when the input was over a limit). */
  readonly tree: Root
  /** The normalised source text (no BOM, LF line endings). */
  readonly source: Source
  /** Field path → where its value stood and whether it was filled. */
  readonly fields: ReadonlyMap<string, FieldInfo>
  /** Recognised section headings in document order, second occurrences included. */
  readonly sections: readonly SectionOccurrence[]
  /** Where the meeting footer starts (its `---`, or its first label line), when there is one. */
  readonly footer: Span | undefined
  /** Headings the template lacks, kept as extras. */
  readonly unknownSections: readonly UnknownSection[]
  /** Layout the template writes otherwise: list markers, fields written as headings. */
  readonly layout: readonly LayoutFact[]
  /** Findings about the input as a whole: `input-limit`, `internal-error`. */
  readonly findings: readonly Finding[]
  /** Whether the input was parsed at all (`false` when over a size or nesting limit). */
  readonly parsed: boolean
}
