import type {Profile} from '../../profile/compile.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {cellContent, emptySections, hasPlaceholder, keptRows, listOf, spanOf, templateTables} from './shared.js'

/**
 * An empty field reads as answered at a glance, so it is the defect review most easily misses.
 * What is left alone: a placeholder (`no-placeholder`), the proper-fix checklist (`proper-fix`),
 * a timeline row's Who (the complete model lets it be empty), a row holding a placeholder, and
 * one empty action table (`no-action-items` judges the three together). A section with nothing
 * under its heading is one finding at its heading, not one per field it lacks.
 */
export const emptyField: Rule<'empty-field'> = {
  id: 'empty-field',
  severity: 'error',
  description: 'A section, field, list item, table row or cell that is present but holds nothing.',
  rationale:
    'An empty field reads as answered at a glance and is easy to miss in review. Write the answer, or write why there is none (`None`, `Not applicable`). A placeholder left in place is reported by `no-placeholder` instead; the proper-fix checklist is checked by `proper-fix`.',
  examples: [
    {title: 'Every field filled', edits: [], findings: []},
    {title: 'An empty Author', edits: [['**Author:** Priya Raman', '**Author:**']], findings: ['7:12'], messages: ['Empty `**Author:**`, expected a value']},
    {
      title: 'A section with nothing under its heading: reported at the heading',
      edits: [
        [
          '## Where We Got Lucky\n\nThe incident happened on a Saturday afternoon in the EU, when checkout traffic is ~40% below the weekday peak. At weekday volume the same change would have failed well over half of checkouts.\n\n`inventory-sync` was idle during the window. Had its hourly batch started at 14:30 instead of 15:00, the raised PgBouncer limit would have starved it of connections too, and stock levels on the storefront would have drifted.\n\n',
          '## Where We Got Lucky\n\n'
        ]
      ],
      findings: ['87:1'], messages: ['Empty section `## Where We Got Lucky`, expected its content under the heading']
    },
    {title: 'An empty Event cell', edits: [['| 14:36 | Decision to roll back to v4.17.3 instead of tuning further |', '| 14:36 | |']], findings: ['34:9'], messages: ['Empty Event of timeline row 8 in `## Timeline (Detailed)`, expected a value']},
    {title: 'An empty list item', edits: [['2. PgBouncer\'s log line named the exact limit, which pointed Ana straight at connection counts.', '2.']], findings: ['78:1'], messages: ['Empty item 2 in `## What Went Well`, expected text or the item removed']},
    {title: 'An empty Who cell is allowed', edits: [['| 14:36 | Decision to roll back to v4.17.3 instead of tuning further | Priya Raman |', '| 14:36 | Decision to roll back to v4.17.3 instead of tuning further | |']], findings: []},
    {title: 'A placeholder is not empty (`no-placeholder` reports it)', edits: [['**Author:** Priya Raman', '**Author:** {PM_NAME}']], findings: []}
  ],
  check(context) {
    const {document, profile} = context
    const text = document.source.text
    for (const occurrence of emptySections(document)) {
      const section = profile.sectionById.get(occurrence.id)
      if (section) context.report(section.path, say('emptySection', {section: section.id}), occurrence.span)
    }
    const tables = new Map(templateTables(document).map((table) => [table.path, table]))
    for (const [path, info] of document.fields) {
      const owner = profile.blockOfPath.get(path)
      if (owner?.block.type === 'list' || owner?.block.type === 'listUnderLabel') {
        const list = listOf(document, path)
        if (!list) {
          if (info.state === 'empty') context.report(path, say('emptyList', {field: path}), info.span)
          continue
        }
        list.children.forEach((item, index) => {
          if (item.children.length === 0) context.report(path, say('emptyItem', {field: `${path}[${index}]`}), spanOf(document, item))
        })
        continue
      }
      const table = tables.get(path)
      if (table) {
        const [, ...rows] = table.table.children
        if (rows.length === 0) {
          // Note: an empty optional table is fine (one empty action table: `no-action-items` checks all three).
          if (table.block.optional !== true) context.report(path, say('emptyTable', {field: path}), info.span)
          continue
        }
        const kept = keptRows(document, path)
        rows.forEach((row, index) => {
          if (kept.has(row.position!.start.offset!)) return
          const cells = row.children.map((cell) => {
            const {start, end} = cellContent(text, cell)
            return text.slice(start, end)
          })
          if (cells.some(hasPlaceholder)) return
          context.report(path, say('emptyRow', {table: path, row: index + 1}), spanOf(document, row))
        })
        continue
      }
      if (info.state !== 'empty') continue
      if (optionalCell(profile, path) || checklistValue(profile, path)) continue
      if (path === profile.title?.id?.path && text[info.span.start.offset] === '#') {
        context.report(path, say('emptyHotfixId', {}), info.span)
        continue
      }
      context.report(path, say('emptyValue', {field: path}), info.span)
    }
  }
}

/** Whether a path is a cell of a column the complete model may leave empty (a timeline row's Who). */
function optionalCell(profile: Profile, path: string): boolean {
  const cell = /^(.*)\[\d+\]\.([^.[\]]+)$/.exec(path)
  const owner = cell ? profile.blockOfPath.get(cell[1]!) : undefined
  return owner?.block.type === 'table' && owner.block.columns.some((column) => column.key === cell![2] && column.optional === true)
}

/** Whether a path is the value of a checklist line (`proper-fix` judges those). */
function checklistValue(profile: Profile, path: string): boolean {
  return path.endsWith('.value') && profile.blockOfPath.get(path.slice(0, -'.value'.length))?.block.type === 'checklist'
}
