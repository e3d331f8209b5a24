/**
 * The title: `# Postmortem: HOTFIX-{ID}` gives the id (`hotfixId`); a title written any other way
 * (`# Postmortem: HOTFIX-3012 — orders-db out of disk`, `# Incident Report: Checkout latency`)
 * is kept as written in the title's text (`title`), with the id it names, if any.
 */
import type {Heading} from 'mdast'
import {setPath} from '../model/paths.js'
import {templateTitle, titleParts} from '../model/title.js'
import {givenByFrontMatter, readValue, setField, type Reading} from './reading.js'
import {headingContent, spanOf} from './values.js'

/** Read the title heading: its id, and its text when it is not the template's. */
export function readTitle(reading: Reading, heading: Heading): void {
  const {profile} = reading
  const title = profile.title
  if (!title) return
  const {start, end} = headingContent(reading.source.text, heading)
  const text = reading.source.text.slice(start, end)
  const {id} = titleParts(profile, text)
  const idText = id ? text.slice(id.start, id.end) : undefined
  const idSpec = title.id
  // A title the front matter also gives the id of is kept as written (even the template's own),
  // so that it is written back: the serializer writes no title the front matter already says.
  const templates = idText !== undefined && idSpec !== undefined && text === templateTitle(profile, idText === idSpec.placeholder ? null : idText)
  if (!templates || (idSpec !== undefined && givenByFrontMatter(reading).has(idSpec.path))) {
    setPath(reading.draft, title.textPath, text)
    setField(reading, title.textPath, spanOf(reading.source, heading), text === '' ? 'empty' : 'filled')
  }
  if (!idSpec || !id) return
  if (id.end > id.start) readValue(reading, {path: idSpec.path, placeholder: idSpec.placeholder}, start + id.start, start + id.end)
  else {
    setPath(reading.draft, idSpec.path, '')
    setField(reading, idSpec.path, spanOf(reading.source, heading), 'empty')
  }
}
