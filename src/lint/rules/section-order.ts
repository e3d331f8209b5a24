import type {SectionId} from '../../profile/spec.js'
import type {SectionOccurrence} from '../../parse/document.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {firstOccurrences} from './presence.js'

/**
 * Readers of many postmortems expect to find each answer in the same place, and `fmt` restores
 * the order without changing a word. The sections outside the longest run already in template
 * order are the ones out of place (moving `Where We Got Lucky` up reports it, not the sections
 * it jumped over). Sections are ordered among sections, sub-sections among their siblings, so a
 * moved group is reported once; second headings (`duplicate-section`'s) and headings the
 * template lacks are left out.
 */
export const sectionOrder: Rule<'section-order'> = {
  id: 'section-order',
  severity: 'warning',
  description: "Sections out of the template's order.",
  rationale: 'Readers expect the template order; `postmortem fmt` restores it without changing any text.',
  examples: [
    {title: 'Template order', edits: [], findings: []},
    {title: 'Where We Got Lucky moved before What Went Well: the section that moved is reported', edits: [['## What Went Well', '## Where We Got Lucky\n\nNothing else broke.\n\n## What Went Well'], ['## Where We Got Lucky\n\nThe incident happened', '## Lucky Notes\n\nThe incident happened']], findings: ['75:1'], messages: ['Unexpected `Where We Got Lucky` before `What Went Well`, expected it after']}
  ],
  check(context) {
    const {sectionById, sectionOrder: templateOrder} = context.profile
    const groups = new Map<SectionId | null, SectionOccurrence[]>()
    for (const occurrence of firstOccurrences(context.document).values()) {
      const parent = sectionById.get(occurrence.id)?.parent ?? null
      groups.set(parent, [...(groups.get(parent) ?? []), occurrence])
    }
    for (const order of groups.values()) {
      const inOrder = longestInOrder(order.map((occurrence) => templateOrder.get(occurrence.id) ?? 0))
      order.forEach((occurrence, index) => {
        if (inOrder.has(index)) return
        const next = order.slice(index + 1).find((_, offset) => inOrder.has(index + 1 + offset))
        const previous = order.slice(0, index).reverse().find((_, offset) => inOrder.has(index - 1 - offset))
        const section = occurrence.id
        const message =
          previous && (templateOrder.get(previous.id) ?? 0) > (templateOrder.get(section) ?? 0)
            ? say('sectionAfter', {section, other: previous.id})
            : next
              ? say('sectionBefore', {section, other: next.id})
              : say('sectionOutOfOrder', {section})
        context.report(sectionById.get(section)?.path ?? section, message, occurrence.span)
      })
    }
  }
}

/** Indexes of one longest strictly increasing subsequence of `values` (patience sorting). */
function longestInOrder(values: readonly number[]): Set<number> {
  const tails: number[] = []
  const previous: number[] = []
  values.forEach((value, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (values[tails[mid]!]! < value) low = mid + 1
      else high = mid
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1
    tails[low] = index
  })
  const kept = new Set<number>()
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]!) kept.add(index)
  return kept
}
