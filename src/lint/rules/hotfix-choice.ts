import {hotfixKinds} from '../../model/schema.js'
import {isUnresolvedChoice} from '../../model/text.js'
import {messages} from '../messages.js'
import type {Rule} from '../types.js'
import {hasPlaceholder, written} from './shared.js'

/** The `hotfix-choice` rule: the `**Hotfix was:**` choice is left as `Full fix / Temporary workaround`, or is neither of them. */
export const hotfixChoice: Rule = {
  id: 'hotfix-choice',
  severity: 'error',
  description: 'The `**Hotfix was:**` choice is left as `Full fix / Temporary workaround`, or is neither of them.',
  rationale:
    'Whether the hotfix was a full fix decides whether the proper-fix checklist is required. Keep the one that is true: `Full fix` or `Temporary workaround`.',
  examples: [
    {title: 'One choice kept', edits: [], findings: []},
    {title: 'The template’s choice left unresolved', edits: [['**Hotfix was:** Temporary workaround', '**Hotfix was:** Full fix / Temporary workaround']], findings: ['117:17']},
    {title: 'Another word', edits: [['**Hotfix was:** Temporary workaround', '**Hotfix was:** Partial']], findings: ['117:17']},
    {title: 'The blank template', base: 'template', edits: [], findings: ['93:17']}
  ],
  check(context) {
    const {document, draft} = context
    const info = document.fields.get('properFix.hotfixWas')
    const value = draft.properFix?.hotfixWas
    if (value === null) {
      if (info?.state !== 'placeholder') return
      const text = document.source.text.slice(info.span.start.offset, info.span.end.offset)
      if (isUnresolvedChoice(text)) context.report('properFix.hotfixWas', messages.hotfixUnresolved(text), info.span)
      return
    }
    if (!written(value) || (hotfixKinds as readonly string[]).includes(value) || hasPlaceholder(value)) return
    context.report('properFix.hotfixWas', messages.hotfix(value))
  }
}
