import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parse, stringify, validate, type Postmortem} from '../src/index.js'
import {complete, draft} from './arbitraries.js'

const runs = Number(process.env.PROPERTY_RUNS ?? 1000)

describe('R2: parse(stringify(m)) deep-equals m', () => {
  it('holds for drafts', () => {
    fc.assert(
      fc.property(draft, (model) => {
        expect(parse(stringify(model))).toEqual(model)
      }),
      {numRuns: runs}
    )
  })

  it('holds for complete postmortems (validated back to the same typed model)', () => {
    fc.assert(
      fc.property(complete, (model: Postmortem) => {
        const markdown = stringify(model)
        const back = validate(parse(markdown))
        if (!back.ok) throw new Error(`Not complete after a round trip: ${JSON.stringify(back.issues)}\n${markdown}`)
        expect(back.postmortem).toEqual(model)
      }),
      {numRuns: runs}
    )
  })
})

describe('R3: canonical output is a fixed point', () => {
  it('holds for drafts', () => {
    fc.assert(
      fc.property(draft, (model) => {
        const once = stringify(model)
        expect(stringify(parse(once))).toBe(once)
      }),
      {numRuns: Math.ceil(runs / 4)}
    )
  })
})
