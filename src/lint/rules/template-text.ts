import {say} from '../messages.js'
import type {Rule} from '../rule.js'

/** Where a block of text stands alone in the source: at a line's start (after a list marker) and up to the line's end. */
function standsAlone(text: string, at: number, length: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const before = text.slice(lineStart, at)
  const after = text[at + length]
  const marker = before.trim()
  return (marker === '' || /^(?:[-*+]|\d{1,9}[.)])$/.test(marker)) && (after === undefined || after === '\n')
}

/**
 * A team's template writes guidance for the writer ("List of things that went well. For example,
 * …") and example items; left in a document unchanged, they read as if the team said them. An
 * info finding, at the first line of each.
 */
export const templateText: Rule<'template-text'> = {
  id: 'template-text',
  severity: 'info',
  description: "The template's guidance or example text left in a document unchanged.",
  rationale: "Guidance and examples are there for the writer to replace; left in place, they read as the team's own words. Replace them, or delete them.",
  examples: [
    {title: 'Guidance replaced', edits: [], findings: [], base: {team: 'notebook-hub', document: '2024-05-14-image-builds-stuck.md'}},
    {
      title: 'The guidance of What went well left in place',
      base: {team: 'notebook-hub', document: '2024-05-14-image-builds-stuck.md'},
      edits: [['### What went well\n\n', '### What went well\n\nList of things that went well. For example,\n\n']],
      findings: ['62:1'],
      messages: ['Unexpected template text `List of things that went well. For example,` in `### What went well`, expected your own words in its place']
    }
  ],
  check(context) {
    const text = context.document.source.text
    for (const section of context.profile.sections) {
      for (const guidance of section.guidance ?? []) {
        const wanted = guidance.trim()
        if (wanted.length < 8) continue
        for (let at = text.indexOf(wanted); at !== -1; at = text.indexOf(wanted, at + wanted.length)) {
          if (!standsAlone(text, at, wanted.length)) continue
          const first = wanted.split('\n')[0]!
          context.report(section.path, say('templateText', {section: section.id, text: first}), context.document.source.span(at, at + first.length))
        }
      }
    }
  }
}
