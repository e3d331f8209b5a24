/**
 * Whether a value can be written back as a section body or a list item is decided without a
 * parse for plain values (src/model/markdown.ts). The quick answer must be the parsed answer.
 * An extra's blocks and whether it runs on come from one parse.
 */
import fc from 'fast-check'
import type {RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {blocksOf, listItemProblem, markdownBodyProblem, parsedBodyProblem, parsedListItemProblem, runsOn, tryParse} from '../src/model/markdown.js'

const lines = [
  'Plain words and `code`.', '# heading', '#no heading', '## h ##', '\t# tab', '   # three', '    # four', '- item', '  - nested', '* item', '+ item', '1. one', '2) two',
  '```', '```js', '````', '~~~', '~~~ info', ' ```', '   ```', '  ```', '```a`b', '``` ', 'a ``` b', '- ```', '> ```', '    code', '> quote', '> # h', '>',
  '---', '***', '___', '* * *', '- - -', '===', '=', '-', '--', 'a', 'b **bold**', '', '  ', '<div>', '<!-- c', '-->', 'a <b> c', '| a | b |', '| - | - |',
  '[a]: /u "t', '"', '[^1]: note', '\\', 'text  ', '\u00a0', 'x\r', '+++', 'www.example.com', '~~strike~~'
]
const value = fc.array(fc.constantFrom(...lines), {minLength: 1, maxLength: 8}).map((parts) => parts.join('\n'))
const anyValue = fc.oneof(value, fc.string({unit: fc.constantFrom('a', ' ', '\n', '`', '~', '#', '-', '=', '<', '>', '*', '\t', '1', '.', '|')}), fc.string())
const options = fc.record({noRule: fc.boolean(), allowHeadings: fc.boolean()}, {requiredKeys: []})

describe('writability decided without a parse is the parsed answer', () => {
  it('for section bodies', () => {
    fc.assert(
      fc.property(anyValue, options, (text, opts) => {
        expect(markdownBodyProblem(text, opts)).toBe(parsedBodyProblem(text, opts))
      }),
      {numRuns: 5000}
    )
  })

  it('for list items', () => {
    const item = fc.oneof(anyValue, fc.constantFrom(...lines), fc.tuple(fc.constantFrom(...lines), fc.string()).map(([a, b]) => a + b))
    fc.assert(
      fc.property(item, (text) => {
        expect(listItemProblem(text)).toBe(parsedListItemProblem(text))
      }),
      {numRuns: 5000}
    )
  })

  it('skips the parse for the values postmortems hold', () => {
    // The answers above would hold trivially if the quick path were never taken.
    const body = 'The pool was too small:\n\n```diff\n-  workers: 4\n+  workers: 8\n```\n\n- a list\n- of items'
    expect(markdownBodyProblem(body)).toBeUndefined()
    expect(markdownBodyProblem('a\n\n```js\nnever closed')).toBe('an unclosed code fence or HTML block would swallow the next section')
    expect(markdownBodyProblem('a\n\n# heading')).toBe('a line in it would start a new section (a heading)')
    expect(listItemProblem('`ledger_entries` has no unique constraint.')).toBeUndefined()
  })
})

describe('the blocks of an extra, from one parse', () => {
  // What an extra's check reads of its blocks: their kinds and starts, a heading's depth and end.
  const shape = (nodes: readonly RootContent[]): unknown[] =>
    nodes.map((node, index) => [node.type, node.type === 'heading' ? node.depth : undefined, node.position?.start.offset, index === 0 && node.type === 'heading' ? node.position?.end.offset : undefined])

  it('are the blocks of the text alone, and say whether it runs on', () => {
    fc.assert(
      fc.property(anyValue, (text) => {
        const {nodes, runsOn: runs} = blocksOf(text)
        expect(shape(nodes)).toEqual(shape(tryParse(text)?.children ?? []))
        expect(runs).toBe(runsOn(text))
      }),
      {numRuns: 3000}
    )
  })
})
