// BENCHMARKS.md: what one run measured, written so the next run can be compared with it.
import {existsSync, readFileSync} from 'node:fs'
import {formatMs} from './measure.mjs'

const boughtHeading = '## What each optimisation bought'

const boughtDefault = `Filled in as the optimisations of issue 9 land: one line each, with the commit, the rows it
moved (before → after, from runs on this machine) and the command that measured it. None has
landed yet; the numbers above are the starting point.
`

/** The section kept by hand across runs: whatever follows its heading in the existing file. */
export function keptSection(file) {
  if (!existsSync(file)) return boughtDefault
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf(`${boughtHeading}\n`)
  if (start === -1) return boughtDefault
  const body = text.slice(start + boughtHeading.length + 1)
  const next = body.search(/^## /m)
  return (next === -1 ? body : body.slice(0, next)).replace(/^\n+/, '').replace(/\n*$/, '\n')
}

export function formatRatio(value, unit = '×') {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return unit === 'MB' ? `${value.toFixed(0)} MB` : `${value.toFixed(2)}×`
}

/** `met`, `not met`, or why there is no answer. */
export function verdict(row) {
  if (row.goal === undefined) return ''
  if (row.measured === null || row.measured === undefined) return row.missing ?? 'not measured'
  return row.measured <= row.goal ? 'met' : 'not met'
}

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function percent(part, whole) {
  return `${((100 * part) / whole).toFixed(1)}%`
}

/** The Markdown of BENCHMARKS.md. */
export function renderReport(result, kept) {
  const {meta, rows, times, ladder, scaling, rss, profile} = result
  const out = []
  out.push(
    '# Benchmarks',
    '',
    `Measured on ${meta.date} by \`npm run bench\` (\`scripts/bench.mjs\`) at commit \`${meta.commit}\`. To reproduce (about ${Math.ceil(meta.durationS / 60)} minutes here):`,
    '',
    '```sh',
    'npm ci',
    meta.command,
    '```',
    '',
    'Ratios are ours over theirs, each the median of the ratios paired within one repetition (both',
    'sides measured back to back), so load that drifts between repetitions cancels; lower is better.',
    'Times are per document (in process) or per whole process (wall time from spawn to exit).',
    `A benchmark, not a test: nothing fails on these numbers. Repetitions: ${meta.reps.inProcess} in process,`,
    `${meta.reps.folder} per folder of files, ${meta.reps.cold} cold starts, ${meta.reps.cache} cache runs.`,
    '',
    '## Machine',
    '',
    `- ${meta.cpu}, ${meta.cores} cores, ${meta.memoryGiB} GiB, ${meta.os}; shared with other work, so expect noise`,
    `  (load average ${meta.load.start} at the start, ${meta.load.end} at the end).`,
    `- Node ${meta.node}; ${meta.versions}.`,
    `- Corpus: seed ${meta.seed}, written by \`scripts/bench/corpus.mjs\` from the template and`,
    `  \`fixtures/examples/*.md\`; ${meta.defectShare} have findings; lint runs with \`--now ${meta.now}\`.`,
    '',
    '## Goals of issue 9',
    '',
    table(
      ['work', 'measured', 'goal', 'met'],
      rows.map((row) => [row.work, row.measured === null || row.measured === undefined ? row.missing ?? '—' : formatRatio(row.measured, row.unit), row.goal === undefined ? '—' : `≤ ${formatRatio(row.goal, row.unit)}`, verdict(row) || '—'])
    ),
    '',
    '## Times behind the ratios',
    '',
    table(
      ['measure', 'min', 'median'],
      times.map((time) => [time.name, formatMs(time.min), formatMs(time.median)])
    ),
    '',
    '## Size ladder',
    '',
    'Time per KB of document, in process (medians). A document 20× larger should cost at most 22× the',
    'time: the last column is the cost of a huge document over a medium one, scaled to exactly 20× the size.',
    '',
    table(
      ['rung', 'documents', 'KB each', 'bare remark ms/KB', 'parse + validate ms/KB', 'lint ms/KB'],
      ladder.map((rung) => [rung.name, String(rung.docs), rung.kb.toFixed(1), rung.remark.toFixed(3), rung.parseValidate.toFixed(3), rung.lint.toFixed(3)])
    ),
    '',
    `Huge over medium, per 20× the size: bare remark ${formatRatio(scaling.remark)}, parse + validate ${formatRatio(scaling.parseValidate)}, lint ${formatRatio(scaling.lint)}.`,
    "Bare remark's own ratio, measured alongside, shows how much of the spread is the machine's: the huge",
    'rung is one document, timed in one stretch per repetition, so a burst of load moves it more than the others.',
    ''
  )
  out.push('## Peak memory', '')
  if (rss) {
    out.push(
      `\`postmortem lint\` over ${rss.files.toLocaleString('en-US')} medium files (${(rss.corpusBytes / 1024 / 1024).toFixed(0)} MB of Markdown) peaked at`,
      `${(rss.rssBytes / 1024 / 1024).toFixed(0)} MB resident and took ${formatMs(rss.ms)} (one run). Measured with ${rss.method}.`,
      ''
    )
  } else {
    out.push('Not measured in this run.', '')
  }
  if (profile) {
    const {parts, cpu} = profile
    out.push(
      '## Where lint spends its time',
      '',
      `A CPU profile of \`lint\` over ${cpu.documents} calls on the medium documents: the share of lint's time spent inside`,
      'each stage (a frame and everything it calls; the GFM transform is part of the compile, which is part of',
      'the remark parse, which is part of `parseDocument`).',
      '',
      table(
        ['stage', 'share of lint'],
        cpu.stages.map((stage) => [stage.name, stage.ms === null ? 'not found in the profile' : percent(stage.ms, cpu.totalMs)])
      ),
      '',
      "Self time by package (this project's code by source file):",
      '',
      table(
        ['where', 'share of lint'],
        cpu.groups.slice(0, 10).map((group) => [group.name, percent(group.ms, cpu.totalMs)])
      ),
      '',
      `Timed directly on one medium document (per document the fastest of ${meta.reps.inProcess} runs): \`lint\` ${parts.lintMs.toFixed(1)} ms,`,
      `\`parseDocument\` ${parts.parseDocumentMs.toFixed(1)} ms, \`validate\` of the parsed draft ${parts.validateMs.toFixed(1)} ms (what the first row adds),`,
      `all ${parts.rules.length} rules together ${parts.rulesMs.toFixed(2)} ms; the slowest: ${parts.rules
        .slice(0, 3)
        .map((rule) => `\`${rule.id}\` ${rule.ms.toFixed(2)} ms`)
        .join(', ')}.`,
      ''
    )
  }
  out.push(boughtHeading, '', kept.trimEnd(), '')
  return out.join('\n')
}
