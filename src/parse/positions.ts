import type {Span} from '../model/finding.js'
import type {PostmortemDocument} from './types.js'

/**
 * Where a finding about a field path goes: the field's own span, else its row's or list's,
 * else its section's heading (SPEC §5: about something absent, point at the nearest thing present).
 */
export function spanForPath(document: PostmortemDocument, path: string): Span | undefined {
  let current = path
  while (current) {
    const info = document.fields.get(current)
    if (info) return info.span
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['))
    if (cut <= 0) break
    current = current.slice(0, cut)
  }
  const top = path.split(/[.[]/)[0]
  return document.sections.find((occurrence) => occurrence.id === top)?.span
}
