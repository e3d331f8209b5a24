/**
 * Header fields from YAML front matter (`date:`, `severity:`, `authors:`), where the header
 * lacks them. The front matter itself is kept verbatim (`frontMatter`).
 */
import {setPath} from '../model/paths.js'
import {frontMatterFields} from '../model/front-matter.js'
import {isPlaceholder} from '../model/text.js'
import {setField, type Reading} from './reading.js'
import {spanOf} from './values.js'

/** Read header fields the document's header lacks from its front matter. */
export function readFrontMatter(reading: Reading): void {
  const node = reading.tree.children[0]
  if (!node || node.type !== 'yaml') return
  const span = spanOf(reading.source, node)
  for (const [path, value] of frontMatterFields(node.value)) {
    if (reading.fields.has(path)) continue
    const filled = !isPlaceholder(value)
    setPath(reading.draft, path, filled ? value : null)
    setField(reading, path, span, filled ? 'filled' : 'placeholder')
  }
}
