import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** The one remark parser of the project: CommonMark, GFM and YAML front matter. */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

/** Parse Markdown into mdast (remark-parse + remark-gfm + remark-frontmatter). */
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
  const tree = tryParse(markdown + '\n\n' + sentinel)
  const last = tree?.children.at(-1)
  return !last || last.type !== 'heading' || last.position?.start.offset !== markdown.length + 2
}

/**
 * Why free Markdown cannot stand as the whole body of a section, or `undefined` when it can:
 * written between a heading and the next heading, it must parse back to exactly itself, so it
 * may not hold a heading of its own, may not swallow the next heading (an unclosed fence or
 * HTML block) and, before the meeting footer, may not hold a thematic break.
 */
export function markdownBodyProblem(value: string, options: {noRule?: boolean; allowHeadings?: boolean} = {}): string | undefined {
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

/**
 * Why a value cannot stand as an ordered-list item, or `undefined` when it can: written as
 * `1. ` with its continuation lines indented, followed by a second item, its item must end
 * exactly where the value does and the second item must start on the next line.
 */
export function listItemProblem(value: string): string | undefined {
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
