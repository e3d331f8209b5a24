/**
 * Values by role: the incident's date, its severity, duration and title, the timeline's times,
 * whatever a profile calls them. The rules, `validate`, `stats` and the report read a template's
 * values through here, never through the built-in template's keys.
 */
import type {TableBlock} from '../profile/blocks.js'
import type {Profile} from '../profile/compile.js'
import type {ColumnSpec, FieldRole, FieldSpec} from '../profile/spec.js'
import {dateNotation} from './dates.js'
import {getPath} from './paths.js'

/** The path and value of the field (or free-text block) a role is bound to, if the profile binds it. */
export function roleValue(profile: Profile, draft: object, role: FieldRole): {readonly path: string; readonly value: unknown} | undefined {
  const binding = profile.roles.get(role)
  if (!binding || binding.kind === 'column') return undefined
  return {path: binding.path, value: getPath(draft, binding.path)}
}

/** The text a role's field holds, when it holds text (not absent, unfilled or empty). */
export function roleText(profile: Profile, draft: object, role: FieldRole): string | undefined {
  const value = roleValue(profile, draft, role)?.value
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * The date notation of the field or column a role is bound to, in dayjs tokens (`dateNotation`):
 * ISO `YYYY-MM-DD` unless the profile says another (`DD-MM-YYYY`), and when the role is unbound.
 */
export function roleNotation(profile: Profile, role: FieldRole): string {
  const binding = profile.roles.get(role)
  return dateNotation(binding?.kind === 'field' ? binding.field.format : binding?.kind === 'column' ? binding.column.format : undefined)
}

/** A table with times: the timeline (the table whose column has the `timeline.time` role). */
export interface TimedTable {
  readonly block: TableBlock
  readonly time: ColumnSpec
  readonly event: ColumnSpec | undefined
}

/** The profile's timeline, if it has one. */
export function timelineOf(profile: Profile): TimedTable | undefined {
  const binding = profile.roles.get('timeline.time')
  if (binding?.kind !== 'column') return undefined
  return {block: binding.block, time: binding.column, event: binding.block.columns.find((column) => column.role === 'timeline.event')}
}

/** Every field of a type, with the paths of its values. */
export function fieldsOfType(profile: Profile, type: FieldSpec['type']): FieldSpec[] {
  return profile.fields.filter(({field}) => field.type === type).map(({field}) => field)
}

/** Every table cell of a column of `type`: its path and value, row by row, table by table. */
export function cellsOfType(profile: Profile, draft: object, type: ColumnSpec['type']): {readonly path: string; readonly value: unknown; readonly column: ColumnSpec; readonly block: TableBlock}[] {
  return profile.tables.flatMap(({block}) => {
    const rows = getPath(draft, block.path)
    if (!Array.isArray(rows)) return []
    return block.columns
      .filter((column) => column.type === type)
      .flatMap((column) => rows.map((row: unknown, index) => ({path: `${block.path}[${index}].${column.key}`, value: row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[column.key] : undefined, column, block})))
  })
}
