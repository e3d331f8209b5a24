// Benchmark of issues 9 and 16: postmortem-md next to a bare remark parse, markdownlint-cli2 and
// remark-cli, on a deterministic corpus of synthetic postmortems, side by side in one run.
//
// Rows (each a ratio next to the issue's goal; names for --only):
//   parse-validate  `validate(parse(x))` / bare `unified().use(remarkParse).use(remarkGfm).parse(x)`
//   lint            `lint(x)` / bare parse (no goal; context)
//   stringify       `stringify(parse(x))` / bare parse (no goal; context)
//   markdownlint    `postmortem lint` of N medium files / `markdownlint-cli2` on the same files
//   remark-cli      `postmortem lint` of N medium files / remark-cli + gfm + recommended preset
//   pool            `postmortem lint` of N medium files / the same with POSTMORTEM_WORKERS=0
//   cold-start      `postmortem lint one.md` / `markdownlint-cli2 one.md`, whole processes
//   cache           second `lint --cache` over unchanged files / the first (once `--cache` exists)
//   ladder          time per KB over small, medium, large and huge documents; huge / medium per 20×
//   large           `postmortem lint` of 10,000 files / `markdownlint-cli2`: wall time and peak memory
//   young           the workers' young generation (16 to 192 MB) against time and memory (no goal)
//   cli-profile     where `postmortem lint` of N files spends its time, thread by thread (no goal)
//   profile         where `lint` spends its time on one medium document (stages, rules, CPU profile)
//
// Usage: npm run bench [-- options]   (builds first)   or   node scripts/bench.mjs [options]
//   --quick          smoke run of a few minutes: 50 files, 200 for the large rows, 1 repetition
//   --files N        files in the folder runs (default 1000)
//   --large-files N  files of the large rows (default 10000; `--rss-files` is the same)
//   --large-reps N   repetitions of the large rows (default 1: they take minutes each)
//   --no-large       leave the large rows out (about half the time of a full run)
//   --reps N         repetitions of each folder run (default 3); in process 2N+1, cold starts 5N+5
//   --only a,b       only these rows (implies --no-write)
//   --no-write       print only; leave BENCHMARKS.md alone
// Writes BENCHMARKS.md (a full run only); the section "What each optimisation bought" is kept.
import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {defaultSeed, ladder, now, writeCorpus} from './bench/corpus.mjs'
import {measureDocuments, operations} from './bench/in-process.mjs'
import {formatMs, median, min, pairedRatio, rssMethod} from './bench/measure.mjs'
import {cacheSupport, linters, timeCache, timeFolder} from './bench/processes.mjs'
import {profileCli} from './bench/cli-profile.mjs'
import {profileLint, timeLintParts} from './bench/profile.mjs'
import {formatRatio, keptSection, renderReport, verdict} from './bench/report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rowNames = ['parse-validate', 'lint', 'stringify', 'markdownlint', 'remark-cli', 'pool', 'cold-start', 'cache', 'ladder', 'large', 'young', 'cli-profile', 'profile']

const {values} = parseArgs({
  options: {
    quick: {type: 'boolean'},
    files: {type: 'string'},
    'large-files': {type: 'string'},
    'rss-files': {type: 'string'},
    'large-reps': {type: 'string'},
    'no-large': {type: 'boolean'},
    reps: {type: 'string'},
    only: {type: 'string'},
    'no-write': {type: 'boolean'}
  }
})

function count(name, fallback, least) {
  const value = values[name]
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < least) {
    console.error(`Unexpected \`--${name} ${value}\`, expected a whole number of at least ${least}`)
    process.exit(2)
  }
  return Number(value)
}

const quick = values.quick === true
const files = count('files', quick ? 50 : 1000, 1)
const rssFiles = values['large-files'] === undefined ? count('rss-files', quick ? 200 : 10_000, 1) : count('large-files', 10_000, 1)
const largeReps = count('large-reps', 1, 1)
const reps = count('reps', quick ? 1 : 3, 1)
const repsInProcess = 2 * reps + 1
const repsCold = 5 * reps + 5
const only = values.only === undefined ? undefined : new Set(values.only.split(',').map((name) => name.trim()))
for (const name of only ?? []) {
  if (!rowNames.includes(name)) {
    console.error(`Unexpected row \`${name}\` for --only, expected some of ${rowNames.map((row) => `\`${row}\``).join(', ')}`)
    process.exit(2)
  }
}
const wanted = (name) => (only ? only.has(name) : name !== 'large' || !values['no-large'])
const write = !values['no-write'] && !only && !quick

let library
try {
  library = await import(pathToFileURL(path.join(root, 'dist/index.js')).href)
} catch (error) {
  console.error(`Cannot load dist/index.js (run \`npm run build\` first): ${error instanceof Error ? error.message : error}`)
  process.exit(2)
}

const started = performance.now()
const loadavg = () => os.loadavg().map((value) => value.toFixed(1)).join(', ')
const loadStart = loadavg()
const log = (line) => console.log(line)
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`

// -- corpus -------------------------------------------------------------------------------------

log(`postmortem-md benchmark: node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism?.() ?? os.cpus().length} cores, load average ${loadStart} (1, 5, 15 minutes)`)
const corpus = writeCorpus({files, rssFiles})
log(`corpus: ${corpus.base} (seed ${defaultSeed}; written once, then reused)`)
const read = (file) => readFileSync(file, 'utf8')
const rungs = ladder.map((rung) => {
  const texts = corpus.parts[rung.name].files.map(read)
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  return {...rung, texts, kb: bytes / 1024 / texts.length}
})
const rungByName = new Map(rungs.map((rung) => [rung.name, rung]))
const folder = corpus.parts[`files-${files}`]
// Read every file once, so that no tool pays for the first read from disk.
for (const part of Object.values(corpus.parts)) for (const file of part.files) read(file)

const rows = []
const times = []
const result = {rows, times, ladder: [], scaling: {}, large: undefined, young: undefined, cliProfile: undefined, profile: undefined}
const tools = linters(root)

// -- in process ---------------------------------------------------------------------------------

const inProcessRows = ['parse-validate', 'lint', 'stringify', 'ladder']
if (inProcessRows.some(wanted)) {
  log(`\nIn process, ${repsInProcess} repetitions (${elapsed()})`)
  const ops = operations(library, now)
  const plan = wanted('ladder')
    ? rungs.map((rung) => ({rung, keys: rung.name === 'medium' ? ['remark', 'parseValidate', 'lint', 'stringify'] : ['remark', 'parseValidate', 'lint']}))
    : [{rung: rungByName.get('medium'), keys: ['remark', ...(wanted('parse-validate') ? ['parseValidate'] : []), ...(wanted('lint') ? ['lint'] : []), ...(wanted('stringify') ? ['stringify'] : [])]}]
  const samples = measureDocuments({plan, ops, reps: repsInProcess, log})
  const base = samples('medium', 'remark')
  times.push({name: `bare remark parse, one medium document (${rungByName.get('medium').kb.toFixed(1)} KB)`, min: min(base), median: median(base)})
  const inProcessRow = (key, work, goal) => {
    const own = samples('medium', key)
    times.push({name: `${ops[key].label}, one medium document`, min: min(own), median: median(own)})
    rows.push({id: key, work, measured: pairedRatio(own, base), goal, unit: '×'})
  }
  if (wanted('parse-validate')) inProcessRow('parseValidate', '`parse` + `validate` / bare `unified().use(remarkParse).use(remarkGfm).parse`', 1.2)
  if (wanted('lint')) inProcessRow('lint', '`lint` / bare parse (in process)')
  if (wanted('stringify')) inProcessRow('stringify', '`stringify(parse(x))` / bare parse (in process)')
  if (wanted('ladder')) {
    for (const rung of rungs) {
      const perKb = (key) => median(samples(rung.name, key)) / rung.kb
      result.ladder.push({name: rung.name, docs: rung.texts.length, kb: rung.kb, remark: perKb('remark'), parseValidate: perKb('parseValidate'), lint: perKb('lint')})
    }
    // Per repetition: (ms per KB of huge) / (ms per KB of medium) × 20, i.e. the cost of a
    // document exactly 20× the medium one; then the median over repetitions.
    const huge = rungByName.get('huge')
    const medium = rungByName.get('medium')
    const scaled = (key) => 20 * pairedRatio(samples('huge', key).map((ms) => ms / huge.kb), samples('medium', key).map((ms) => ms / medium.kb))
    result.scaling = {remark: scaled('remark'), parseValidate: scaled('parseValidate'), lint: scaled('lint')}
    rows.push({id: 'ladder', work: '`parse` + `validate` of a huge document / a medium one, per 20× the size', measured: result.scaling.parseValidate, goal: 22, unit: '×'})
    rows.push({id: 'ladder', work: '`lint` of a huge document / a medium one, per 20× the size', measured: result.scaling.lint, goal: 22, unit: '×'})
  }
}

// -- whole processes ----------------------------------------------------------------------------

const folderTools = [
  ['postmortem', tools.postmortem],
  ...(wanted('pool') ? [['one', tools.postmortemOne]] : []),
  ...(wanted('markdownlint') ? [['markdownlint', tools.markdownlint]] : []),
  ...(wanted('remark-cli') ? [['remark', tools.remark]] : [])
]
const filesText = files.toLocaleString('en-US')
/** A time row: wall time min and median, and the median CPU time of all the process's threads. */
const timeRow = (name, wall, cpu) => times.push({name, min: min(wall), median: median(wall), ...(cpu ? {cpu: median(cpu)} : {})})
if (folderTools.length > 1) {
  log(`\n${filesText} medium files, ${reps} repetitions (${elapsed()})`)
  const samples = await timeFolder({tools: folderTools, folder: folder.folder, reps, log})
  timeRow(`\`postmortem lint\` of ${filesText} files`, samples.postmortem, samples.cpu.postmortem)
  if (samples.one) {
    timeRow(`\`postmortem lint\` of ${filesText} files, \`POSTMORTEM_WORKERS=0\``, samples.one, samples.cpu.one)
    rows.push({id: 'pool', work: `\`postmortem lint\` of ${filesText} files with the worker pool / with \`POSTMORTEM_WORKERS=0\``, measured: pairedRatio(samples.postmortem, samples.one), goal: 0.6, unit: '×'})
  }
  if (samples.markdownlint) {
    timeRow(`\`markdownlint-cli2\` of ${filesText} files`, samples.markdownlint, samples.cpu.markdownlint)
    rows.push({id: 'markdownlint', work: `\`postmortem lint\` of ${filesText} files / \`markdownlint-cli2\``, measured: pairedRatio(samples.postmortem, samples.markdownlint), goal: 0.5, unit: '×'})
  }
  if (samples.remark) {
    timeRow(`\`remark-cli\` + gfm + recommended preset of ${filesText} files`, samples.remark, samples.cpu.remark)
    rows.push({id: 'remark-cli', work: `\`postmortem lint\` of ${filesText} files / \`remark-cli\` + gfm + recommended preset`, measured: pairedRatio(samples.postmortem, samples.remark), goal: 0.33, unit: '×'})
  }
}

if (wanted('cold-start')) {
  log(`\nCold start, ${repsCold} repetitions (${elapsed()})`)
  const one = corpus.parts.one
  const name = path.basename(one.files[0])
  // Note: Node's own start, the floor of every cold start: `node -e ''`, as a script that does nothing.
  const nothing = path.join(corpus.base, 'nothing.mjs')
  writeFileSync(nothing, '')
  const samples = await timeFolder({
    tools: [['postmortem', tools.postmortem], ['markdownlint', tools.markdownlint], ['node', {script: nothing, file: () => []}]],
    folder: one.folder,
    reps: repsCold,
    argsOf: (tool) => tool.file(name),
    log: (line) => (/repetition (1|\d*0)\//.test(line) ? log(line) : undefined)
  })
  timeRow('`postmortem lint one.md`, whole process', samples.postmortem, samples.cpu.postmortem)
  timeRow('`markdownlint-cli2 one.md`, whole process', samples.markdownlint, samples.cpu.markdownlint)
  timeRow("`node -e ''` (Node's own start)", samples.node, samples.cpu.node)
  rows.push({id: 'cold-start', work: '`postmortem lint one.md` cold start / `markdownlint-cli2 one.md`', measured: pairedRatio(samples.postmortem, samples.markdownlint), goal: 0.75, unit: '×'})
  rows.push({id: 'cold-start', work: "`postmortem lint one.md` cold start / `node -e ''`", measured: pairedRatio(samples.postmortem, samples.node), unit: '×'})
}

if (wanted('cache')) {
  const support = cacheSupport(tools.postmortem.script)
  const work = `second \`lint --cache\` over the same unchanged ${files.toLocaleString('en-US')} files / first run`
  if (!support.cache) {
    log(`\nCache: not implemented (\`postmortem lint --help\` has no \`--cache\`) (${elapsed()})`)
    rows.push({id: 'cache', work, measured: null, goal: 0.15, unit: '×', missing: 'not implemented'})
  } else {
    log(`\nCache, ${reps} repetitions (${elapsed()})`)
    const {first, second} = await timeCache({script: tools.postmortem.script, folder: folder.folder, reps, support, log})
    times.push({name: `\`lint --cache\`, first run (empty cache)`, min: min(first), median: median(first)})
    times.push({name: `\`lint --cache\`, second run (unchanged files)`, min: min(second), median: median(second)})
    rows.push({id: 'cache', work, measured: pairedRatio(second, first), goal: 0.15, unit: '×'})
  }
}

if (wanted('large')) {
  const largeText = rssFiles.toLocaleString('en-US')
  log(`\n${largeText} medium files, ${largeReps} repetition${largeReps === 1 ? '' : 's'}: wall time and peak memory (${elapsed()})`)
  const part = corpus.parts[`files-${rssFiles}`]
  const corpusBytes = part.files.reduce((sum, file) => sum + statSync(file).size, 0)
  const samples = await timeFolder({tools: [['postmortem', tools.postmortem], ['one', tools.postmortemOne], ['markdownlint', tools.markdownlint]], folder: part.folder, reps: largeReps, log})
  const mb = (bytes) => bytes / 1024 / 1024
  result.large = {files: rssFiles, corpusBytes, reps: largeReps, method: rssMethod(), ...Object.fromEntries(['postmortem', 'one', 'markdownlint'].map((key) => [key, {ms: median(samples[key]), cpuMs: median(samples.cpu[key]), rssBytes: median(samples.rss[key])}]))}
  timeRow(`\`postmortem lint\` of ${largeText} files`, samples.postmortem, samples.cpu.postmortem)
  timeRow(`\`postmortem lint\` of ${largeText} files, \`POSTMORTEM_WORKERS=0\``, samples.one, samples.cpu.one)
  timeRow(`\`markdownlint-cli2\` of ${largeText} files`, samples.markdownlint, samples.cpu.markdownlint)
  rows.push({id: 'large', work: `\`postmortem lint\` of ${largeText} files / \`markdownlint-cli2\`, wall time`, measured: pairedRatio(samples.postmortem, samples.markdownlint), goal: 0.5, unit: '×'})
  rows.push({id: 'large', work: `peak RSS of \`postmortem lint\` over ${largeText} files / \`markdownlint-cli2\`'s (${mb(result.large.postmortem.rssBytes).toFixed(0)} MB / ${mb(result.large.markdownlint.rssBytes).toFixed(0)} MB)`, measured: pairedRatio(samples.rss.postmortem, samples.rss.markdownlint), goal: 0.3, unit: '×'})
}

if (wanted('young')) {
  const sizes = quick ? [16, 48] : [16, 24, 48, 96, 192]
  log(`\nThe workers' young generation, ${sizes.join(', ')} MB, ${reps} repetitions over ${filesText} files (${elapsed()})`)
  const sized = sizes.map((size) => [`${size} MB`, {...tools.postmortem, env: {POSTMORTEM_YOUNG_GENERATION_MB: String(size)}}])
  const samples = await timeFolder({tools: sized, folder: folder.folder, reps, log})
  result.young = sizes.map((size) => {
    const key = `${size} MB`
    return {size, ms: median(samples[key]), cpuMs: median(samples.cpu[key]), rssBytes: median(samples.rss[key]), ratio: pairedRatio(samples[key], samples['48 MB'] ?? samples[key])}
  })
}

if (wanted('cli-profile')) {
  log(`\nProfile of \`postmortem lint\` of ${filesText} files, each thread, with the pool and in one thread (${elapsed()})`)
  const args = tools.postmortem.folder()
  result.cliProfile = {files, pool: profileCli({script: tools.postmortem.script, args, cwd: folder.folder}), one: profileCli({script: tools.postmortem.script, args, cwd: folder.folder, env: {POSTMORTEM_WORKERS: '0'}})}
}

if (wanted('profile')) {
  log(`\nProfile of lint, one medium document (${elapsed()})`)
  const texts = rungByName.get('medium').texts
  // Note: the CPU profile first; after `timeLintParts` has wrapped and restored every rule's
  // `check`, the profile shows native frames that a plain `lint` does not have.
  const cpu = await profileLint({library, texts, now, seconds: quick ? 2 : 8})
  const parts = timeLintParts({library, texts, now, reps: repsInProcess})
  result.profile = {parts, cpu}
}

// -- report -------------------------------------------------------------------------------------

const durationS = (performance.now() - started) / 1000
const order = ['parse-validate', 'markdownlint', 'remark-cli', 'cold-start', 'pool', 'large', 'cache', 'ladder', 'parseValidate', 'lint', 'stringify']
const rank = (row) => (row.goal === undefined ? 100 : 0) + Math.max(0, order.indexOf(row.id === 'parseValidate' ? 'parse-validate' : row.id))
rows.sort((a, b) => rank(a) - rank(b))

log(`\nResults (${durationS.toFixed(0)} s in all)\n`)
const width = Math.max(...rows.map((row) => row.work.length))
for (const row of rows) {
  const measured = row.measured === null || row.measured === undefined ? row.missing ?? '—' : formatRatio(row.measured, row.unit)
  const goal = row.goal === undefined ? '' : `goal ≤ ${formatRatio(row.goal, row.unit)}`
  log(`${row.work.padEnd(width)}  ${measured.padStart(15)}  ${goal.padEnd(13)}  ${verdict(row)}`)
}
if (times.length) {
  log('\nTimes (min / median wall time; median CPU time of every thread)')
  const timeWidth = Math.max(...times.map((time) => time.name.length))
  for (const time of times) log(`  ${time.name.padEnd(timeWidth)}  ${formatMs(time.min).padStart(9)}  ${formatMs(time.median).padStart(9)}  ${time.cpu === undefined ? '' : `CPU ${formatMs(time.cpu)}`}`)
}
if (result.ladder.length) {
  log('\nSize ladder (ms per KB, medians)')
  log(`  ${'rung'.padEnd(8)} ${'docs'.padStart(5)} ${'KB each'.padStart(8)} ${'remark'.padStart(8)} ${'parse+validate'.padStart(15)} ${'lint'.padStart(8)}`)
  for (const rung of result.ladder) log(`  ${rung.name.padEnd(8)} ${String(rung.docs).padStart(5)} ${rung.kb.toFixed(1).padStart(8)} ${rung.remark.toFixed(3).padStart(8)} ${rung.parseValidate.toFixed(3).padStart(15)} ${rung.lint.toFixed(3).padStart(8)}`)
  log(`  huge / medium per 20×: remark ${formatRatio(result.scaling.remark)}, parse + validate ${formatRatio(result.scaling.parseValidate)}, lint ${formatRatio(result.scaling.lint)}`)
}
if (result.large) {
  const {large} = result
  log(`\n${large.files.toLocaleString('en-US')} files: peak RSS postmortem ${(large.postmortem.rssBytes / 1024 / 1024).toFixed(0)} MB, one thread ${(large.one.rssBytes / 1024 / 1024).toFixed(0)} MB, markdownlint-cli2 ${(large.markdownlint.rssBytes / 1024 / 1024).toFixed(0)} MB (${large.method})`)
}
if (result.young) {
  log('\nYoung generation of each worker: median wall, CPU, peak RSS; wall paired against 48 MB')
  for (const entry of result.young) log(`  ${String(entry.size).padStart(4)} MB  ${formatMs(entry.ms).padStart(8)}  CPU ${formatMs(entry.cpuMs).padStart(8)}  ${(entry.rssBytes / 1024 / 1024).toFixed(0).padStart(5)} MB  ${formatRatio(entry.ratio)}`)
}
if (result.cliProfile) {
  for (const [label, run] of [['with the pool', result.cliProfile.pool], ['in one thread', result.cliProfile.one]]) {
    log(`\n\`postmortem lint\` ${label}, by thread: busy ms (GC ms), then the largest self times`)
    for (const thread of run.threads) log(`  ${thread.name.padEnd(12)} ${thread.busyMs.toFixed(0).padStart(7)} (${thread.gcMs.toFixed(0)})  ${thread.groups.slice(0, 5).map((group) => `${group.name} ${group.ms.toFixed(0)}`).join(', ')}`)
    log(`  GC trace, by isolate: ${run.gc.map((gc) => `${gc.scavenges} scavenges ${gc.scavengeMs.toFixed(0)} ms, ${gc.markCompacts} mark-compacts ${gc.markCompactMs.toFixed(0)} ms`).join('; ')}`)
  }
}
if (result.profile) {
  const {parts, cpu} = result.profile
  log(`\nWhere lint's time goes, CPU profile of ${cpu.documents} calls on medium documents (time inside each stage)`)
  for (const stage of cpu.stages) log(`  ${stage.name.padEnd(70)} ${stage.share === null ? 'not found in the profile' : `${(100 * stage.share).toFixed(1).padStart(5)}%`}`)
  log('self time by package / source file')
  for (const group of cpu.groups.slice(0, 15)) log(`  ${group.name.padEnd(52)} ${(100 * group.share).toFixed(1).padStart(5)}%`)
  log('hottest functions')
  for (const fn of cpu.functions.slice(0, 15)) log(`  ${fn.name.padEnd(80)} ${(100 * fn.share).toFixed(1).padStart(5)}%`)
  log(`\nTimed directly, one medium document (fastest of ${repsInProcess} runs each): lint ${parts.lintMs.toFixed(2)} ms, parseDocument ${parts.parseDocumentMs.toFixed(2)} ms,`)
  log(`validate of the parsed draft ${parts.validateMs.toFixed(2)} ms, all ${parts.rules.length} rules ${parts.rulesMs.toFixed(2)} ms; slowest rules:`)
  for (const rule of parts.rules.slice(0, 8)) log(`  ${rule.id.padEnd(24)} ${rule.ms.toFixed(3).padStart(7)} ms`)
}

if (!write) {
  log(`\nBENCHMARKS.md left alone (${only ? '--only' : quick ? '--quick' : '--no-write'}).`)
} else {
  const file = path.join(root, 'BENCHMARKS.md')
  const git = (...args) => {
    try {
      return execFileSync('git', args, {cwd: root, encoding: 'utf8'}).trim()
    } catch {
      return ''
    }
  }
  const version = (name) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version
  const sample = folder.files.slice(0, 200)
  const withFindings = sample.filter((file) => library.lint(read(file), {now}).length > 0).length
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ')
  result.meta = {
    date: new Date().toISOString().slice(0, 10),
    commit: `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${git('status', '--porcelain', '--', 'src') ? ' with changes in src/' : ''}`,
    command,
    durationS,
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    load: {start: loadStart, end: loadavg()},
    versions: ['markdownlint-cli2', 'markdownlint', 'remark-cli', 'remark-parse', 'remark-gfm', 'remark-preset-lint-recommended'].map((name) => `${name} ${version(name)}`).join(', '),
    seed: defaultSeed,
    now,
    defectShare: `${Math.round((100 * withFindings) / sample.length)}% of the first ${sample.length} files`,
    reps: {inProcess: repsInProcess, folder: reps, cold: repsCold, cache: reps, large: largeReps}
  }
  writeFileSync(file, renderReport(result, keptSection(file)))
  log(`\nWrote ${path.relative(process.cwd(), file) || file}.`)
}
