import {actionTables} from '../../model/action-items.js'
import {getPath} from '../../model/paths.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {hasPlaceholder} from './shared.js'

/**
 * A postmortem without one action item changes nothing, however well it is written. The three
 * tables are judged together (one empty table is fine); tables still holding the template's
 * rows are `no-placeholder`'s, and a document without an Action Items heading is
 * `missing-section`'s.
 */
export const noActionItems: Rule<'no-action-items'> = {
  id: 'no-action-items',
  severity: 'error',
  description: 'All three action item tables are empty.',
  rationale:
    'A postmortem without a single action item changes nothing. Add at least one row to Prevent Recurrence, Improve Detection or Improve Response. Tables still holding the template’s rows are reported by `no-placeholder` instead.',
  examples: [
    {title: 'Action items present', edits: [], findings: []},
    {
      title: 'Every row removed: reported at the Action Items heading',
      edits: [
        ['| Add a CI check that computes pods * workers * (pool_size + max_overflow) per service and fails above its budget | @ana.souza | 2027-01-29 | High | In Progress |\n', ''],
        ['| Move pool size and worker count into one Helm values block with a comment linking the budget doc | @marcus | 2026-04-10 | Medium | Done |\n', ''],
        ['| Alert when PgBouncer client connections exceed 80% of `max_client_conn` for 2 minutes | @ana.souza | 2026-03-27 | High | Done |\n', ''],
        ['| Run the weekly k6 checkout test against a production-sized pod count in the perf cluster | Jonas Weber | 2027-02-26 | Medium | Not Started |\n', ''],
        ['| Add "roll back first, tune later" to the checkout runbook for any deploy-correlated 5xx spike | Priya Raman | 2026-03-31 | Medium | Done |\n', '']
      ],
      findings: ['93:1'], messages: ['Missing action items: `### Prevent Recurrence`, `### Improve Detection`, `### Improve Response` are all empty, expected at least one row']
    },
    {title: 'The template’s rows are placeholders, not an empty list', base: 'template', edits: [], findings: []}
  ],
  check(context) {
    const {document, draft, profile} = context
    const tables = actionTables(profile)
    if (tables.length === 0) return
    // The section that holds the tables of action items (`## Action Items`), or the one table's.
    const parents = new Set(tables.map((table) => profile.sectionById.get(table.section)?.parent ?? table.section))
    const group = parents.size === 1 ? profile.sectionById.get([...parents][0]!) : undefined
    const heading = group ? document.sections.find((occurrence) => occurrence.id === group.id) : undefined
    if (!group || !heading) return
    if (tables.some((table) => ((getPath(draft, table.key) as unknown[] | undefined) ?? []).length > 0)) return
    const text = document.source.text
    for (const table of tables) {
      const info = document.fields.get(table.key)
      if (info && hasPlaceholder(text.slice(info.span.start.offset, info.span.end.offset))) return
    }
    context.report(group.path, say('noActionItems', {sections: tables.map((table) => table.section)}), heading.span)
  }
}
