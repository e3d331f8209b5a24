/**
 * The benchmark's corpus (scripts/bench/corpus.mjs) is the same on every run and machine: the
 * same seed gives the same bytes, in this process and in a fresh one, and each rung of the size
 * ladder lands near its target. No timing here: `npm run bench` measures, tests do not.
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {makeDocument, ladder} from '../scripts/bench/corpus.mjs'
import {lint} from '../src/index.js'
import {root} from './helpers.js'

const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

describe('benchmark corpus', () => {
  it('gives the same bytes for the same seed, in this process and in a fresh one', () => {
    const documents = ladder.map((rung) => makeDocument({seed: 9, name: rung.name, index: 3, target: rung.target}))
    expect(ladder.map((rung) => makeDocument({seed: 9, name: rung.name, index: 3, target: rung.target}))).toEqual(documents)
    const module = pathToFileURL(path.join(root, 'scripts/bench/corpus.mjs')).href
    const script = `const {createHash} = await import('node:crypto'); const {makeDocument, ladder} = await import(${JSON.stringify(module)});
      console.log(JSON.stringify(ladder.map((rung) => createHash('sha256').update(makeDocument({seed: 9, name: rung.name, index: 3, target: rung.target})).digest('hex'))))`
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(child.stderr).toBe('')
    expect(JSON.parse(child.stdout)).toEqual(documents.map(sha))
  })

  it('varies with the seed and the index', () => {
    const medium = ladder.find((rung) => rung.name === 'medium')!
    const base = makeDocument({seed: 9, name: 'medium', index: 0, target: medium.target})
    expect(makeDocument({seed: 10, name: 'medium', index: 0, target: medium.target})).not.toBe(base)
    expect(makeDocument({seed: 9, name: 'medium', index: 1, target: medium.target})).not.toBe(base)
  })

  it('lands each rung of the size ladder within 15% of its target, huge about 20× medium', () => {
    const average: Record<string, number> = {}
    for (const rung of ladder) {
      const sizes = Array.from({length: 8}, (_, index) => Buffer.byteLength(makeDocument({name: rung.name, index, target: rung.target})))
      for (const size of sizes) {
        expect(size).toBeGreaterThanOrEqual(rung.target * 0.85)
        expect(size).toBeLessThanOrEqual(rung.target * 1.15)
      }
      average[rung.name] = sizes.reduce((a, b) => a + b, 0) / sizes.length
    }
    expect(average.huge! / average.medium!).toBeGreaterThan(18)
    expect(average.huge! / average.medium!).toBeLessThan(22)
  })

  it('reads as postmortems, some clean and some with findings', () => {
    const findings = Array.from({length: 20}, (_, index) => lint(makeDocument({name: 'files', index}), {now: '2026-12-01'}))
    const clean = findings.filter((list) => list.length === 0).length
    expect(clean).toBeGreaterThan(3)
    expect(clean).toBeLessThan(17)
    // Defects are the ones real drafts have, never a document the reader cannot place.
    expect(findings.flat().filter((finding) => finding.ruleId === 'internal-error' || finding.ruleId === 'input-limit')).toEqual([])
  })
})
