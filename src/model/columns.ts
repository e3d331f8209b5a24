/** Which column of one of the template's tables a header cell names. */
import {normalizeName} from './text.js'
import type {Block, ColumnSpec} from '../profile/spec.js'
import {splitZone} from './zones.js'

/**
 * The template column a header cell names: its header or an alias (`Time (UTC)`, `Timestamp`),
 * and for the column that carries the zone, also with the zone in words (`Date and Time in CET`,
 * `Time, Pacific`). The reader, `table-shape` and `validate` all match columns here.
 */
export function columnNamed(block: Extract<Block, {type: 'table'}>, text: string): ColumnSpec | undefined {
  const named = (name: string): ColumnSpec | undefined => block.columns.find((column) => [column.header, ...(column.aliases ?? [])].some((alias) => normalizeName(alias) === name))
  const found = named(normalizeName(text))
  if (found || block.zoneColumn === undefined) return found
  const column = named(normalizeName(splitZone(text).name))
  return column?.key === block.zoneColumn ? column : undefined
}
