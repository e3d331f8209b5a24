/**
 * The title: `# Postmortem: HOTFIX-{ID}` gives `hotfixId`; a title written any other way
 * (`# Postmortem: HOTFIX-3012 — orders-db out of disk`, `# Incident Report: Checkout latency`)
 * is kept as written in `title`, with the id it names, if any, in `hotfixId`.
 */
import type {Heading} from 'mdast'
import {setPath} from '../model/paths.js'
import {templateTitle, titleParts, titlePlaceholder} from '../model/title.js'
import {givenByFrontMatter, readValue, setField, type Reading} from './reading.js'
import {headingContent, spanOf} from './values.js'

/** Read the title heading: its id, and its text when it is not the template's. */
export function readTitle(reading: Reading, heading: Heading): void {
  const {start, end} = headingContent(reading.source.text, heading)
  const text = reading.source.text.slice(start, end)
  const {id} = titleParts(text)
  const idText = id ? text.slice(id.start, id.end) : undefined
  // A title the front matter also gives the id of is kept in `title` (even the template's own),
  // so that it is written back: the serializer writes no title the front matter already says.
  const templates = idText !== undefined && text === templateTitle(idText === titlePlaceholder ? null : idText)
  if (!templates || givenByFrontMatter(reading).has('hotfixId')) {
    setPath(reading.draft, 'title', text)
    setField(reading, 'title', spanOf(reading.source, heading), text === '' ? 'empty' : 'filled')
  }
  if (id && id.end > id.start) readValue(reading, {path: 'hotfixId', placeholder: titlePlaceholder}, start + id.start, start + id.end)
  else if (id) {
    setPath(reading.draft, 'hotfixId', '')
    setField(reading, 'hotfixId', spanOf(reading.source, heading), 'empty')
  }
}
