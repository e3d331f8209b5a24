/**
 * Reading one region: a template section's nodes through its blocks' readers, content the
 * template lacks kept verbatim where it stood.
 */
import type {Heading, RootContent} from 'mdast'
import {getPath, setPath} from '../model/paths.js'
import {singleBlock} from '../model/presence.js'
import type {Block, SectionSpec} from '../profile/spec.js'
import {readerOf} from './blocks/index.js'
import {addExtra, keepNode, keepNodes, type Reading} from './reading.js'
import type {Region} from './split.js'
import {readTitle} from './title.js'
import {readHeadingFields} from './blocks/lines.js'
import {bodyOf} from '../profile/blocks.js'
import {splitZone, zoneOfLine} from '../model/zones.js'
import {headingText, lineAt, spanOf, startOf} from './values.js'

/** Read a region into the draft. */
export function readRegion(reading: Reading, region: Region): void {
  const {section, heading} = region
  if (!section) {
    // An unknown section is kept whole; content before the title node by node.
    if (heading) keepNodes(reading, region.nodes, region.anchor)
    else for (const node of region.nodes) keepNode(reading, node, region.anchor)
    return
  }
  const nodes = heading ? region.nodes.slice(1) : region.nodes
  const first = !reading.sections.some((occurrence) => occurrence.id === section.id)
  if (heading) reading.sections.push({id: section.id, text: headingText(reading.source, heading), span: spanOf(reading.source, heading), depth: heading.depth})
  if (!first) {
    // A second occurrence: its content is kept whole, after the first one.
    keepNodes(reading, region.nodes, region.anchor)
    return
  }
  const worded = section.blocks.find((block) => block.type === 'headingFields')
  if (heading && worded?.type === 'headingFields') readHeadingFields(reading, worded, heading)
  else if (section.kind === 'title' && heading) readTitle(reading, heading)
  // A sub-section is written inside its group: the group is there with it.
  const group = section.parent ? reading.profile.sectionById.get(section.parent) : undefined
  if (group && getPath(reading.draft, group.path) === undefined) setPath(reading.draft, group.path, {})
  if (section.kind === 'group' || (section.kind === 'section' && !singleBlock(section) && section.fieldsInGroup !== true)) {
    // A section that holds an object (`impact`, a group) is there as soon as its heading is.
    if (getPath(reading.draft, section.path) === undefined) setPath(reading.draft, section.path, {})
  }
  const zoned = section.blocks.find((block) => block.type === 'table' && block.zonePath !== undefined)
  if (heading && zoned?.type === 'table' && zoned.zonePath !== undefined) readHeadingZone(reading, zoned.zonePath, heading, nodes)
  const bare = section.bareContent === undefined ? undefined : reading.profile.sectionById.get(section.bareContent)
  const consumed = new Set<RootContent>()
  const used = new Set<Block>()
  const blocks = bare ? bare.blocks : section.blocks
  for (let index = 0; index < nodes.length; index++) {
    for (const block of blocks) {
      if (used.has(block)) continue
      const reader = readerOf(block)
      const taken = reader.read({reading, section: bare ?? section, block, nodes, index})
      if (taken > 0) {
        // A group's bare content may hold several tables or lists.
        if (!reader.repeats && !bare) used.add(block)
        for (let at = index; at < index + taken; at++) consumed.add(nodes[at]!)
        index += taken - 1
        break
      }
    }
  }
  keepUnconsumed(reading, section, nodes, consumed)
  if (nodes.length === 0 && heading) readEmpty(reading, section, startOf(heading))
}

/**
 * A section with nothing under its heading is there, empty: `""` for free text, `[]` for a list;
 * for a table (`[]` is a table of no rows) or a section whose fields live in its group's object
 * (Why It Happened), an empty extra keeps its heading, unless the heading itself said something
 * (`Timeline (all times PST)`).
 */
function readEmpty(reading: Reading, section: SectionSpec, offset: number): void {
  const single = singleBlock(section)
  if (single && single.type !== 'table') {
    if (getPath(reading.draft, single.path) === undefined) setPath(reading.draft, single.path, single.type === 'markdown' ? '' : [])
    return
  }
  const keyless = section.kind === 'section' && section.fieldsInGroup === true
  // A table already read (under its group's heading, `## Action Items` then a table) is what
  // the heading is written with; so is a zone the heading names.
  const tableSays = single?.type === 'table' && (getPath(reading.draft, single.path) !== undefined || (single.zonePath !== undefined && getPath(reading.draft, single.zonePath) !== undefined))
  if ((keyless || single?.type === 'table') && !tableSays) {
    addExtra(reading, `${section.id}:heading`, '', offset)
  }
}

/**
 * The zone a timeline's heading names (`Timeline (all times PST)`), or the first line under it
 * (`All times in PST, on February 5th 2019`, `Times are US Pacific.`), which is kept as written.
 */
function readHeadingZone(reading: Reading, zonePath: string, heading: Heading, nodes: readonly RootContent[]): void {
  const zone = splitZone(headingText(reading.source, heading)).zone
  if (zone) {
    setPath(reading.draft, zonePath, zone)
    return
  }
  const next = nodes[0]
  if (next?.type !== 'paragraph') return
  const named = zoneOfLine(lineAt(reading.source, next, startOf(next)))
  if (named) setPath(reading.draft, zonePath, named)
}

/**
 * Keep each unconsumed node as an extra of its own: before the first consumed node it stands
 * right after the heading, later at the end of the section.
 */
function keepUnconsumed(reading: Reading, section: SectionSpec, nodes: readonly RootContent[], consumed: ReadonlySet<RootContent>): void {
  let before = true
  const freeText = singleBlock(section)?.type === 'markdown'
  // Entries under headings take everything after their last heading: what stands before one of
  // them stays before them all, or it would be read back as the last entry's text.
  const entries = bodyOf(section).some((block) => block.type === 'table' && block.entries !== undefined)
  let lastConsumed = -1
  if (entries) nodes.forEach((node, index) => consumed.has(node) && node.type === 'heading' && (lastConsumed = index))
  nodes.forEach((node, index) => {
    if (consumed.has(node)) before = false
    else keepNode(reading, node, (before || index < lastConsumed) && bodyOf(section).length > 0 && !freeText ? `${section.id}:heading` : section.id)
  })
}
