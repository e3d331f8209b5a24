// Where `postmortem lint` spends its time over a folder of files, thread by thread: a CPU profile
// of each thread (`--cpu-prof`, which worker threads inherit) and a trace of every garbage
// collection (`--trace-gc`). It guides optimisation; it sets no goal.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {childEnv} from './measure.mjs'

/**
 * The module a frame's code belongs to: a package (`micromark`), a source file of this project
 * (`src/parse/document.ts`), Node's own code, or a V8 pseudo-frame (`(garbage collector)`,
 * `(idle)`). The bundled CLI keeps a `// node_modules/<package>/…` or `// src/…` comment before
 * each module's code, so a frame's line in a chunk says which module it is.
 */
function grouper() {
  const marks = new Map()
  const marksOf = (file) => {
    if (!marks.has(file)) {
      const found = []
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const match = /^\/\/ ((node_modules|src)\/\S+)/.exec(line)
          if (!match) return
          const parts = match[1].split('/')
          found.push([index, parts[0] === 'src' ? match[1] : parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]])
        })
      marks.set(file, found)
    }
    return marks.get(file)
  }
  return (frame) => {
    if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)'
    if (frame.url.startsWith('node:')) return 'node internals'
    const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url
    const modules = file.lastIndexOf('/node_modules/')
    if (modules !== -1) {
      const parts = file.slice(modules + '/node_modules/'.length).split('/')
      return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
    }
    let name = path.basename(file)
    for (const [line, module] of marksOf(file)) {
      if (line > frame.lineNumber) break
      name = module
    }
    return name
  }
}

/** A thread's profile: total, idle and GC milliseconds, and self time by module (busy time only). */
function summarise(profile, group) {
  const self = new Map(profile.nodes.map((node) => [node.id, 0]))
  profile.samples.forEach((id, index) => self.set(id, self.get(id) + (profile.timeDeltas[index] ?? 0) / 1000))
  const byGroup = new Map()
  let totalMs = 0
  for (const node of profile.nodes) {
    const ms = self.get(node.id)
    if (!ms) continue
    totalMs += ms
    const name = group(node.callFrame)
    byGroup.set(name, (byGroup.get(name) ?? 0) + ms)
  }
  const idleMs = byGroup.get('(idle)') ?? 0
  const gcMs = byGroup.get('(garbage collector)') ?? 0
  const groups = [...byGroup]
    .filter(([name]) => name !== '(idle)')
    .map(([name, ms]) => ({name, ms}))
    .sort((a, b) => b.ms - a.ms)
  return {totalMs, idleMs, busyMs: totalMs - idleMs, gcMs, groups}
}

/** Scavenges and mark-compacts of each isolate in a `--trace-gc` log: how many, and their pauses in milliseconds. */
function gcByIsolate(text) {
  const isolates = new Map()
  for (const line of text.split('\n')) {
    const match = /^\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: (Scavenge|Mark-Compact|Mark-Sweep)\b.*?, ([\d.]+) \/ [\d.]+ ms/.exec(line)
    if (!match) continue
    const [, isolate, kind, ms] = match
    const entry = isolates.get(isolate) ?? {scavenges: 0, scavengeMs: 0, markCompacts: 0, markCompactMs: 0}
    if (kind === 'Scavenge') {
      entry.scavenges++
      entry.scavengeMs += Number(ms)
    } else {
      entry.markCompacts++
      entry.markCompactMs += Number(ms)
    }
    isolates.set(isolate, entry)
  }
  // Note: the isolate with the fewest collections first: the main thread, which lints nothing when workers do.
  return [...isolates.values()].sort((a, b) => a.scavenges - b.scavenges)
}

/**
 * Profile `node script args…` in `cwd` (with `env` added): `{threads, gc}`, each thread's
 * summary (main thread first, then the workers) and each isolate's collections.
 */
export function profileCli({script, args, cwd, env = {}}) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'postmortem-bench-profile-'))
  try {
    const profiled = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', folder, script, ...args], {cwd, env: childEnv(env), stdio: 'ignore'})
    if (profiled.status !== 0 && profiled.status !== 1) throw new Error(`\`node --cpu-prof ${script} ${args.join(' ')}\` ended with ${profiled.signal ?? `exit code ${profiled.status}`}`)
    const group = grouper()
    // Note: files are named CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile; thread 0 is the main thread.
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.cpuprofile'))
      .sort((a, b) => Number(a.split('.')[4]) - Number(b.split('.')[4]))
    const threads = files.map((name, index) => ({name: index === 0 ? 'main thread' : `worker ${index}`, ...summarise(JSON.parse(readFileSync(path.join(folder, name), 'utf8')), group)}))
    const traced = spawnSync(process.execPath, ['--trace-gc', script, ...args], {cwd, env: childEnv(env), encoding: 'utf8', maxBuffer: 1024 ** 3})
    return {threads, gc: gcByIsolate(traced.stdout ?? '')}
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
