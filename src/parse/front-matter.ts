/**
 * Header fields from YAML front matter (`date:`, `severity:`, `authors:`), where the header
 * lacks them. The front matter itself is kept verbatim (`frontMatter`).
 */
import {setPath} from '../model/paths.js'
import {frontMatterFields, headerPlaceholder} from '../model/front-matter.js'
import {setField, type Reading} from './reading.js'
import {endOf, spanOf, startOf} from './values.js'

/** Read header fields the document's header lacks from its front matter. */
export function readFrontMatter(reading: Reading): void {
  const node = reading.tree.children[0]
  if (!node || node.type !== 'yaml') return
  const whole = spanOf(reading.source, node)
  const text = reading.source.text
  for (const [path, value] of frontMatterFields(reading.profile, node.value)) {
    if (reading.fields.has(path)) continue
    const filled = value !== headerPlaceholder(reading.profile, path)
    setPath(reading.draft, path, filled ? value : null)
    // Where the value stands in the front matter, when it is written there as it reads.
    const at = value === '' ? -1 : text.indexOf(value, startOf(node))
    const span = at !== -1 && at + value.length <= endOf(node) ? reading.source.span(at, at + value.length) : whole
    setField(reading, path, span, filled ? 'filled' : 'placeholder')
  }
}
