import type {Nodes, Root} from 'mdast'
import {tryParse} from './model/markdown.js'
import {fields, sections} from './model/sections.js'
import {findPlaceholders} from './model/text.js'

// Words the template owns: headings, aliases, labels and qualifiers that `fmt` may rewrite into
// the template's wording (SPEC R4). Any other word must survive.
const vocabulary = new Set<string>()
function addWords(text: string): void {
  for (const word of words(text)) vocabulary.add(word)
}
for (const section of sections) {
  if (section.heading) addWords(section.heading)
  for (const alias of section.aliases) addWords(alias)
  for (const block of section.blocks) {
    if (block.type === 'table') {
      for (const column of block.columns) {
        addWords(column.header)
        for (const alias of column.aliases ?? []) addWords(alias)
      }
      for (const row of block.templateRows) addWords(row.join(' '))
    }
    if (block.type === 'labeledList' || block.type === 'checklist') addWords(block.label)
  }
}
for (const {field} of fields) {
  addWords(field.label)
  for (const alias of field.aliases ?? []) addWords(alias)
  if (field.suffix) addWords(field.suffix)
}
// Words a list-form action item gives up when its parenthetical fills the cells.
addWords('all times in are minutes minute mins min hotfix postmortem due by done completed on eta target owner priority')
// Column names of a two-column header table, and the enum values of template rows.
addWords('field value key property name detail details high medium low not started in progress blocked done won t do')

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Every word of every leaf (text, code, HTML, front matter…), placeholders left out. */
function leafWords(node: Nodes, out: Map<string, number>): void {
  if ('value' in node && typeof node.value === 'string') {
    // The text between placeholders, joined once (re-slicing per placeholder was quadratic).
    const value = node.value
    const parts: string[] = []
    let from = 0
    for (const placeholder of findPlaceholders(value)) {
      parts.push(value.slice(from, placeholder.start))
      from = placeholder.end
    }
    parts.push(value.slice(from))
    for (const word of words(parts.join(' '))) out.set(word, (out.get(word) ?? 0) + 1)
  }
  if (node.type === 'image' || node.type === 'link' || node.type === 'definition') {
    for (const word of words(`${node.url} ${node.title ?? ''}`)) out.set(word, (out.get(word) ?? 0) + 1)
    if (node.type === 'image') for (const word of words(node.alt ?? '')) out.set(word, (out.get(word) ?? 0) + 1)
  }
  if ('children' in node) for (const child of node.children) leafWords(child as Nodes, out)
}

/**
 * Words of `input` that `output` lacks (SPEC R4), counted: a word written three times must be
 * there three times. Words the template owns (headings, labels) and placeholders are exempt.
 * Linear in the size of both texts.
 */
export function lostWords(input: string, output: string, options: {inputTree?: Root; outputTree?: Root} = {}): string[] {
  const before = new Map<string, number>()
  const after = new Map<string, number>()
  // A caller that parsed the input already (`fmt`) passes its tree: the input is parsed once.
  const inputTree = options.inputTree ?? tryParse(input.replace(/^\uFEFF+/, ''))
  const outputTree = options.outputTree ?? tryParse(output)
  // Note: what cannot be read cannot be checked, so it counts as lost.
  if (!inputTree || !outputTree) return ['(text the Markdown parser cannot read)']
  leafWords(inputTree, before)
  leafWords(outputTree, after)
  const lost: string[] = []
  for (const [word, count] of before) {
    if (vocabulary.has(word)) continue
    if ((after.get(word) ?? 0) < count) lost.push(word)
  }
  return lost
}

/**
 * The user's words in a node, counted: every word of its leaves, without placeholders and the
 * words the template owns (headings, labels). What must stay together when a section is moved.
 */
export function userWords(node: Nodes): Map<string, number> {
  const all = new Map<string, number>()
  leafWords(node, all)
  for (const word of all.keys()) if (vocabulary.has(word)) all.delete(word)
  return all
}
