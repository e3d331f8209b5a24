/**
 * Reading one region: a template section's nodes through its blocks' readers, content the
 * template lacks kept verbatim where it stood.
 */
import type {RootContent} from 'mdast'
import {sectionById, type Block, type SectionSpec} from '../model/sections.js'
import {readerOf} from './blocks/index.js'
import {keepNode, keepNodes, type Reading} from './reading.js'
import type {Region} from './split.js'
import {readTitle} from './title.js'
import {headingText, spanOf, zoneOf} from './values.js'

/** Read a region into the draft. */
export function readRegion(reading: Reading, region: Region): void {
  const {section, heading} = region
  if (!section) {
    if (region.group && heading) {
      // `### Immediate` under Action Items: the heading is kept, its lists and tables are read
      // as the group's bare content.
      keepNode(reading, heading, region.anchor)
      const child = sectionById.get(region.group.bareContent!)!
      for (const [index, node] of region.nodes.entries()) {
        if (index === 0) continue
        if (!readAnyBlock(reading, child, child.blocks, region.nodes, index)) keepNode(reading, node, region.anchor)
      }
      return
    }
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
    keepNodes(reading, region.nodes, section.id)
    return
  }
  if (section.kind === 'title' && heading) readTitle(reading, heading)
  if (heading && section.blocks.some((block) => block.type === 'table' && block.zoneColumn !== undefined)) {
    // `Timeline (all times PST)`: the heading names the zone (a table header may name it too).
    const zone = zoneOf(headingText(reading.source, heading))
    if (zone) reading.draft.timelineTimeZone = zone
  }
  const bare = section.bareContent === undefined ? undefined : sectionById.get(section.bareContent)
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
}

/** Read `nodes[index]` as any of `blocks`; whether one took it. */
function readAnyBlock(reading: Reading, section: SectionSpec, blocks: readonly Block[], nodes: readonly RootContent[], index: number): boolean {
  return blocks.some((block) => readerOf(block).read({reading, section, block, nodes: [nodes[index]!], index: 0}) > 0)
}

/**
 * Keep each unconsumed node as an extra of its own: before the first consumed node it stands
 * right after the heading, later at the end of the section.
 */
function keepUnconsumed(reading: Reading, section: SectionSpec, nodes: readonly RootContent[], consumed: ReadonlySet<RootContent>): void {
  let before = true
  const freeText = section.blocks.length === 1 && section.blocks[0]!.type === 'markdown'
  for (const node of nodes) {
    if (consumed.has(node)) before = false
    else keepNode(reading, node, before && section.blocks.length > 0 && !freeText ? `${section.id}:heading` : section.id)
  }
}
