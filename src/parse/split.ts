/**
 * Splitting a document into sections: which heading starts which template section (by meaning,
 * not bytes), which headings the template lacks, and where the meeting footer starts.
 */
import type {Heading, RootContent} from 'mdast'
import {runsOn} from '../model/markdown.js'
import {matchPattern} from '../model/patterns.js'
import {normalizeName} from '../model/text.js'
import type {Profile} from '../profile/compile.js'
import type {SectionId, SectionSpec} from '../profile/spec.js'
import {groupAnchor, type Reading} from './reading.js'
import {readLabel} from './source.js'
import {headingText, labelMatches, lineAt, sourceOf, spanOf, startOf} from './values.js'

/** A run of top-level nodes: a section's heading and content, or content before any heading. */
export interface Region {
  /** The template section it is, or `null` for content the template lacks. */
  readonly section: SectionSpec | null
  readonly heading: Heading | null
  readonly nodes: RootContent[]
  /** For content the template lacks: the anchor it is kept after. */
  anchor: string
  /** Whether its heading stands at the sections' level (a sub-heading does not). */
  readonly topLevel: boolean
}

/** Split the tree's top-level nodes into regions, recording recognised and unknown headings. */
export function split(reading: Reading): Region[] {
  const {source, profile} = reading
  const title = profile.titleSection
  const footer = profile.footerSection
  // Note: a heading kept as written keeps no heading at the level the serializer writes sections
  // at, which follow it there.
  const sectionLevel = profile.sectionDepth
  const children = reading.tree.children
  const first = children[0]?.type === 'yaml' ? 1 : 0
  // A last block that runs on (an unclosed fence or comment) took in everything after it: it is
  // kept at the end, where nothing can follow it.
  const open = children.at(-1)
  const runsOnAtEnd = open && open !== children[first - 1] && (open.type === 'code' || open.type === 'html') && runsOn(sourceOf(reading.source, open)) ? open : undefined
  if (children[0]?.type === 'yaml') reading.draft.frontMatter = children[0].value
  const titleAt = findTitle(reading, first)
  const regions: Region[] = []
  // Without a title heading, what precedes the first heading is the header; with one, what
  // precedes it stays before it.
  let current: Region =
    titleAt === -1 && title ? {section: title, heading: null, nodes: [], anchor: title.id, topLevel: true} : {section: null, heading: null, nodes: [], anchor: 'start', topLevel: true}
  regions.push(current)
  let top: SectionSpec | null = null
  let topDepth = 2
  let lastKnown = titleAt === -1 && title ? title.id : 'start'
  let lastKnownRegion = titleAt === -1 && title ? 0 : -1
  let inFooter = false
  let swallow: number | undefined
  /** After a section-level heading the template lacks: its depth (deeper unknown headings join it). */
  let join: number | undefined
  const found = new Set<SectionId>()
  const named = namedSections(reading, titleAt)

  for (let index = first; index < children.length; index++) {
    const node = children[index]!
    if (node === runsOnAtEnd) {
      regions.push({section: null, heading: null, nodes: [node], anchor: 'end', topLevel: true})
      continue
    }
    // A second occurrence of a section is kept whole with what is under it, sub-headings too;
    // so is a sub-heading the template lacks (its own sub-headings are its content).
    if (node.type === 'heading' && swallow !== undefined) {
      if (node.depth > swallow) {
        if (current.section === null) reading.unknownSections.push({text: headingText(source, node), span: spanOf(source, node), depth: node.depth})
        current.nodes.push(node)
        continue
      }
      swallow = undefined
    }
    if (node.type === 'heading') {
      const text = headingText(source, node)
      const section: SectionSpec | undefined = index === titleAt ? title : index < titleAt ? undefined : recognise(profile, text, node.depth, top, topDepth, found, named)
      // Headings that are part of the section they stand in: its entries (`### 14:02`), its
      // groups' sub-headings, a field written as a heading (`## Owner: @name`).
      if (!section && index > titleAt && current.section && partOf(reading, current, node, text)) {
        current.nodes.push(node)
        continue
      }
      if (!section && join !== undefined && node.depth > join && current.section === null) {
        // A heading the template lacks under one it lacks is part of it: one block, kept whole.
        reading.unknownSections.push({text, span: spanOf(source, node), depth: node.depth})
        current.nodes.push(node)
        continue
      }
      join = undefined
      if (section) {
        // A section sets the context for sub-sections, unless written deeper than its level; a
        // second occurrence (kept as written) does not.
        const again = found.has(section.id)
        found.add(section.id)
        if (!again && section.parent === null && section.kind !== 'title' && (top === null || node.depth <= topDepth)) {
          top = section
          topDepth = node.depth
        } else if (!again && section.standalone === true && section.parent !== null && node.depth <= topDepth) {
          // A sub-section written as a section (`## What Happened`) stands for its group, as
          // `fmt` writes it: the group's other sub-sections may follow it.
          top = profile.sectionById.get(section.parent) ?? top
          topDepth = node.depth
        }
        if (section.kind === 'title') top = null
        if (again) {
          // Kept after the first occurrence; a group's after all of its sub-sections.
          // Note: not the headings at the level `fmt` writes sections at, which follow it there.
          swallow = Math.max(node.depth, sectionLevel)
          current = {section, heading: node, nodes: [], anchor: section.kind === 'group' ? afterGroup(profile, section.id) : section.id, topLevel: true}
        } else {
          current = {section, heading: node, nodes: [], anchor: section.id, topLevel: true}
          lastKnown = section.id
        }
        lastKnownRegion = regions.length
      } else {
        reading.unknownSections.push({text, span: spanOf(source, node), depth: node.depth})
        // At the sections' level, it follows the whole of the section before it, sub-sections
        // included, and ends that section: a sub-heading after it is under it, not under the
        // section before. A deeper unknown heading keeps the context (`### Immediate` under
        // Action Items, then `### Improve Detection`).
        const topLevel = node.depth <= topDepth || top === null
        const after = index < titleAt ? 'start' : node.depth <= topDepth ? afterGroup(profile, lastKnown) : withinTop(profile, lastKnown, top)
        current = {section: null, heading: node, nodes: [], anchor: after, topLevel}
        if (node.depth <= topDepth) {
          top = null
          // Note: only headings deeper than the sections' level join it; a `# Title`-level one
          // must not take in the sections `fmt` may write after it.
          if (index > titleAt) join = Math.max(node.depth, sectionLevel)
        } else if (index > titleAt) swallow = node.depth
      }
      regions.push(current)
      current.nodes.push(node)
      continue
    }
    if (footer && !inFooter && index > titleAt && startsFooter(reading, children, index, lastKnown)) {
      inFooter = true
      swallow = undefined
      join = undefined
      reading.footer = spanOf(source, node)
      current = {section: footer, heading: null, nodes: [], anchor: footer.id, topLevel: true}
      regions.push(current)
      lastKnown = footer.id
      lastKnownRegion = regions.length - 1
    }
    current.nodes.push(node)
  }
  // Sections the template lacks, written after its last section, stay at the end.
  if (lastKnownRegion >= 0) {
    const trailing = regions.findIndex((region, index) => index > lastKnownRegion && region.heading !== null && region.topLevel)
    if (trailing !== -1) for (const region of regions.slice(trailing)) region.anchor = 'end'
  }
  return regions
}

/**
 * Where the title is: the first `#` heading before any template section, or a first heading
 * that names a postmortem or hotfix (`## Postmortem: HOTFIX-12`); -1 when there is none.
 */
function findTitle(reading: Reading, from: number): number {
  const {profile} = reading
  if (!profile.titleSection) return -1
  const names = (profile.title?.names ?? []).map(normalizeName)
  let firstHeading = true
  const children = reading.tree.children
  for (let index = from; index < children.length; index++) {
    const node = children[index]!
    if (node.type !== 'heading') continue
    if (node.depth === 1) return index
    const text = headingText(reading.source, node)
    const known = profile.sectionsForHeading(text).length > 0
    const name = ` ${normalizeName(text)} `
    if (firstHeading && !known && names.some((word) => name.includes(` ${word} `))) return index
    if (known) return -1
    firstHeading = false
  }
  return -1
}

/** Whether a heading belongs to the region it stands in rather than starting one. */
function partOf(reading: Reading, region: Region, node: Heading, text: string): boolean {
  const section = region.section!
  const depth = region.heading?.depth ?? 0
  for (const block of section.blocks) {
    if (block.type === 'table' && node.depth > depth) {
      if (block.groups) return true
      if (block.entries && matchPattern(text, block.entries.heading)) return true
    }
    if ((block.type === 'fieldLines' || block.type === 'fieldParagraph') && node.depth > depth) {
      const label = readLabel(text)
      const fields = block.type === 'fieldLines' ? block.fields : [block.field]
      if (label && label.valueStart < text.length && /^[\p{L}\p{N} ()'/-]+$/u.test(label.label) && fields.some((field) => labelMatches(field, label.label))) return true
    }
  }
  return false
}

/** Whether the footer starts at `index`: a `---` before a meeting label, or that label alone. */
function startsFooter(reading: Reading, children: readonly RootContent[], index: number, lastKnown: string): boolean {
  const node = children[index]!
  // Without its `---`, a meeting label starts the footer only after the last section.
  const {profile} = reading
  if (node.type !== 'thematicBreak' && lastKnown !== profile.lastSection?.id) return false
  const next = node.type === 'thematicBreak' ? children[index + 1] : node
  if (!next || next.type !== 'paragraph') return false
  const label = readLabel(lineAt(reading.source, next, startOf(next)))
  if (!label) return false
  return profile.footerFields.some((field) => labelMatches(field, label.label))
}

/**
 * Which template section a heading starts, if any. In order of preference:
 * 1. a sub-section under its own section, one level or more deeper (`### What Happened`);
 * 2. a section at the sections' level (`## Impact`);
 * 3. a root-cause sub-section written as a section in a document without its group's heading
 *    (`## What Happened`);
 * 4. a section written one level deeper under another (`### What went well` under `## Lessons`),
 *    when no other heading of the document names it.
 */
function recognise(
  profile: Profile,
  text: string,
  depth: number,
  top: SectionSpec | null,
  topDepth: number,
  found: ReadonlySet<SectionId>,
  named: ReadonlyMap<SectionId, number>
): SectionSpec | undefined {
  const candidates = profile.sectionsForHeading(text)
  // Note: whether a group's heading is anywhere in the document, not whether it came before:
  // `fmt` may move the group after a sub-heading it kept as written.
  const parentSeen = (section: SectionSpec): boolean => section.parent !== null && (named.get(section.parent) ?? 0) > 0
  return (
    candidates.find((section) => section.parent !== null && top !== null && section.parent === top.id && depth > topDepth) ??
    candidates.find((section) => section.parent === null && (depth <= topDepth || top === null)) ??
    // Note: only in a document without its group's heading; beside that heading, which one it
    // follows would decide, and `fmt` moves sections.
    candidates.find((section) => section.standalone === true && !found.has(section.id) && depth <= topDepth && !parentSeen(section)) ??
    // Only a heading that alone names its section: with two (`### What Went Well` twice, or a
    // `## What Went Well` elsewhere), which one is the section would depend on their order,
    // and `fmt` changes that order.
    candidates.find((section) => section.parent === null && !found.has(section.id) && depth > topDepth && named.get(section.id) === 1)
  )
}

/** How many headings of the document (after the title) may name each section. */
function namedSections(reading: Reading, titleAt: number): Map<SectionId, number> {
  const named = new Map<SectionId, number>()
  reading.tree.children.forEach((node, index) => {
    if (node.type !== 'heading' || index <= titleAt) return
    for (const section of reading.profile.sectionsForHeading(headingText(reading.source, node))) named.set(section.id, (named.get(section.id) ?? 0) + 1)
  })
  return named
}

/**
 * The anchor of a sub-heading the template lacks: after the section before it when that section
 * is the one it stands in (or one of its sub-sections), else after the whole section it stands
 * in. (`### Key Takeaways` after `### What Went Poorly` inside `## Lessons Learned` stays in
 * Lessons Learned when `fmt` moves What Went Poorly to its own place.)
 */
function withinTop(profile: Profile, lastKnown: string, top: SectionSpec | null): string {
  if (top === null || lastKnown === top.id) return lastKnown
  const known = profile.sectionById.get(lastKnown)
  return known?.parent === top.id ? lastKnown : `${groupAnchor}${top.id}`
}

/** The anchor of content after the section before it: a group's content follows the whole group. */
function afterGroup(profile: Profile, lastKnown: string): string {
  // The group: the section before it, or the group of the sub-section before it (a
  // `## What Happened` standing alone is in Root Cause Analysis, which `fmt` writes around it).
  const known = profile.sectionById.get(lastKnown)
  const group = known?.parent ? profile.sectionById.get(known.parent) : known
  return group && (profile.children.get(group.id) ?? []).length > 0 ? `${groupAnchor}${group.id}` : lastKnown
}

