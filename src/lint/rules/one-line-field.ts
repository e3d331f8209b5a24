import {getPath} from '../../model/paths.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'

/**
 * The complete model rejects a line break in a labelled field, and tools that read the label's
 * line see only its first part; without this rule the defect would surface only in `validate`.
 * Free-text sections (What Happened) and lists may run over as many lines as they like.
 */
export const oneLineField: Rule<'one-line-field'> = {
  id: 'one-line-field',
  severity: 'error',
  description: 'A labelled field (`**Immediate cause:**`, an Impact line, a checklist line) whose value runs over more than one line.',
  rationale:
    'Labelled fields hold one line: the complete model rejects a line break in them, and tools that read the field see only part of it. Join the lines, or move the detail into a free-text section such as What Happened.',
  examples: [
    {title: 'One line each', edits: [], findings: []},
    {
      title: 'A label paragraph continued on a second line',
      edits: [['**Immediate cause:** The Gunicorn worker count doubled while', '**Immediate cause:** The Gunicorn worker count doubled\nwhile']],
      findings: ['59:22'], messages: ['Unexpected line break in `**Immediate cause:**`, expected one line']
    },
    {title: 'An Impact line continued in its list item', edits: [['- **Data impact:** None. No order was written twice;', '- **Data impact:** None.\n  No order was written twice;']], findings: ['20:20'], messages: ['Unexpected line break in `**Data impact:**`, expected one line']},
    {title: 'A long line is fine', edits: [['**Process gap:** Capacity changes', '**Process gap:** Capacity changes, including worker counts, pool sizes and replica counts,']], findings: []}
  ],
  check(context) {
    const {draft, profile} = context
    for (const {field} of profile.fields) {
      if (field.type === 'markdown' || field.type === 'names') continue
      const value = getPath(draft, field.path)
      const [path, text] = value !== null && typeof value === 'object' && 'value' in value ? [`${field.path}.value`, (value as {value: unknown}).value] : [field.path, value]
      if (typeof text !== 'string' || !text.includes('\n')) continue
      context.report(path, say('lineBreak', {field: path}))
    }
  }
}
