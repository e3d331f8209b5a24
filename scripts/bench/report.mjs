// BENCHMARKS.md: what one run measured, written so the next run can be compared with it.
import {existsSync, readFileSync} from 'node:fs'
import {formatMs} from './measure.mjs'

const boughtHeading = '## What each optimisation bought'

const boughtDefault = `Filled in as optimisations land: one line each, with the commit, the rows it moved (before →
after, from runs on this machine) and the command that measured it.
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
  const {meta, rows, times, ladder, scaling, large, young, cliProfile, profile} = result
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
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
    `${meta.reps.folder} per folder of files, ${meta.reps.cold} cold starts, ${meta.reps.cache} cache runs, ${meta.reps.large ?? 1} of the large rows.`,
    '',
    '## Machine',
    '',
    `- ${meta.cpu}, ${meta.cores} cores, ${meta.memoryGiB} GiB, ${meta.os}; shared with other work, so expect noise`,
    `  (load average over 1, 5 and 15 minutes: ${meta.load.start} at the start, ${meta.load.end} at the end).`,
    `- Node ${meta.node}; ${meta.versions}.`,
    `- Corpus: seed ${meta.seed}, written by \`scripts/bench/corpus.mjs\` from the template and`,
    `  \`fixtures/examples/*.md\`; ${meta.defectShare} have findings; lint runs with \`--now ${meta.now}\`.`,
    '',
    '## Goals (issues 9 and 16)',
    '',
    table(
      ['work', 'measured', 'goal', 'met'],
      rows.map((row) => [row.work, row.measured === null || row.measured === undefined ? row.missing ?? '—' : formatRatio(row.measured, row.unit), row.goal === undefined ? '—' : `≤ ${formatRatio(row.goal, row.unit)}`, verdict(row) || '—'])
    ),
    '',
    '## Times behind the ratios',
    '',
    'Wall time from spawn to exit; CPU time is user + system of every thread of the process (median).',
    '',
    table(
      ['measure', 'min', 'median', 'CPU'],
      times.map((time) => [time.name, formatMs(time.min), formatMs(time.median), time.cpu === undefined ? '—' : formatMs(time.cpu)])
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
  if (large) {
    out.push(
      `Over ${large.files.toLocaleString('en-US')} medium files (${mb(large.corpusBytes)} of Markdown), median of ${large.reps} run${large.reps === 1 ? '' : 's'}:`,
      '',
      table(
        ['tool', 'wall time', 'CPU time', 'peak RSS'],
        [
          ['`postmortem lint` (worker pool)', large.postmortem],
          ['`postmortem lint`, `POSTMORTEM_WORKERS=0`', large.one],
          ['`markdownlint-cli2`', large.markdownlint]
        ].map(([name, run]) => [name, formatMs(run.ms), formatMs(run.cpuMs), mb(run.rssBytes)])
      ),
      '',
      `Measured with ${large.method === 'time' ? "`/usr/bin/time` (GNU time: the kernel's peak resident set size of the process)" : '`process.resourceUsage().maxRSS`, written by the child on exit'}.`,
      ''
    )
  } else {
    out.push('Not measured in this run.', '')
  }
  if (young) {
    out.push(
      '## Young generation',
      '',
      "Each worker's young generation (`resourceLimits.maxYoungGenerationSizeMb`, set for this sweep by",
      '`POSTMORTEM_YOUNG_GENERATION_MB`) against the time and memory of `postmortem lint` over the folder of files',
      '(medians; the ratio is wall time paired against 48 MB, what ships):',
      '',
      table(
        ['young generation', 'wall time', 'CPU time', 'peak RSS', 'wall / 48 MB'],
        young.map((entry) => [`${entry.size} MB`, formatMs(entry.ms), formatMs(entry.cpuMs), mb(entry.rssBytes), formatRatio(entry.ratio)])
      ),
      ''
    )
  }
  if (cliProfile) {
    out.push('## Where `postmortem lint` spends its time', '')
    for (const [label, run] of [['with the worker pool', cliProfile.pool], ['in one thread (`POSTMORTEM_WORKERS=0`)', cliProfile.one]]) {
      out.push(
        `\`postmortem lint\` of ${cliProfile.files.toLocaleString('en-US')} files ${label}: a CPU profile of each thread (\`--cpu-prof\`; busy is all but idle) and the`,
        'collections of each isolate (`--trace-gc`, pauses in that thread; a second run).',
        '',
        table(
          ['thread', 'busy', 'garbage collector', 'largest self times', 'collections'],
          run.threads.map((thread, index) => {
            const gc = run.gc[index]
            return [
              thread.name,
              formatMs(thread.busyMs),
              `${formatMs(thread.gcMs)} (${percent(thread.gcMs, thread.busyMs)})`,
              thread.groups
                .filter((group) => group.name !== '(garbage collector)')
                .slice(0, 4)
                .map((group) => `${group.name} ${formatMs(group.ms)}`)
                .join(', '),
              gc ? `${gc.scavenges} scavenges ${formatMs(gc.scavengeMs)}, ${gc.markCompacts} mark-compacts ${formatMs(gc.markCompactMs)}` : '—'
            ]
          })
        ),
        ''
      )
    }
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
