// Timing primitives of the benchmark: statistics, in-process samples and child-process runs.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export function median(values) {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function min(values) {
  return values.length === 0 ? Number.NaN : Math.min(...values)
}

/** `{min, median, samples}` of a series of samples. */
export function summary(samples) {
  return {min: min(samples), median: median(samples), samples}
}

/**
 * The ratio of two series measured in the same repetitions: each repetition's `ours / theirs`,
 * then the median of those. Pairing cancels load that drifts slower than one repetition, which
 * matters on a shared machine.
 */
export function pairedRatio(ours, theirs) {
  return median(ours.map((value, index) => value / theirs[index]))
}

export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '—'
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  return `${ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)} ms`
}

/** Milliseconds for one call of `run` over every input. */
export function timeInProcess(run, inputs) {
  const start = performance.now()
  for (const input of inputs) run(input)
  return performance.now() - start
}

/**
 * Run `node script args…` with its output discarded and return its wall time in milliseconds,
 * from spawning to exit. Exit codes 0 and 1 are results (1 means findings); anything else fails
 * the benchmark, naming the command so it can be run by hand.
 */
export async function timeProcess(options) {
  return (await measureProcess(options)).ms
}

/**
 * Run `node script args…` once with its output discarded: `{ms, cpuMs, rssBytes, method}`, its
 * wall time (spawn to exit), the CPU time of all its threads (user + system) and its peak
 * resident set size. With GNU time (`/usr/bin/time`, Debian package `time`) the kernel's figures
 * for the process; otherwise the child reports `process.resourceUsage()` itself, through a
 * module preloaded with `--import` that writes it on exit. Exit codes 0 and 1 are results (1
 * means findings); anything else fails the benchmark, naming the command so it can be run by hand.
 */
export function measureProcess({script, args, cwd, env, scratch}) {
  const method = rssMethod()
  const out = path.join(scratch ?? os.tmpdir(), `postmortem-bench-usage-${process.pid}-${++measured}.txt`)
  rmSync(out, {force: true})
  let command
  let commandArgs
  if (method === 'time') {
    command = '/usr/bin/time'
    commandArgs = ['-f', '%U %S %M', '-o', out, process.execPath, script, ...args]
  } else {
    const hook = `process.on('exit', () => { const usage = process.resourceUsage(); require('node:fs').writeFileSync(${JSON.stringify(out)}, [usage.userCPUTime / 1e6, usage.systemCPUTime / 1e6, usage.maxRSS].join(' ')) })`
    command = process.execPath
    commandArgs = ['--import', `data:text/javascript,${encodeURIComponent(`import {createRequire} from 'node:module'; const require = createRequire(import.meta.url); ${hook}`)}`, script, ...args]
  }
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, commandArgs, {cwd, env: env ?? childEnv(), stdio: 'ignore'})
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      const ms = performance.now() - start
      if (signal || (code !== 0 && code !== 1)) {
        reject(new Error(`\`${[command, ...commandArgs].join(' ')}\` in ${cwd} ended with ${signal ?? `exit code ${code}`}`))
        return
      }
      const text = existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n').at(-1) : ''
      rmSync(out, {force: true})
      const [user, system, kilobytes] = text.split(' ').map(Number)
      if (!Number.isFinite(kilobytes) || kilobytes <= 0) {
        reject(new Error(`no resource usage reported by ${method === 'time' ? '/usr/bin/time' : 'the exit hook'} (got \`${text}\`)`))
        return
      }
      resolve({ms, cpuMs: (user + system) * 1000, rssBytes: kilobytes * 1024, method: methodText[method]})
    })
  })
}

let measured = 0

const methodText = {
  time: "`/usr/bin/time -f '%U %S %M'` (GNU time: the kernel's figures for the process)",
  'resource-usage': '`process.resourceUsage()`, written by the child on exit (no GNU time here)'
}

/** The environment of measured processes: no color, nothing forced. */
export function childEnv(extra = {}) {
  const env = {...process.env, NO_COLOR: '1', ...extra}
  delete env.FORCE_COLOR
  delete env.NODE_OPTIONS
  return env
}

/** Which way peak RSS of a child can be read here, best first. */
export function rssMethod() {
  if (existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], {stdio: 'ignore'}).status === 0) return 'time'
  return 'resource-usage'
}

/** Run `node script args…` once: `{ms, rssBytes, method}` (see `measureProcess`). */
export async function peakRss(options) {
  const {ms, rssBytes, method} = await measureProcess(options)
  return {ms, rssBytes, method}
}
