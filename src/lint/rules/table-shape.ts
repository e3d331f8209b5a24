import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {columnNamed} from '../../model/columns.js'
import {cellContent, keptRows, listTables, missingColumns, spanOf, templateTables} from './shared.js'

/**
 * Cells are read by their column, so a table of another shape puts values in the wrong fields
 * without a word: a missing column leaves a field unfilled in every row, an unknown one is not
 * part of the model, and GFM drops a row's extra cells. Known aliases of a column header pass
 * (`Timestamp` for Time). Rows written as a list are judged by the columns they give: a list
 * without Who is fine (a timeline's Who may be empty).
 */
export const tableShape: Rule<'table-shape'> = {
  id: 'table-shape',
  severity: 'error',
  description: 'A timeline or action item table whose header lacks a template column or has one the template lacks, or a row with the wrong number of cells.',
  rationale:
    'Cells are read by their column: a missing column leaves a field unfilled in every row, a column the template lacks is not part of the model, and a row with too few or too many cells has values in the wrong place (GFM drops extra cells). Give every row one cell per header column, and use the template columns.',
  examples: [
    {title: 'Template tables', edits: [], findings: []},
    {title: 'A row with a cell missing', edits: [['| 14:36 | Decision to roll back to v4.17.3 instead of tuning further | Priya Raman |', '| 14:36 | Decision to roll back to v4.17.3 instead of tuning further |']], findings: ['34:1'], messages: ['Unexpected 2 cells in row 8 of the `## Timeline (Detailed)` table, expected 3, one per column']},
    {title: 'A row with an extra cell', edits: [['| @marcus | 2026-04-10 | Medium | Done |', '| @marcus | 2026-04-10 | Medium | Done | PR #881 |']], findings: ['100:1'], messages: ['Unexpected 6 cells in row 2 of the `### Prevent Recurrence` table, expected 5, one per column']},
    {title: 'A column the template lacks in place of Who: reported at the header cell and at the header', edits: [['| Time (UTC) | Event | Who |', '| Time (UTC) | Event | Team |']], findings: ['25:1', '25:24'], messages: ['Missing column `Who` in the `## Timeline (Detailed)` table, expected `Time`, `Event`, `Who`', 'Unexpected column `Team` in the `## Timeline (Detailed)` table, expected `Time`, `Event` or `Who`']},
    {title: 'A known alias of a column header passes', edits: [['| Time (UTC) | Event | Who |', '| Timestamp | Event | Who |']], findings: []}
  ],
  check(context) {
    const {document} = context
    const text = document.source.text
    for (const {path, block, table} of templateTables(document)) {
      const [head, ...rows] = table.children
      if (!head) continue
      const headers = block.columns.map((column) => column.header)
      for (const cell of head.children) {
        const {start, end} = cellContent(text, cell)
        const name = text.slice(start, end)
        if (!columnNamed(block, name)) context.report(path, say('unexpectedColumn', {table: path, column: name, expected: headers}), document.source.span(start, end))
      }
      const missing = (missingColumns(document, context.draft, path) ?? []).map((column) => column.header)
      if (missing.length > 0) {
        context.report(path, say('missingColumns', {table: path, missing, expected: headers}), spanOf(document, table))
      }
      const expected = head.children.length
      const kept = keptRows(document, path)
      rows.forEach((row, index) => {
        const count = row.children.length
        if (count === expected) return
        const rowPath = kept.get(row.position!.start.offset!) ?? path
        context.report(rowPath, say('rowCells', {table: path, row: index + 1, count, expected}), spanOf(document, row))
      })
    }
    // Rows written as a list give only some columns (`- [x] Rotate the key (@dana)`): the ones a
    // complete postmortem needs are reported, as for a table without them.
    for (const {path, block, list} of listTables(document)) {
      const missing = missingColumns(document, context.draft, path) ?? []
      if (!missing.some((column) => column.key !== 'who')) continue
      context.report(path, say('missingColumns', {table: path, missing: missing.map((column) => column.header), expected: block.columns.map((column) => column.header)}), spanOf(document, list))
    }
  }
}
