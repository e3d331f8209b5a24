import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {remarkPostmortemSyntax} from './syntax.js'
import {trimMarkdown} from './text.js'

/** The one remark parser of the project: CommonMark, GFM but autolink literals, YAML front matter. */
const processor = unified().use(remarkParse).use(remarkPostmortemSyntax).use(remarkFrontmatter, ['yaml']).freeze()

/** Parse Markdown into mdast (remark-parse, GFM but autolink literals, remark-frontmatter). */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}

/**
 * Parse, or `undefined` when the parser fails. Note: development builds of micromark and its
 * extensions assert internal invariants that some inputs break (`- -\n[ ] b`); production
 * builds do not throw, but a browser bundle may load the development build.
 */
export function tryParse(markdown: string): Root | undefined {
  try {
    return processor.parse(markdown)
  } catch {
    return undefined
  }
}

const sentinel = '# \u0000end'

/**
 * Whether Markdown runs on over whatever follows it: an unclosed code fence or HTML block (a
 * `<!--` without `-->`) takes in the headings after it. Only such a block, last in a document,
 * can be; written anywhere but last, it would swallow the sections after it.
 */
export function runsOn(markdown: string): boolean {
  return blocksOf(markdown).runsOn
}

/**
 * The top-level blocks of Markdown and whether it runs on (see `runsOn`), from one parse: the
 * blocks of a text that does not run on are the same whatever heading follows it.
 */
export function blocksOf(markdown: string): {nodes: Root['children']; runsOn: boolean} {
  const nodes = tryParse(markdown + '\n\n' + sentinel)?.children ?? []
  const last = nodes.at(-1)
  if (last && last.type === 'heading' && last.position?.start.offset === markdown.length + 2) return {nodes: nodes.slice(0, -1), runsOn: false}
  return {nodes: tryParse(markdown)?.children ?? [], runsOn: true}
}

/**
 * A line that may open a block changing a body's shape: a heading (`#`, or a setext underline of
 * `=` or `-`), a thematic break, a code fence that is not a whole line of its own, HTML, a
 * carriage return. Note: a value without such a line, whose code fences open at the start of a
 * line and close, is a body as it stands, so the parse is skipped for most values; the test
 * holds both answers equal over arbitrary Markdown.
 */
const mayReshapeBody = /^[ \t]*(?:#|[-*_=+](?:[ \t]*[-*_=+])*[ \t]*$)|```|~~~|<|\r/

/** An opening code fence at the start of a line: its marker and (for backticks) an info string without backticks. */
const fenceOpen = /^(`{3,}|~{3,})(.*)$/

/** Whether a value can stand as a section body without parsing it. */
function plainBody(value: string): boolean {
  if (value === '' || value !== trimMarkdown(value)) return false
  let fence: string | undefined
  for (const line of value.split('\n')) {
    if (fence !== undefined) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined
      continue
    }
    const open = fenceOpen.exec(line)
    if (open) {
      // A line starting with a fence is never inside a list item or a block quote.
      if (open[1]![0] === '`' && open[2]!.includes('`')) return false
      fence = open[1]!
      continue
    }
    if (mayReshapeBody.test(line)) return false
  }
  return fence === undefined
}

/**
 * Why free Markdown cannot stand as the whole body of a section, or `undefined` when it can:
 * written between a heading and the next heading, it must parse back to exactly itself, so it
 * may not hold a heading of its own, may not swallow the next heading (an unclosed fence or
 * HTML block) and, before the meeting footer, may not hold a thematic break.
 */
export function markdownBodyProblem(value: string, options: {noRule?: boolean; allowHeadings?: boolean} = {}): string | undefined {
  return plainBody(value) ? undefined : parsedBodyProblem(value, options)
}

/** `markdownBodyProblem` decided by a parse, for every value. */
export function parsedBodyProblem(value: string, options: {noRule?: boolean; allowHeadings?: boolean} = {}): string | undefined {
  const prefix = '# x\n\n'
  const tree = tryParse(prefix + value + '\n\n' + sentinel)
  if (!tree) return 'the Markdown parser cannot read it'
  const body = tree.children.slice(1)
  const last = body.pop()
  if (!last || last.type !== 'heading' || last.position?.start.offset !== prefix.length + value.length + 2) {
    return 'an unclosed code fence or HTML block would swallow the next section'
  }
  for (const node of body) {
    if (node.type === 'heading' && !options.allowHeadings) return 'a line in it would start a new section (a heading)'
    if (node.type === 'yaml') return 'a line in it would start front matter'
    if (options.noRule && node.type === 'thematicBreak') return 'a thematic break (`---`) in it would start the meeting footer'
  }
  const first = body[0]
  const end = body.at(-1)
  if (!first || !end) return 'it is empty'
  const start = first.position!.start.offset! - prefix.length
  const stop = end.position!.end.offset! - prefix.length
  if (start !== 0 || stop !== value.length) return 'it has leading or trailing white space'
  return undefined
}

/** One line that starts with a letter or inline code: nothing in it can open a block of its own. */
const plainItem = /^(?:\p{L}|`(?!``))[^\n\r]*$/u

/**
 * Why a value cannot stand as an ordered-list item, or `undefined` when it can: written as
 * `1. ` with its continuation lines indented, followed by a second item, its item must end
 * exactly where the value does and the second item must start on the next line.
 */
export function listItemProblem(value: string): string | undefined {
  return plainItem.test(value) && value === trimMarkdown(value) ? undefined : parsedListItemProblem(value)
}

/** `listItemProblem` decided by a parse, for every value. */
export function parsedListItemProblem(value: string): string | undefined {
  const indented = value
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : '   ' + line))
    .join('\n')
  const text = `1. ${indented}\n2. x\n`
  const tree = tryParse(text)
  if (!tree) return 'the Markdown parser cannot read it'
  const list = tree.children[0]
  if (tree.children.length !== 1 || !list || list.type !== 'list' || list.children.length !== 2) {
    return 'it would not stay one item of the list'
  }
  const [first, second] = list.children
  if (first!.position!.end.offset !== 3 + indented.length || second!.position!.start.offset !== 4 + indented.length) {
    return 'it would not stay one item of the list'
  }
  return undefined
}
