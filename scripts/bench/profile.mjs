// Where `lint` spends its time on one document: a CPU profile (time inside each stage, self
// time by package and by source file) and direct timings of the whole call, each rule and
// `validate`. It guides optimisation; it sets no goal.
import {readFileSync, existsSync} from 'node:fs'
import {SourceMap} from 'node:module'
import {Session} from 'node:inspector'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * Direct timings of one medium document, in milliseconds: the whole `lint`, `parseDocument`,
 * `validate` of the parsed draft (not part of lint: what `parse` + `validate` adds), and each
 * rule's `check` (wrapped for the measure, restored after). Each figure is, per document, the
 * fastest of `reps` runs, then the mean over documents: on a loaded machine the minimum is the
 * steadiest estimate of what code costs. Stages that are not calls of their own (the remark
 * parse inside `parseDocument`, inline control inside `lint`) come from the CPU profile instead,
 * since differences of two timings taken at different moments can even come out negative.
 */
export function timeLintParts({library, texts, now, reps}) {
  const {lint, lintDocument, parseDocument, rules, validate} = library
  const ids = Object.keys(rules)
  const ruleTimes = new Map(ids.map((id) => [id, 0]))
  const originals = new Map()
  let timing = false
  for (const [id, rule] of Object.entries(rules)) {
    const check = rule.check
    originals.set(id, check)
    rule.check = function (context) {
      if (!timing) return check.call(this, context)
      const start = performance.now()
      try {
        return check.call(this, context)
      } finally {
        ruleTimes.set(id, ruleTimes.get(id) + performance.now() - start)
      }
    }
  }
  const keys = ['lint', 'parseDocument', 'validate', 'rules']
  const best = Object.fromEntries(keys.map((key) => [key, texts.map(() => Infinity)]))
  const bestRule = new Map(ids.map((id) => [id, texts.map(() => Infinity)]))
  const keep = (series, index, ms) => {
    if (ms < series[index]) series[index] = ms
  }
  const time = (run) => {
    const start = performance.now()
    const value = run()
    return [performance.now() - start, value]
  }
  try {
    for (let rep = -1; rep < reps; rep++) {
      for (const [index, text] of texts.entries()) {
        const [whole] = time(() => lint(text, {now}))
        const [parsed, document] = time(() => parseDocument(text))
        const [validated] = time(() => validate(document.draft))
        for (const id of ids) ruleTimes.set(id, 0)
        timing = true
        lintDocument(document, {now})
        timing = false
        if (rep < 0) continue // warm-up
        keep(best.lint, index, whole)
        keep(best.parseDocument, index, parsed)
        keep(best.validate, index, validated)
        let sum = 0
        for (const [id, ms] of ruleTimes) {
          keep(bestRule.get(id), index, ms)
          sum += ms
        }
        keep(best.rules, index, sum)
      }
    }
  } finally {
    for (const [id, check] of originals) rules[id].check = check
  }
  const mean = (series) => series.reduce((a, b) => a + b, 0) / series.length
  return {
    lintMs: mean(best.lint),
    parseDocumentMs: mean(best.parseDocument),
    validateMs: mean(best.validate),
    rulesMs: mean(best.rules),
    rules: ids.map((id) => ({id, ms: mean(bestRule.get(id))})).sort((a, b) => b.ms - a.ms)
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** `pkg` for node_modules/pkg (or @scope/pkg), `src/…` through dist's source maps, else the URL. */
function grouper() {
  const maps = new Map()
  const mapOf = (file) => {
    if (!maps.has(file)) {
      const mapFile = `${file}.map`
      maps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null)
    }
    return maps.get(file)
  }
  return (frame) => {
    const url = frame.url
    if (!url) return frame.functionName && frame.functionName.startsWith('(') ? frame.functionName : '(native)'
    if (url.startsWith('node:')) return 'node internals'
    const file = url.startsWith('file://') ? fileURLToPath(url) : url
    const modules = file.lastIndexOf('/node_modules/')
    if (modules !== -1) {
      const parts = file.slice(modules + '/node_modules/'.length).split('/')
      return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
    }
    if (file.startsWith(path.join(root, 'dist'))) {
      const entry = mapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber)
      const source = entry?.originalSource
      if (source) {
        const relative = source.startsWith('file://') ? path.relative(root, fileURLToPath(source)) : source.replace(/^(\.\.\/)+/, '')
        return relative
      }
      return `dist/${path.basename(file)}`
    }
    return path.relative(root, file)
  }
}

/**
 * Frames whose inclusive time the profile reports: where each stage of `lint` starts. Named by
 * function and by the source file or package that defines it, so a stage whose code moves or
 * is renamed is reported as not found rather than as 0%.
 */
const inclusiveStages = [
  {label: '`parseDocument` (everything that reads the document)', functionName: 'parseDocument', where: 'src/parse/document.ts'},
  {label: 'input limits pre-scan (`checkLimits`)', functionName: 'checkLimits', where: 'src/parse/limits.ts'},
  {label: 'remark parse (`fromMarkdown`: micromark, mdast, GFM transforms)', functionName: 'fromMarkdown', where: 'mdast-util-from-markdown'},
  {label: 'mdast compile (tokens to tree, with transforms; inside the parse)', functionName: 'compile', where: 'mdast-util-from-markdown'},
  {label: 'GFM autolink-literal transform (inside the compile)', functionName: 'transformGfmAutolinkLiterals', where: 'mdast-util-gfm-autolink-literal'},
  {label: 'rules (`runRule`)', functionName: 'runRule', where: 'src/lint/index.ts'},
  {label: 'inline control (`applyInlineControl`)', functionName: 'applyInlineControl', where: 'src/lint/index.ts'}
]

/**
 * A CPU profile of `lint` over `texts` for about `seconds`, self time grouped by package (and by
 * source file for this project's code, through dist's source maps), plus the hottest functions.
 */
export async function profileLint({library, texts, now, seconds = 5}) {
  const session = new Session()
  session.connect()
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))))
  await post('Profiler.enable')
  await post('Profiler.start')
  const deadline = performance.now() + seconds * 1000
  let documents = 0
  while (performance.now() < deadline) {
    for (const text of texts) library.lint(text, {now})
    documents += texts.length
  }
  const {profile} = await post('Profiler.stop')
  session.disconnect()
  const group = grouper()
  // Count only what `lint` does: frames under the library's `lint`, and the garbage collector
  // (a root of its own in V8's profiles), not the loop around it or the inspector.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const inLint = new Set()
  const mark = (node, under) => {
    const frame = node.callFrame
    const here = under || (frame.functionName === 'lint' && frame.url.includes('/dist/')) || frame.functionName === '(garbage collector)'
    if (here) inLint.add(node.id)
    for (const child of node.children ?? []) mark(byId.get(child), here)
  }
  mark(profile.nodes[0], false)
  const selfTime = new Map(profile.nodes.map((node) => [node.id, 0]))
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index]
    selfTime.set(id, selfTime.get(id) + (profile.timeDeltas[index] ?? 0) / 1000)
  }
  const byGroup = new Map()
  const byFunction = new Map()
  let total = 0
  for (const node of profile.nodes) {
    const ms = selfTime.get(node.id)
    if (!ms || !inLint.has(node.id)) continue
    const name = group(node.callFrame)
    total += ms
    byGroup.set(name, (byGroup.get(name) ?? 0) + ms)
    const fn = `${node.callFrame.functionName || '(anonymous)'} (${name})`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms)
  }
  // Inclusive time of a few frames that mark stages, each sample counted once per stage.
  const parent = new Map()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const stageOf = new Map()
  for (const node of profile.nodes) {
    const where = group(node.callFrame)
    const stage = inclusiveStages.find((candidate) => candidate.functionName === node.callFrame.functionName && candidate.where === where)
    if (stage) stageOf.set(node.id, stage.label)
  }
  const inclusive = new Map(inclusiveStages.map((stage) => [stage.label, 0]))
  for (let index = 0; index < profile.samples.length; index++) {
    let id = profile.samples[index]
    if (!inLint.has(id)) continue
    const seen = new Set()
    for (; id !== undefined; id = parent.get(id)) {
      const label = stageOf.get(id)
      if (label && !seen.has(label)) {
        seen.add(label)
        inclusive.set(label, inclusive.get(label) + (profile.timeDeltas[index] ?? 0) / 1000)
      }
    }
  }
  const found = new Set(stageOf.values())
  const stages = inclusiveStages.map(({label}) => ({name: label, ms: found.has(label) ? inclusive.get(label) : null}))
  // The reader proper: what parseDocument does besides the pre-scan and the remark parse.
  const [whole, limits, remark] = stages
  if (whole.ms !== null && remark.ms !== null) {
    stages.splice(5, 0, {name: 'the reader (`parseDocument` minus the pre-scan and the parse)', ms: Math.max(0, whole.ms - remark.ms - (limits.ms ?? 0))})
  }
  stages.push({name: 'garbage collection (outside every stage)', ms: byGroup.get('(garbage collector)') ?? 0})
  const ranked = (map) => [...map].map(([name, ms]) => ({name, ms, share: ms / total})).sort((a, b) => b.ms - a.ms)
  return {documents, totalMs: total, groups: ranked(byGroup), functions: ranked(byFunction), stages: stages.map((stage) => ({...stage, share: stage.ms === null ? null : stage.ms / total}))}
}
