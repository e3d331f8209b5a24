import {say} from '../messages.js'
import type {Rule} from '../rule.js'

/**
 * A team's template writes each list with its marker (`*` bullets, `1.` numbers); a document
 * whose list is read as the field but written with another marker is read the same, and `fmt`
 * writes the template's. One finding per list, at its first item.
 */
export const listMarker: Rule<'list-marker'> = {
  id: 'list-marker',
  severity: 'warning',
  description: 'A list the template writes with one marker (`*`, `-`, `1.`) is written with another.',
  rationale: "Uniform lists keep a folder of postmortems consistent and diffs small; the list is read the same either way, and `postmortem fmt` writes the template's marker.",
  examples: [
    {title: 'Lists as the template writes them', edits: [], findings: [], base: {team: 'ci-infra', document: '2019-03-14-merge-queue-stall.md'}},
    {
      title: 'Timeline bullets `-` for the template’s `*`',
      base: {team: 'ci-infra', document: '2019-03-14-merge-queue-stall.md'},
      edits: [['\n* [', '\n- [']],
      findings: ['90:1'],
      messages: ['Unexpected list marker `-` in `## Timeline`, expected `*` as the template writes it']
    }
  ],
  check(context) {
    for (const fact of context.document.layout) {
      if (fact.kind !== 'list-marker' || fact.written === undefined || fact.expected === undefined) continue
      const section = context.profile.blockOfPath.get(fact.path)?.section.id ?? ''
      context.report(fact.path, say('listMarker', {field: fact.path, section, written: fact.written, expected: fact.expected}), fact.span)
    }
  }
}
