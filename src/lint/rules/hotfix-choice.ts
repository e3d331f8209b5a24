import {getPath} from '../../model/paths.js'
import {isUnresolvedChoice} from '../../model/text.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {hasPlaceholder, written} from './shared.js'

/**
 * The choice decides whether the proper-fix checklist is required, so until it is made the
 * postmortem cannot say whether the real fix is tracked. The template's own
 * `Full fix / Temporary workaround` is reported here rather than by `no-placeholder`; any other
 * placeholder in the field is `no-placeholder`'s.
 */
export const hotfixChoice: Rule<'hotfix-choice'> = {
  id: 'hotfix-choice',
  severity: 'error',
  description: 'The `**Hotfix was:**` choice is left as `Full fix / Temporary workaround`, or is neither of them.',
  rationale:
    'Whether the hotfix was a full fix decides whether the proper-fix checklist is required. Keep the one that is true: `Full fix` or `Temporary workaround`.',
  examples: [
    {title: 'One choice kept', edits: [], findings: []},
    {title: 'The template’s choice left unresolved', edits: [['**Hotfix was:** Temporary workaround', '**Hotfix was:** Full fix / Temporary workaround']], findings: ['117:17'], messages: ['Unexpected unresolved choice `Full fix / Temporary workaround` for `**Hotfix was:**`, expected `Full fix` or `Temporary workaround`']},
    {title: 'Another word', edits: [['**Hotfix was:** Temporary workaround', '**Hotfix was:** Partial']], findings: ['117:17'], messages: ['Unexpected `Partial` for `**Hotfix was:**`, expected `Full fix` or `Temporary workaround`']},
    {title: 'The blank template', base: 'template', edits: [], findings: ['93:17'], messages: ['Unexpected unresolved choice `Full fix / Temporary workaround` for `**Hotfix was:**`, expected `Full fix` or `Temporary workaround`']}
  ],
  check(context) {
    const {document, draft, profile} = context
    // Every choice the template leaves to resolve (`Full fix / Temporary workaround`).
    for (const {field} of profile.fields) {
      if (field.choice !== true) continue
      const info = document.fields.get(field.path)
      const value = getPath(draft, field.path)
      const expected = field.values ?? []
      if (value === null) {
        if (info?.state !== 'placeholder') continue
        const text = document.source.text.slice(info.span.start.offset, info.span.end.offset)
        if (isUnresolvedChoice(text)) context.report(field.path, say('unresolvedChoice', {field: field.path, value: text, expected}), info.span)
        continue
      }
      if (typeof value !== 'string' || !written(value) || expected.includes(value) || hasPlaceholder(value)) continue
      context.report(field.path, say('unexpectedValue', {field: field.path, value, expected}))
    }
  }
}
