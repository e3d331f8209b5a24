import {getPath} from '../../model/paths.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'


/**
 * A temporary workaround leaves the real problem in place; the checklist is the promise that
 * the proper fix is tracked, so each line must be ticked and filled. Judged only for a
 * temporary workaround: a full fix needs no checklist, an unresolved choice is
 * `hotfix-choice`'s, and an absent line is `missing-field`'s.
 */
export const properFix: Rule<'proper-fix'> = {
  id: 'proper-fix',
  severity: 'error',
  description: 'A temporary workaround whose proper-fix checklist line is unchecked or unfilled.',
  rationale:
    'A temporary workaround leaves the real problem in place; the checklist is the promise that the proper fix is tracked. Tick each line (`- [x]`) and fill it in. A full fix needs no checklist, and while the `**Hotfix was:**` choice is unresolved `hotfix-choice` reports that instead.',
  examples: [
    {title: 'Every line ticked and filled', edits: [], findings: []},
    {title: 'An unticked line', edits: [['- [x] Scheduled for:', '- [ ] Scheduled for:']], findings: ['121:1'], messages: ['Unexpected unchecked `Scheduled for:` for a temporary workaround, expected a ticked box (`- [x]`)']},
    {title: 'A line left as a placeholder', edits: [['- [x] Story created: PAY-1432', '- [x] Story created: {STORY_ID}']], findings: ['120:1'], messages: ['Unexpected unfilled `Story created:` for a temporary workaround, expected a value']},
    {title: 'An empty line', edits: [['- [x] Story created: PAY-1432', '- [x] Story created:']], findings: ['120:1'], messages: ['Unexpected unfilled `Story created:` for a temporary workaround, expected a value']},
    {title: 'A full fix needs no checklist', edits: [['**Hotfix was:** Temporary workaround', '**Hotfix was:** Full fix'], ['- [x]', '- [ ]']], findings: []},
    {title: 'Unresolved choice: `hotfix-choice` reports it', edits: [['**Hotfix was:** Temporary workaround', '**Hotfix was:** Full fix / Temporary workaround'], ['- [x]', '- [ ]']], findings: []}
  ],
  check(context) {
    const {document, draft, profile} = context
    // Every checklist required while a choice says so (the proper-fix checklist of a temporary workaround).
    for (const section of profile.sections) {
      for (const block of section.blocks) {
        if (block.type !== 'checklist' || !block.requiredWhen || getPath(draft, block.requiredWhen.path) !== block.requiredWhen.value) continue
        for (const field of block.fields) {
          const info = document.fields.get(field.path)
          const entry = getPath(draft, field.path) as {checked: boolean; value: string | null} | undefined
          if (!info || !entry) continue // `missing-field` reports an absent line.
          if (entry.checked && entry.value) continue
          context.report(field.path, say('properFixOpen', {field: field.path, checked: entry.checked, filled: Boolean(entry.value)}), info.span)
        }
      }
    }
  }
}
