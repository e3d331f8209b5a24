import type {Nodes} from 'mdast'
import {findPlaceholders, isPlaceholder} from '../../model/text.js'
import {say} from '../messages.js'
import type {Rule} from '../rule.js'
import {exempt} from './shared.js'
import type {PlaceholderNotation} from '../../profile/spec.js'

/** Inside these nodes `{…}` is code or a URL, never a placeholder. */
const skip = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition'])

/**
 * A placeholder left in place is a question nobody answered, wherever it stands: in a field, a
 * table cell, or a sentence of free text. The source is scanned, not the model, so text the
 * parser keeps as extras is checked too. Braces in code spans, code blocks, HTML, front matter
 * and link definitions are not placeholders; the proper-fix checklist of a full fix is not
 * required, so its placeholders are left alone.
 */
export const noPlaceholder: Rule<'no-placeholder'> = {
  id: 'no-placeholder',
  severity: 'error',
  description: 'An unfilled `{PLACEHOLDER}` anywhere outside code.',
  rationale:
    'A placeholder left in a postmortem is a question nobody answered. Replace it with the answer, or write why there is none. The proper-fix checklist of a full fix is not required, so its placeholders are not reported.',
  examples: [
    {title: 'A filled document passes', edits: [], findings: []},
    {title: 'A placeholder left in the Author field', edits: [['**Author:** Priya Raman', '**Author:** {PM_NAME}']], findings: ['7:13'], messages: ['Unexpected placeholder `{PM_NAME}`, expected it filled in']},
    {title: 'A placeholder inside a sentence', edits: [['#inc-2291 opened at 14:08', '#inc-2291 opened at {TIME}']], findings: ['126:48'], messages: ['Unexpected placeholder `{TIME}`, expected it filled in']},
    {title: 'Braces in code are not placeholders', edits: [['**Author:** Priya Raman', '**Author:** Priya Raman (`{PM_NAME}`)']], findings: []}
  ],
  check(context) {
    const {document, draft, profile} = context
    const text = document.source.text
    const pathAt = fieldLocator(document)
    // The lines of a checklist the choice made does not require (a full fix's proper-fix checklist).
    const checklist = profile.sections
      .flatMap((section) => section.blocks)
      .flatMap((block) => (block.type === 'checklist' && exempt(profile, draft, block) ? block.fields : []))
      .map((field) => document.fields.get(field.path)?.span)
      .filter((span) => span !== undefined)
    // Scan each block's source (not its text values, so `\{` stays escaped), skipping the
    // code spans and inline HTML inside it. Note: text nodes made by GFM autolinking carry no
    // positions, so blocks, which always do, are the unit.
    // `{x}` is a placeholder in any template (as the complete model says), besides the template's own notation.
    const notations: PlaceholderNotation[] = [...new Set<PlaceholderNotation>([...(profile.spec.placeholders ?? []), 'braces'])]
    // `<Your name goes here>` is HTML to remark: with `<x>` placeholders, such HTML is one.
    const angle = notations.includes('angle')
    const angled = (node: Nodes): boolean => angle && node.type === 'html' && isPlaceholder(node.value, ['angle'])
    const visit = (node: Nodes): void => {
      if (angled(node) && node.position) {
        const start = node.position.start.offset!
        const value = (node as {value: string}).value
        const at = start + text.slice(start, node.position.end.offset!).indexOf(value.trim())
        if (!checklist.some((span) => span.start.offset <= at && at <= span.end.offset)) context.report(pathAt(at), say('placeholder', {text: value.trim()}), document.source.span(at, at + value.trim().length))
        return
      }
      if (skip.has(node.type)) return
      if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') && node.position) {
        const start = node.position.start.offset!
        const excluded: [number, number][] = []
        const collect = (child: Nodes): void => {
          if ((child.type === 'inlineCode' || (child.type === 'html' && !angled(child))) && child.position) excluded.push([child.position.start.offset!, child.position.end.offset!])
          if ('children' in child) for (const grandchild of child.children) collect(grandchild as Nodes)
        }
        collect(node)
        for (const match of findPlaceholders(text.slice(start, node.position.end.offset!), notations)) {
          const offset = start + match.start
          if (excluded.some(([from, to]) => from <= offset && offset < to)) continue
          if (checklist.some((span) => span.start.offset <= offset && offset <= span.end.offset)) continue
          const span = document.source.span(offset, start + match.end)
          context.report(pathAt(offset), say('placeholder', {text: match.text}), span)
        }
        return
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes)
    }
    visit(document.tree)
    // A link the template asks for (`[link to github issue]`), left as the template wrote it.
    for (const [path, info] of document.fields) {
      if (info.state !== 'placeholder') continue
      const value = text.slice(info.span.start.offset, info.span.end.offset)
      if (value.startsWith('[') && value.endsWith(']') && !isPlaceholder(value, notations)) context.report(path, say('placeholder', {text: value}), info.span)
    }
    // Header fields the front matter gives hold placeholders as values (`date: {DATE}`).
    const yaml = document.tree.children[0]
    if (yaml?.type !== 'yaml' || !yaml.position) return
    for (const [path, info] of document.fields) {
      if (info.span.start.offset < yaml.position.start.offset! || info.span.end.offset > yaml.position.end.offset!) continue
      const value = text.slice(info.span.start.offset, info.span.end.offset)
      if (info.state === 'placeholder' || isPlaceholder(value, notations)) context.report(path, say('placeholder', {text: value}), info.span)
    }
  }
}

/**
 * The field path whose value holds an offset: the smallest field span around it. Spans are
 * sorted once; each lookup is a binary search plus a short walk back over the spans that start
 * just before (fields nest only a few levels: a row holds its cells), so big tables stay linear.
 */
function fieldLocator(document: import('../../parse/document.js').PostmortemDocument): (offset: number) => string {
  const spans = [...document.fields].map(([path, info]) => ({path, start: info.span.start.offset, end: info.span.end.offset}))
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  return (offset) => {
    let low = 0
    let high = spans.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (spans[mid]!.start <= offset) low = mid + 1
      else high = mid
    }
    let best = ''
    let size = Infinity
    for (let index = low - 1; index >= 0 && index >= low - 64; index--) {
      const span = spans[index]!
      if (span.end >= offset && span.end - span.start < size) {
        best = span.path
        size = span.end - span.start
      }
    }
    return best
  }
}
