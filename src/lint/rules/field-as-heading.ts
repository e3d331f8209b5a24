import {say} from '../messages.js'
import type {Rule} from '../rule.js'

/**
 * A field the template writes as a line (`Owner: <name>`) written as a heading (`## Owner:
 * @jfontaine`): it is read as the field, but a heading makes an outline entry of a value, and
 * `fmt` writes it back as the template's line.
 */
export const fieldAsHeading: Rule<'field-as-heading'> = {
  id: 'field-as-heading',
  severity: 'warning',
  description: 'A labelled field written as a heading (`## Owner: @name`).',
  rationale: "The value is read, but a heading makes it a section of the outline. Write it as the template's line; `postmortem fmt` does.",
  examples: [
    {title: 'The field as a line', edits: [], findings: [], base: {team: 'product-analytics', document: '2025-06-11-ingestion-lag.md'}},
    {
      title: 'The owner written as a heading',
      base: {team: 'product-analytics', document: '2025-06-11-ingestion-lag.md'},
      edits: [['# Metadata\n\nOwner: ', '# Metadata\n\n## Owner: ']],
      findings: ['5:1'],
      messages: ['Unexpected heading `## Owner: Priya Raman`, expected the line `Owner: …` as the template writes it']
    }
  ],
  check(context) {
    const {source} = context.document
    for (const fact of context.document.layout) {
      if (fact.kind !== 'field-as-heading') continue
      const heading = source.text.slice(fact.span.start.offset, fact.span.end.offset).split('\n')[0]!.trim()
      context.report(fact.path, say('fieldAsHeading', {field: fact.path, heading}), fact.span)
    }
  }
}
