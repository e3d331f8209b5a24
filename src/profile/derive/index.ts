/**
 * `deriveProfile(templateMarkdown)`: a team's template file becomes a profile, by SPEC §9's rules
 * (headings → sections, labelled placeholders → fields, tables → rows, lists, checklists,
 * choices, repeated entries, guidance prose, type hints, annotations). Browser-safe, and never
 * throws on any text: a template that cannot be used gives its errors, each at a line.
 */
import {parse} from '../../parse/document.js'
import {compileProfile, type Profile} from '../compile.js'
import type {ProfileSpec} from '../spec.js'
import {withoutAnnotations} from './annotations.js'
import type {TemplateProblem} from './context.js'
import {specFromTemplate} from './template.js'

export type {TemplateProblem} from './context.js'

/** A template derived: its profile and spec, and what the person who wrote it may want to look at. */
export interface DerivedProfile {
  readonly ok: true
  readonly profile: Profile
  readonly spec: ProfileSpec
  readonly warnings: readonly TemplateProblem[]
}

/** A template that cannot be used: why, each at its line. */
export interface UnusableTemplate {
  readonly ok: false
  readonly errors: readonly TemplateProblem[]
  readonly warnings: readonly TemplateProblem[]
}

/** Options of `deriveProfile`. */
export interface DeriveOptions {
  /** The template file's name, for the profile's name and messages (default: `template.md`). */
  readonly file?: string | undefined
}

/**
 * Derive a profile from a team's template. Never throws: a template with no heading, two
 * sections or fields with one id, or an annotation that cannot be read is unusable, and says
 * why at each line.
 */
export function deriveProfile(templateMarkdown: string, options: DeriveOptions = {}): DerivedProfile | UnusableTemplate {
  try {
    const text = typeof templateMarkdown === 'string' ? templateMarkdown : String(templateMarkdown)
    const {spec, errors, warnings} = specFromTemplate(text, options.file ?? 'template.md')
    if (errors.length > 0 || !spec) return {ok: false, errors, warnings}
    // The template's own text, read by its profile, is its blank draft: what `new` writes.
    const blank = parse(withoutAnnotations(text), {profile: compileProfile(spec)})
    const complete: ProfileSpec = {...spec, blank}
    return {ok: true, profile: compileProfile(complete), spec: complete, warnings}
  } catch (error) {
    // Note: a safety net for the never-throws promise; an error here is a bug to report.
    const message = error instanceof Error ? error.message : String(error)
    return {ok: false, errors: [{line: 1, column: 1, message: `Cannot read this template (${message}); please report it`}], warnings: []}
  }
}
