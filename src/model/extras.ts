/**
 * Extras: content the template has no field for (front matter aside), kept verbatim where it
 * stood. Each is one block, or a heading the template lacks with its content, anchored to where
 * it is written back: `start` (before the title), `<section id>:heading` (right after that
 * section's heading), `<section id>` (after that section's content) or `end` (after everything).
 */
import {toString} from 'mdast-util-to-string'
import type {Profile} from '../profile/compile.js'
import {blocksOf} from './markdown.js'

/** Whether `value` is an anchor: `start`, `end`, a section id or `<section id>:heading`. */
export function isAnchor(profile: Profile, value: string): boolean {
  return value === 'start' || value === 'end' || profile.sectionById.has(value.replace(/:heading$/, ''))
}

/** Position of an anchor in document order: before the title, after a heading, after a section, at the end. */
export function anchorRank(profile: Profile, after: string): number {
  if (after === 'start') return -1
  if (after === 'end') return profile.sections.length * 2
  const heading = after.endsWith(':heading')
  const order = profile.sectionOrder.get(after.replace(/:heading$/, '')) ?? 0
  return order * 2 + (heading ? 0 : 1)
}

/**
 * Why a list of extras could not be written back and read as itself, or `undefined`. Each extra
 * is one block, or a heading the template lacks with its content; they stand in document order.
 */
export function extrasProblem(profile: Profile, extras: readonly {after: string; markdown: string}[]): {index: number; message: string} | undefined {
  let rank = -Infinity
  let headedAt = ''
  for (const [index, extra] of extras.entries()) {
    const id = extra.after.replace(/:heading$/, '')
    const current = anchorRank(profile, extra.after)
    if (current < rank) return {index, message: 'Extras must be listed in document order'}
    if (current > rank) headedAt = ''
    rank = current
    if (extra.markdown === '') {
      // An empty extra keeps the heading of a section whose fields say nothing of it.
      if (!profile.keptByEmpty.has(id) || !extra.after.endsWith(':heading')) return {index, message: 'An empty extra only keeps the heading of a table section, `whyItHappened` or `whyNotCaught`, anchored `<id>:heading`'}
      continue
    }
    const {nodes, runsOn} = blocksOf(extra.markdown)
    const first = nodes[0]
    if (!first) return {index, message: 'An extra block is empty'}
    if (runsOn) {
      // An unclosed fence or comment takes in all that follows it: only last, at the end.
      if (extra.after !== 'end' || index !== extras.length - 1) return {index, message: 'An unclosed code fence or HTML comment would swallow what follows it: it stands last, at `end`'}
      continue
    }
    if (first.type === 'heading') {
      const rest = nodes.slice(1).map((node) => (node.type === 'heading' ? {type: node.type, depth: node.depth, text: toString(node)} : {type: node.type}))
      const problem = headingProblem(profile, extra.after, id, first.depth, extra.markdown.slice(first.position!.start.offset!, first.position!.end.offset!), rest)
      if (problem) return {index, message: problem}
      headedAt = extra.after
      continue
    }
    if (extra.after === 'end') return {index, message: 'An extra at the end starts with a heading (after the last section, a block joins that section)'}
    if (nodes.length !== 1) return {index, message: 'An extra without a heading is one block (a paragraph, list, comment, …)'}
    const previous = extras[index - 1]
    if (first.type === 'list' && previous?.after === extra.after && listsJoin(previous.markdown, extra.markdown)) {
      return {index, message: 'Two lists with one marker at one place are one list: keep them as one extra'}
    }
    if (headedAt === extra.after) return {index, message: 'An extra block after an extra section at the same place would become part of that section'}
    if (profile.freeText.has(id)) return {index, message: `Only a section with a heading can stand after \`${id}\`, whose whole body is free text`}
  }
  return undefined
}

/** The marker of a list that `markdown` starts with (`-`, `*`, `+`, or `.` and `)` for ordered lists). */
function listMarker(markdown: string): string | undefined {
  return /^ {0,3}(?:([-*+])|\d{1,9}([.)]))(?:[ \t]|\n|$)/.exec(markdown)?.slice(1).find((part) => part !== undefined)
}

/**
 * Whether two blocks written one after the other would join as one list: both are lists with
 * the same marker (blank lines between list items do not end a list).
 */
export function listsJoin(before: string, after: string): boolean {
  const marker = listMarker(after)
  if (marker === undefined || marker !== listMarker(before)) return false
  const [block, ...rest] = blocksOf(before).nodes
  const [next] = blocksOf(after).nodes
  return rest.length === 0 && block?.type === 'list' && next?.type === 'list'
}

function headingProblem(profile: Profile, after: string, id: string, depth: number, line: string, rest: readonly {type: string; depth?: number; text?: string}[]): string | undefined {
  const text = line.replace(/^#+\s*/, '').replace(/\s#+\s*$/, '')
  // An extra section keeps the headings deeper than its own: a second occurrence of a section
  // all of them, a sub-heading (deeper than the sections' level, `###`) all of them, a heading
  // at the sections' level those that name no section (`### Dashboards` under `## Appendix`).
  const sub = rest.flatMap((node) => (node.type === 'heading' ? [{depth: node.depth ?? 0, text: node.text ?? ''}] : []))
  const second = profile.sectionsForHeading(text).some((section) => section.id === id || section.id === profile.sectionById.get(id)?.parent)
  // Note: the serializer writes sections at depth 2, so only headings deeper than that join one.
  if (sub.some((node) => node.depth <= Math.max(depth, 2))) return 'An extra section holds the headings deeper than its own (and than `##`) only'
  if (!second && depth <= 2 && sub.some((node) => profile.sectionsForHeading(node.text).some((section) => section.parent === null))) {
    return 'A heading in an extra section names a template section: it would start that section'
  }
  if (after.endsWith(':heading')) return "An extra section right after a heading would take in that section's content; anchor it after the section"
  if (after === 'start') return depth === 1 ? 'A `#` heading before the title would become the title' : undefined
  if (after === 'end') return depth <= 2 && profile.sectionsForHeading(text).some((section) => section.parent === null) ? `The extra heading \`${text}\` names a template section` : undefined
  // Only a heading that would be read as a template section there conflicts.
  const top = profile.sectionById.get(id)
  const context = top?.parent ?? top?.id
  const known = profile.sectionsForHeading(text).filter((section) => (section.parent === null ? depth <= 2 : section.parent === context && depth > 2))
  if (known.length > 0 && !known.some((section) => section.id === id || section.id === top?.parent)) return `The extra heading \`${text}\` names a template section`
  return undefined
}
