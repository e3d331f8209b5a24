// Benchmark: our cost next to remark's own ("parse once: our cost should stay close to remark's").
//
// Measures, in one run and interleaved, remark-parse + remark-gfm parsing alone against the
// built library's `parse`, `lint` and `stringify(parse(x))`, on the six examples concatenated
// and on a large synthetic postmortem. Prints medians and ratios (ours / remark). It asserts
// nothing about absolute times: machines differ; the ratios are what to watch.
//
// Usage: npm run bench   (builds first)   or   node scripts/bench.mjs [--reps N] [--rows N]
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {reps: {type: 'string'}, rows: {type: 'string'}}})
const reps = Math.max(3, Number(values.reps ?? 5))
const syntheticRows = Math.max(1, Number(values.rows ?? 5000))

let library
try {
  library = await import(pathToFileURL(path.join(root, 'dist/index.js')).href)
} catch (error) {
  console.error(`Cannot load dist/index.js (run \`npm run build\` first): ${error instanceof Error ? error.message : error}`)
  process.exit(2)
}
const {parse, lint, stringify} = library

const remark = unified().use(remarkParse).use(remarkGfm)

// -- inputs -----------------------------------------------------------------------------------

const examplesFolder = path.join(root, 'fixtures/examples')
const examples = readdirSync(examplesFolder)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => readFileSync(path.join(examplesFolder, name), 'utf8'))

/** One complete example whose timeline table is replaced by `rows` generated rows. */
function synthetic(rows) {
  const base = examples[0]
  const lines = base.split('\n')
  const header = lines.findIndex((line) => /^\|\s*Time\b/.test(line))
  if (header === -1) throw new Error('no timeline table in the first example')
  let end = header + 2
  while (end < lines.length && lines[end].startsWith('|')) end++
  const generated = []
  for (let index = 0; index < rows; index++) {
    const seconds = 8 * 3600 + index * 2
    const time = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':')
    generated.push(`| ${time} | Step ${index + 1}: \`worker-${index % 97}\` retried the job, p99 latency at ${100 + (index % 400)} ms | @oncall-${index % 13} |`)
  }
  return [...lines.slice(0, header + 2), ...generated, ...lines.slice(end)].join('\n')
}

const cases = [
  {name: 'six examples concatenated', text: examples.join('\n')},
  {name: `synthetic, ${syntheticRows.toLocaleString('en-US')} timeline rows`, text: synthetic(syntheticRows)}
]

const operations = [
  {name: 'remark-parse + remark-gfm', run: (text) => remark.parse(text)},
  {name: 'parse', run: (text) => parse(text)},
  {name: 'lint', run: (text) => lint(text)},
  {name: 'stringify(parse)', run: (text) => stringify(parse(text))}
]

// -- measuring --------------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Milliseconds per call: `inner` calls timed together. */
function sample(run, text, inner) {
  const start = performance.now()
  for (let index = 0; index < inner; index++) run(text)
  return (performance.now() - start) / inner
}

function measure(test) {
  // Warm-up: let the JIT settle, and size the inner loop so one sample lasts about 50 ms.
  const inner = new Map()
  for (const operation of operations) {
    let once = Infinity
    for (let index = 0; index < 3; index++) once = Math.min(once, sample(operation.run, test.text, 1))
    inner.set(operation, Math.max(1, Math.ceil(50 / Math.max(once, 0.01))))
    sample(operation.run, test.text, inner.get(operation))
  }
  // Repetitions, interleaved so that drift (thermal, GC, other load) hits every operation alike.
  const samples = new Map(operations.map((operation) => [operation, []]))
  for (let rep = 0; rep < reps; rep++) {
    for (const operation of operations) samples.get(operation).push(sample(operation.run, test.text, inner.get(operation)))
  }
  // Ratios are paired: each repetition's time over remark's time in the same repetition, then
  // the median of those, which cancels load that drifts slower than one repetition.
  const base = samples.get(operations[0])
  return new Map(
    operations.map((operation) => {
      const own = samples.get(operation)
      return [operation, {ms: median(own), ratio: median(own.map((ms, rep) => ms / base[rep]))}]
    })
  )
}

// -- report -----------------------------------------------------------------------------------

function formatMs(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
}

console.log(`postmortem-md benchmark: node ${process.version}, ${reps} repetitions (median)`)
console.log('Times are medians; ratios are ours / remark-parse + remark-gfm on the same input, paired per repetition')
console.log('(median of the per-repetition ratios). 1.00x is remark alone; lower is better.\n')

const results = []
for (const test of cases) {
  const kb = Buffer.byteLength(test.text) / 1024
  process.stdout.write(`${test.name} (${kb.toFixed(0)} KB) … `)
  const times = measure(test)
  const base = times.get(operations[0]).ms
  console.log(`remark ${formatMs(base)} ms (${(kb / 1024 / (base / 1000)).toFixed(2)} MB/s)`)
  results.push({test, times})
}

const nameWidth = Math.max(...operations.map((operation) => operation.name.length))
const columnWidth = Math.max(...results.map(({test}) => test.name.length), 22)
console.log('')
console.log(`${''.padEnd(nameWidth)}  ${results.map(({test}) => test.name.padStart(columnWidth)).join('  ')}`)
for (const operation of operations) {
  const cells = results.map(({times}) => {
    const {ms, ratio} = times.get(operation)
    return `${formatMs(ms)} ms  ${ratio.toFixed(2)}x`.padStart(columnWidth)
  })
  console.log(`${operation.name.padEnd(nameWidth)}  ${cells.join('  ')}`)
}
