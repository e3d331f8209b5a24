import {getPath} from '../../model/paths.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'

/**
 * Reports and on-call tooling group incidents by severity; a level outside the template's scale
 * (`High`, `SEV-2`) falls out of every count. An empty Severity is `empty-field`'s, a
 * placeholder `no-placeholder`'s (the template's `{P0/P1/P2}` included).
 */
export const severity: Rule<'severity'> = {
  id: 'severity',
  severity: 'error',
  description: 'The header Severity is not `P0`, `P1` or `P2`.',
  rationale: 'Reports and on-call tooling group incidents by severity; a value outside the scale (`High`, `SEV-2`) cannot be counted. Use the template scale.',
  examples: [
    {title: 'P1 passes', edits: [], findings: []},
    {title: 'A word instead of a level', edits: [['**Severity:** P1', '**Severity:** High']], findings: ['6:15'], messages: ['Unexpected `High` for `**Severity:**`, expected `P0`, `P1` or `P2`']},
    {title: 'Another scale', edits: [['**Severity:** P1', '**Severity:** SEV-2']], findings: ['6:15'], messages: ['Unexpected `SEV-2` for `**Severity:**`, expected `P0`, `P1` or `P2`']}
  ],
  check(context) {
    const binding = context.profile.roles.get('severity')
    if (binding?.kind !== 'field') return
    const expected = binding.field.values ?? []
    const value = getPath(context.draft, binding.path)
    if (expected.length === 0 || typeof value !== 'string' || value === '' || expected.includes(value)) return
    context.report(binding.path, say('unexpectedValue', {field: binding.path, value, expected}))
  }
}
