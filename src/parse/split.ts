/**
 * Splitting a document into sections: which heading starts which template section (by meaning,
 * not bytes), which headings the template lacks, and where the meeting footer starts.
 */
import type {Heading, RootContent} from 'mdast'
import {normalizeName, sectionOrder, sections, sectionsForHeading, type SectionId, type SectionSpec} from '../model/sections.js'
import type {Reading} from './reading.js'
import {readLabel} from './source.js'
import {headingText, labelMatches, lineAt, spanOf, startOf} from './values.js'

/** A run of top-level nodes: a section's heading and content, or content before any heading. */
export interface Region {
  /** The template section it is, or `null` for content the template lacks. */
  readonly section: SectionSpec | null
  readonly heading: Heading | null
  readonly nodes: RootContent[]
  /** For content the template lacks: the anchor it is kept after. */
  readonly anchor: string
  /**
   * An unknown sub-section of a group that reads bare content (`### Immediate` under Action
   * Items): the group, whose content blocks its lists and tables are read as.
   */
  readonly group?: SectionSpec
}

const title = sections.find((section) => section.kind === 'title')!
const footer = sections.find((section) => section.kind === 'footer')!
const footerFields = footer.blocks.flatMap((block) => (block.type === 'fieldLines' ? block.fields : []))
/** The section after which a footer label starts the footer even without its `---`. */
const lastSection = sections.filter((section) => section.kind !== 'footer' && section.parent === null).at(-1)!

/** Split the tree's top-level nodes into regions, recording recognised and unknown headings. */
export function split(reading: Reading): Region[] {
  const {source} = reading
  const regions: Region[] = []
  let current: Region = {section: null, heading: null, nodes: [], anchor: 'start'}
  regions.push(current)
  let top: SectionSpec | null = null
  let topDepth = 2
  let lastKnown = 'start'
  let first = true
  let inFooter = false
  const found = new Set<SectionId>()
  const children = reading.tree.children

  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'yaml' && index === 0) {
      reading.draft.frontMatter = node.value
      continue
    }
    if (node.type === 'heading') {
      const text = headingText(source, node)
      const section: SectionSpec | undefined = first && isTitle(node, text) ? title : recognise(text, node.depth, top, topDepth, found)
      first = false
      if (section) {
        found.add(section.id)
        // A section sets the context for sub-sections, unless written deeper than its level.
        if (section.parent === null && section.kind !== 'title' && (top === null || node.depth <= topDepth)) {
          top = section
          topDepth = node.depth
        }
        if (section.kind === 'title') top = null
        current = {section, heading: node, nodes: [], anchor: section.id}
        lastKnown = section.id
      } else {
        reading.unknownSections.push({text, span: spanOf(source, node), depth: node.depth})
        // Note: an unknown heading keeps the section context, so sub-sections written after it
        // (where `fmt` puts an unknown section kept at the end of a group) are still recognised.
        // Under a group that reads bare content, an unknown sub-heading groups that content.
        const group = top?.bareContent !== undefined && node.depth > topDepth ? top : undefined
        // At the sections' level, it follows the whole of the section before it, sub-sections included.
        const after = group ? group.id : node.depth <= topDepth && top ? lastOfGroup(top.id, lastKnown) : lastKnown
        current = group ? {section: null, heading: node, nodes: [], anchor: after, group} : {section: null, heading: node, nodes: [], anchor: after}
      }
      regions.push(current)
      current.nodes.push(node)
      continue
    }
    if (!inFooter && startsFooter(reading, children, index, lastKnown)) {
      inFooter = true
      reading.footer = spanOf(source, node)
      current = {section: footer, heading: null, nodes: [], anchor: footer.id}
      regions.push(current)
      lastKnown = footer.id
    }
    current.nodes.push(node)
  }
  return regions
}

/** The first heading is the title when it is an `#` heading or names a postmortem or hotfix. */
function isTitle(heading: Heading, text: string): boolean {
  if (heading.depth === 1) return true
  return sectionsForHeading(text).length === 0 && /\b(?:postmortem|post mortem|hotfix|incident report)\b/.test(normalizeName(text))
}

/** Whether the footer starts at `index`: a `---` before a meeting label, or that label alone. */
function startsFooter(reading: Reading, children: readonly RootContent[], index: number, lastKnown: string): boolean {
  const node = children[index]!
  // Without its `---`, a meeting label starts the footer only after the last section.
  if (node.type !== 'thematicBreak' && lastKnown !== lastSection.id) return false
  const next = node.type === 'thematicBreak' ? children[index + 1] : node
  if (!next || next.type !== 'paragraph') return false
  const label = readLabel(lineAt(reading.source, next, startOf(next)))
  if (!label) return false
  return footerFields.some((field) => labelMatches(field, label.label))
}

/**
 * Which template section a heading starts, if any. In order of preference:
 * 1. a sub-section under its own section, one level or more deeper (`### What Happened`);
 * 2. a section at the sections' level (`## Impact`);
 * 3. a root-cause sub-section written as a section next to its own (`## Trigger` after
 *    `## Root Causes`) or with none around it (`## What Happened`);
 * 4. a section written one level deeper under another (`### What went well` under `## Lessons`),
 *    the first time it appears.
 */
function recognise(text: string, depth: number, top: SectionSpec | null, topDepth: number, found: ReadonlySet<SectionId>): SectionSpec | undefined {
  const candidates = sectionsForHeading(text)
  const parentSeen = (section: SectionSpec): boolean => section.parent !== null && found.has(section.parent)
  return (
    candidates.find((section) => section.parent !== null && top !== null && section.parent === top.id && depth > topDepth) ??
    candidates.find((section) => section.parent === null && (depth <= topDepth || top === null)) ??
    candidates.find(
      (section) =>
        section.standalone === true && !found.has(section.id) && depth <= topDepth && ((top !== null && section.parent === top.id) || !parentSeen(section))
    ) ??
    candidates.find((section) => section.parent === null && !found.has(section.id) && depth > topDepth)
  )
}

/** The last section of `id`'s group in template order (its last sub-section), or `fallback`. */
function lastOfGroup(id: SectionId, fallback: string): string {
  const last = sections.filter((section) => section.parent === id).at(-1)?.id
  if (!last) return fallback
  return sectionOrder.get(last)! > (sectionOrder.get(fallback as SectionId) ?? -1) ? last : fallback
}
