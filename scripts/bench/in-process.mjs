// In-process measures: the library's calls next to a bare remark parse of the same documents.
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {timeInProcess} from './measure.mjs'

/** The baseline of the first row: `unified().use(remarkParse).use(remarkGfm).parse`. */
export const bareRemark = unified().use(remarkParse).use(remarkGfm)

/** The operations measured per document, by key. */
export function operations(library, now) {
  const {parse, validate, lint, stringify} = library
  return {
    remark: {label: 'bare remark-parse + remark-gfm', run: (text) => bareRemark.parse(text)},
    parseValidate: {label: 'parse + validate', run: (text) => validate(parse(text))},
    lint: {label: 'lint', run: (text) => lint(text, {now})},
    stringify: {label: 'stringify(parse(x))', run: (text) => stringify(parse(text))}
  }
}

/**
 * Milliseconds per document for each (rung, operation): `reps` samples, each one pass over the
 * rung's documents. Operations are interleaved document by document (every operation on one
 * document, back to back, in an order that rotates), so load on a shared machine falls on all
 * of them alike and garbage one leaves behind is not always collected during the same other one.
 */
export function measureDocuments({plan, ops, reps, log}) {
  for (const {rung, keys} of plan) {
    for (const key of keys) {
      for (let pass = 0; pass < 2; pass++) timeInProcess(ops[key].run, rung.texts)
    }
  }
  const samples = new Map(plan.flatMap(({rung, keys}) => keys.map((key) => [`${rung.name}/${key}`, []])))
  let turn = 0
  for (let rep = 0; rep < reps; rep++) {
    const start = performance.now()
    for (const {rung, keys} of plan) {
      const totals = keys.map(() => 0)
      for (const text of rung.texts) {
        turn++
        for (let offset = 0; offset < keys.length; offset++) {
          const index = (offset + turn) % keys.length
          const begin = performance.now()
          ops[keys[index]].run(text)
          totals[index] += performance.now() - begin
        }
      }
      keys.forEach((key, index) => samples.get(`${rung.name}/${key}`).push(totals[index] / rung.texts.length))
    }
    log?.(`  in-process repetition ${rep + 1}/${reps}: ${((performance.now() - start) / 1000).toFixed(1)} s`)
  }
  return (rungName, key) => samples.get(`${rungName}/${key}`) ?? []
}
