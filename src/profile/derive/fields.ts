/**
 * The pieces of a derived profile that blocks and rows both build: a field from its label and
 * placeholder, a list's marker as written, and the zone a column header names.
 */
import type {List} from 'mdast'
import {startOf} from '../../parse/values.js'
import {splitZone} from '../../model/zones.js'
import type {FieldSpec, ListMarker} from '../spec.js'
import type {Annotation} from './annotations.js'
import type {Derivation} from './context.js'
import {camelCase, placeholderWords, typeOf} from './hints.js'
import {fieldRoleOf} from './lexicon.js'

/** A field from a label and its placeholder, typed by the placeholder's hint and the annotation. */
export function makeField(
  derivation: Derivation,
  options: {readonly label: string; readonly placeholder: string; readonly prefix: string; readonly annotation?: Annotation; readonly labelStyle?: 'bold' | 'plain'; readonly name?: string; readonly suffix?: string}
): FieldSpec {
  const annotation = options.annotation ?? {}
  const words = placeholderWords(options.placeholder)
  const hinted = typeOf(words)
  const id = annotation.id ?? (camelCase(options.name ?? options.label) || camelCase(words.name) || 'value')
  const type = annotation.type ?? hinted.type
  const values = annotation.values ?? (type === 'enum' ? hinted.values : undefined)
  const format = annotation.format ?? (type === 'date' || type === 'datetime' ? hinted.format : undefined)
  const role = annotation.role !== undefined && annotation.role !== 'timeline' && annotation.role !== 'actionItems' ? annotation.role : fieldRoleOf(options.label)
  return {
    path: options.prefix ? `${options.prefix}.${id}` : id,
    label: options.label,
    placeholder: options.placeholder,
    type: type === 'list' ? 'text' : type,
    ...(values ? {values} : {}),
    ...(format ? {format} : {}),
    ...(role ? {role} : {}),
    ...(annotation.optional === true ? {optional: true} : {}),
    ...(annotation.aka ? {aliases: annotation.aka, accepted: annotation.aka} : {}),
    ...(options.labelStyle === 'plain' ? {labelStyle: 'plain' as const} : {}),
    ...(options.suffix !== undefined ? {suffix: options.suffix} : {})
  }
}

/** The marker of a list as written: `-`, `*`, `+`, or an ordered list's `.` or `)`. */
export function markerOf(derivation: Derivation, list: List): ListMarker {
  const text = derivation.source.text
  let at = startOf(list)
  while (text[at] === ' ' || text[at] === '\t') at++
  while (/\d/.test(text[at] ?? '')) at++
  const char = text[at]
  return char === '*' || char === '+' || char === ')' || char === '.' ? char : '-'
}

/** The zone a column header names (`Time (UTC)`, `Date and Time in CET`), with the header's name and how it joins them. */
export function headerZone(header: string): {name: string; zone: string | undefined; join: string | undefined} {
  const {name, zone} = splitZone(header)
  if (!zone) return {name: header, zone: undefined, join: undefined}
  const between = header.slice(name.length, header.length - zone.length - (header.endsWith(')') ? 1 : 0))
  return {name, zone, join: between}
}
