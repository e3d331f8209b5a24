/**
 * The template's own placeholders, field by field and row by row. A value is unfilled (`null`)
 * only when it is exactly its field's placeholder, so another template's placeholder (`{name}`
 * where this template writes `{PM_NAME}`) is text the document holds, kept and written back as it
 * is (and reported by `no-placeholder`), never replaced by this template's.
 */
import type {ColumnSpec} from '../profile/spec.js'

/** The placeholder of item `index` of a list (`{factor_1}`, `{factor_2}`, …, then numbered on). */
export function itemPlaceholder(placeholders: readonly string[], index: number): string {
  return placeholders[index] ?? (placeholders[0] ?? '{item_1}').replace(/_1\}$/, `_${index + 1}}`)
}

/** The placeholder of a column's cell in row `index` (`{action_N}` is `{action_2}` in the second row). */
export function cellPlaceholder(column: Pick<ColumnSpec, 'placeholder'>, index: number): string {
  return column.placeholder.replace('_N}', `_${index + 1}}`)
}
