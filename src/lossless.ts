import type {Nodes, Root} from 'mdast'
import {tryParse} from './model/markdown.js'
import {findPlaceholders} from './model/text.js'
import {builtinProfile} from './profile/builtin.js'
import type {Profile} from './profile/compile.js'

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** The words of one node's own text (its value, or a link's URL and title), placeholders left out. */
function ownWords(node: Nodes): string[] {
  let found: string[] = []
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
    found = words(parts.join(' '))
  }
  if (node.type === 'image' || node.type === 'link' || node.type === 'definition') {
    // Note: concat, not push(...): a spread of a very long list overflows the stack.
    found = found.concat(words(`${node.url} ${node.title ?? ''}`), node.type === 'image' ? words(node.alt ?? '') : [])
  }
  return found
}

/** Every word of every leaf (text, code, HTML, front matter…), placeholders left out. */
function leafWords(node: Nodes, out: Map<string, number>): void {
  for (const word of ownWords(node)) out.set(word, (out.get(word) ?? 0) + 1)
  if ('children' in node) for (const child of node.children) leafWords(child as Nodes, out)
}

/**
 * Words of `input` that `output` lacks (SPEC R4), counted: a word written three times must be
 * there three times. Words the template owns (headings, labels) and placeholders are exempt.
 * Linear in the size of both texts.
 */
export function lostWords(input: string, output: string, options: {inputTree?: Root; outputTree?: Root; profile?: Profile} = {}): string[] {
  // Words the template owns (headings, labels, qualifiers) may be rewritten in its own wording (SPEC R4).
  const vocabulary = (options.profile ?? builtinProfile).vocabulary
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
export function userWords(node: Nodes, profile: Profile = builtinProfile): Map<string, number> {
  const {vocabulary} = profile
  const all = new Map<string, number>()
  leafWords(node, all)
  for (const word of all.keys()) if (vocabulary.has(word)) all.delete(word)
  return all
}

/**
 * The 1-based line of the input where the first lost word stands. `lost` are the words
 * `lostWords` gave; `text` is what `tree` was parsed from, and `outputTree` the rewrite's tree.
 * A word written several times, of which the rewrite keeps some, is placed at the first
 * occurrence whose neighbours (the words either side in the same text) the rewrite lacks; without
 * one (or without `outputTree`), at its first occurrence. `undefined` when none is found.
 */
export function firstLostLine(tree: Root, text: string, lost: readonly string[], outputTree?: Root): number | undefined {
  if (lost.length === 0) return undefined
  const wanted = new Set(lost.map((word) => word.toLowerCase()))
  const kept = new Map<string, number>()
  if (outputTree) for (const node of inOrder(outputTree)) for (const key of contexts(ownWords(node), wanted)) kept.set(key.key, (kept.get(key.key) ?? 0) + 1)
  let first: {node: Nodes; word: string; nth: number} | undefined
  let unmatched: {node: Nodes; word: string; nth: number} | undefined
  for (const node of inOrder(tree)) {
    if (!node.position) continue
    for (const occurrence of contexts(ownWords(node), wanted)) {
      first ??= {node, word: occurrence.word, nth: occurrence.nth}
      if (!outputTree) break
      const left = kept.get(occurrence.key) ?? 0
      if (left > 0) kept.set(occurrence.key, left - 1)
      else unmatched ??= {node, word: occurrence.word, nth: occurrence.nth}
    }
    if (unmatched || (first && !outputTree)) break
  }
  const found = unmatched ?? first
  if (!found) return undefined
  const start = found.node.position!.start.offset!
  const offset = wordOffset(text, start, found.node.position!.end.offset!, found.word, found.nth) ?? start
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++
  return line
}

/** The nodes of a tree in document order (iterative). */
function* inOrder(root: Nodes): Generator<Nodes> {
  const stack: Nodes[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    yield node
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes)
  }
}

/** Each wanted word of a text with its neighbours (`key`), and which occurrence of the word it is there. */
function* contexts(found: readonly string[], wanted: ReadonlySet<string>): Generator<{word: string; nth: number; key: string}> {
  const seen = new Map<string, number>()
  for (const [index, word] of found.entries()) {
    if (!wanted.has(word)) continue
    const nth = seen.get(word) ?? 0
    seen.set(word, nth + 1)
    yield {word, nth, key: `${found[index - 1] ?? ''} ${word} ${found[index + 1] ?? ''}`}
  }
}

/** Offset of the `nth` whole-word `word` in `text` between `start` and `end`, if any. */
function wordOffset(text: string, start: number, end: number, word: string, nth: number): number | undefined {
  const pattern = /[\p{L}\p{N}]+/gu
  pattern.lastIndex = start
  let count = 0
  for (let match = pattern.exec(text); match !== null && match.index < end; match = pattern.exec(text)) {
    if (match[0].toLowerCase() === word && count++ === nth) return match.index
  }
  return undefined
}
