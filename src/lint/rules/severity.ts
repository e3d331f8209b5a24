import {severities} from '../../model/schema.js'
import {messages} from '../messages.js'
import type {Rule} from '../types.js'

export const severity: Rule = {
  id: 'severity',
  severity: 'error',
  description: 'The header Severity is not `P0`, `P1` or `P2`.',
  rationale: 'Reports and on-call tooling group incidents by severity; a value outside the scale (`High`, `SEV-2`) cannot be counted. Use the template scale.',
  examples: [
    {title: 'P1 passes', edits: [], findings: []},
    {title: 'A word instead of a level', edits: [['**Severity:** P1', '**Severity:** High']], findings: ['6:15']},
    {title: 'Another scale', edits: [['**Severity:** P1', '**Severity:** SEV-2']], findings: ['6:15']}
  ],
  check(context) {
    const value = context.draft.severity
    if (typeof value !== 'string' || value === '' || (severities as readonly string[]).includes(value)) return
    context.report('severity', messages.severity(value))
  }
}
