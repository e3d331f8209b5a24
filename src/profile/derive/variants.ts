/**
 * The headings a document may write for each section of a team's template: the template's `aka`
 * (accepted as written) and the lexicon's variants (recognised, and reported by `heading-text`
 * as renamed). A variant two sections could claim belongs to neither.
 */
import {normalizeName} from '../../model/text.js'
import type {SectionSpec} from '../spec.js'
import type {Derivation} from './context.js'
import {headingVariants} from './lexicon.js'

/** The sections with their aliases. */
export function sectionVariants(sections: readonly SectionSpec[], _derivation: Derivation): SectionSpec[] {
  const taken = new Set<string>()
  for (const section of sections) {
    if (section.heading !== null && section.kind !== 'title') taken.add(normalizeName(section.heading))
    for (const alias of section.accepted ?? []) taken.add(normalizeName(alias))
  }
  const claims = new Map<string, number>()
  const variants = sections.map((section) => (section.heading === null || section.kind === 'title' ? [] : headingVariants(section.heading, taken)))
  for (const list of variants) for (const variant of list) claims.set(variant, (claims.get(variant) ?? 0) + 1)
  return sections.map((section, index) => {
    const own = variants[index]!.filter((variant) => claims.get(variant) === 1)
    const aliases = [...(section.accepted ?? []), ...own.filter((variant) => !(section.accepted ?? []).some((alias) => normalizeName(alias) === variant))]
    return aliases.length === 0 ? section : {...section, aliases}
  })
}
