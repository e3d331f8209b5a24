// Whole-process measures: the CLI next to markdownlint-cli2 and remark-cli on the same files.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {now} from './corpus.mjs'
import {childEnv, measureProcess, timeProcess} from './measure.mjs'

/**
 * The three linters, each as `node <script> <args>` run in the folder it lints. Each is run the
 * way its users run it on a folder, with its own default configuration:
 * - `postmortem lint .` (stylish output, `--now` fixed so findings do not change with the date);
 * - `markdownlint-cli2 "*.md"` (its default rules; it takes globs, not folders);
 * - `remark . --use remark-gfm --use remark-preset-lint-recommended --no-stdout --quiet`
 *   (plugins by absolute path, since the corpus lives outside any node_modules; `--no-stdout`
 *   so it only lints and writes no processed Markdown).
 */
export function linters(root) {
  const bin = (name) => realpathSync(path.join(root, 'node_modules/.bin', name))
  const postmortem = path.join(root, 'dist/cli/bin.js')
  const plugin = (name) => path.join(root, 'node_modules', name, 'index.js')
  return {
    postmortem: {
      label: 'postmortem lint',
      script: postmortem,
      folder: () => ['lint', '.', '--now', now],
      file: (name) => ['lint', name, '--now', now]
    },
    // The same, in one thread: what the worker pool is measured against.
    postmortemOne: {
      label: 'postmortem lint, POSTMORTEM_WORKERS=0',
      script: postmortem,
      env: {POSTMORTEM_WORKERS: '0'},
      folder: () => ['lint', '.', '--now', now],
      file: (name) => ['lint', name, '--now', now]
    },
    markdownlint: {
      label: 'markdownlint-cli2',
      script: bin('markdownlint-cli2'),
      folder: () => ['*.md'],
      file: (name) => [name]
    },
    remark: {
      label: 'remark-cli + remark-gfm + remark-preset-lint-recommended',
      script: bin('remark'),
      folder: () => ['.', '--use', plugin('remark-gfm'), '--use', plugin('remark-preset-lint-recommended'), '--no-stdout', '--quiet'],
      file: (name) => [name, '--use', plugin('remark-gfm'), '--use', plugin('remark-preset-lint-recommended'), '--no-stdout', '--quiet']
    }
  }
}

/**
 * Wall times of `tools` (`[key, tool]` pairs of `linters`) over one folder, `reps` times each,
 * by key; `cpu` and `rss` hold each run's CPU time (every thread) and peak memory. Within a
 * repetition every tool runs once, starting with a different one each time.
 */
export async function timeFolder({tools, folder, reps, log, argsOf = (tool) => tool.folder()}) {
  const samples = Object.fromEntries(tools.map(([key]) => [key, []]))
  const cpu = Object.fromEntries(tools.map(([key]) => [key, []]))
  const rss = Object.fromEntries(tools.map(([key]) => [key, []]))
  for (let rep = 0; rep < reps; rep++) {
    const parts = []
    for (let offset = 0; offset < tools.length; offset++) {
      const [key, tool] = tools[(offset + rep) % tools.length]
      const run = await measureProcess({script: tool.script, args: argsOf(tool), cwd: folder, env: childEnv(tool.env)})
      samples[key].push(run.ms)
      cpu[key].push(run.cpuMs)
      rss[key].push(run.rssBytes)
      parts.push(`${key} ${(run.ms / 1000).toFixed(2)} s (CPU ${(run.cpuMs / 1000).toFixed(1)} s, ${(run.rssBytes / 1024 / 1024).toFixed(0)} MB)`)
    }
    log?.(`  repetition ${rep + 1}/${reps}: ${parts.join(', ')}`)
  }
  return {...samples, cpu, rss}
}

/** Whether `postmortem lint` takes `--cache` yet (and `--cache-location`), read from its help. */
export function cacheSupport(script) {
  const help = spawnSync(process.execPath, [script, 'lint', '--help'], {encoding: 'utf8'})
  const text = `${help.stdout ?? ''}${help.stderr ?? ''}`
  return {cache: /(^|\s)--cache\b(?!-)/m.test(text), location: /--cache-location\b/.test(text)}
}

/**
 * `lint --cache` over `folder`: a first run into an empty cache, then a second over the same
 * unchanged files, in a fresh working folder each repetition (the cache lives under the
 * working folder's node_modules/.cache/postmortem-md/, or at `--cache-location` when the CLI
 * has it). Returns the first and second runs' wall times.
 */
export async function timeCache({script, folder, reps, support, log}) {
  const first = []
  const second = []
  for (let rep = 0; rep < reps; rep++) {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'postmortem-bench-cache-'))
    try {
      writeFileSync(path.join(cwd, 'package.json'), '{"private": true}\n')
      const args = ['lint', folder, '--now', now, '--cache', ...(support.location ? ['--cache-location', path.join(cwd, 'node_modules/.cache/postmortem-md')] : [])]
      first.push(await timeProcess({script, args, cwd}))
      second.push(await timeProcess({script, args, cwd}))
      log?.(`  repetition ${rep + 1}/${reps}: first ${(first.at(-1) / 1000).toFixed(2)} s, second ${(second.at(-1) / 1000).toFixed(2)} s`)
    } finally {
      rmSync(cwd, {recursive: true, force: true})
    }
  }
  return {first, second}
}
