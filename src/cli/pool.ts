/**
 * Worker threads for `lint`, `fmt` and `stats` over many files. Each worker is started once with
 * the command's `Job` and then given files in batches; it reads each file, finds its
 * configuration, computes its result and writes its output (`tasks.ts`), and sends back the
 * outputs of a batch in one message. The main thread only hands out batches and writes outputs
 * in input order, so two workers keep two cores busy.
 */
import {existsSync} from 'node:fs'
import os from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {UsageError} from './io.js'
import type {FileOutput, FileTask, Job} from './tasks.js'

/** More files than this run in worker threads (when the machine has more than one core). */
export const poolThreshold = 64

/**
 * The worker threads `POSTMORTEM_WORKERS` asks for (`0` for none, at most 64), or `undefined`
 * when it is not set. Anything but a whole number is a usage error.
 */
export function workerSetting(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const forced = env.POSTMORTEM_WORKERS
  if (forced === undefined || forced === '') return undefined
  if (!/^\d+$/.test(forced)) throw new UsageError(`Unexpected \`POSTMORTEM_WORKERS=${forced}\`, expected a whole number of worker threads (0 for none)`)
  return Math.min(Number(forced), 64)
}

/**
 * How many worker threads for `files` files: `POSTMORTEM_WORKERS` when set (`0` never uses
 * workers; `N` uses N whatever the count), else one per core when there are more than
 * `poolThreshold` files and more than one core, else none.
 */
export function workerCount(env: Readonly<Record<string, string | undefined>>, files: number, cores = os.availableParallelism()): number {
  return workerSetting(env) ?? (files > poolThreshold && cores > 1 ? cores : 0)
}

/**
 * The young generation of each worker's heap, in MB (V8 splits it in three: two semi-spaces and
 * the space of new large objects). Nearly everything a worker allocates dies young (a file's
 * tree is garbage once its output is written), and a scavenge costs what survives it: below
 * 48 MB a 7 KB postmortem's tree outlives more scavenges and is promoted, and the pool took 40%
 * more CPU time at 24 MB; above it, time hardly moves while memory grows by the size (measured
 * in BENCHMARKS.md). `POSTMORTEM_YOUNG_GENERATION_MB` overrides it, for the benchmark's sweep.
 */
export const workerYoungGenerationMb = 48

function youngGenerationMb(env: Readonly<Record<string, string | undefined>>): number {
  const given = env.POSTMORTEM_YOUNG_GENERATION_MB
  return given !== undefined && /^\d+$/.test(given) && Number(given) > 0 ? Number(given) : workerYoungGenerationMb
}

/**
 * The built worker module: `worker.js` beside this module, or in `cli/` when this code was
 * bundled into a chunk one folder up. From the sources (tests run them) there is none, and the
 * files are worked on in this thread.
 */
export function workerFile(): string | undefined {
  for (const relative of ['./worker.js', './cli/worker.js']) {
    const file = fileURLToPath(new URL(relative, import.meta.url))
    if (existsSync(file)) return file
  }
  return undefined
}

/** What the main thread sends a worker: a batch of files. */
export interface BatchMessage {
  readonly batch: number
  readonly tasks: readonly FileTask[]
}

/** What a worker sends back: the outputs of a batch, in its order, or the failure that stopped it. */
export type BatchReply = {readonly batch: number; readonly outputs: readonly FileOutput[]} | {readonly batch: number; readonly failed: string}

/** Files in one message: enough that messages cost nothing next to the work, few enough that both workers finish together. */
function batchSize(remaining: number, threads: number): number {
  return Math.max(1, Math.min(16, Math.floor(remaining / (threads * 4))))
}

/**
 * Run `tasks` in `threads` worker threads started from `file`, calling `deliver` with each
 * task's index and output as batches come back (in any order). A batch whose worker failed (a
 * bug, or a worker out of memory on a huge file) is given to `fallback` file by file, in this
 * thread, where a real bug surfaces as in a run without workers; the worker is replaced when
 * files remain. Every worker is stopped before this returns.
 */
export async function runInWorkers(
  file: string,
  threads: number,
  job: Job,
  tasks: readonly FileTask[],
  deliver: (index: number, output: FileOutput) => void,
  fallback: (task: FileTask) => Promise<FileOutput>
): Promise<void> {
  let next = 0
  let batches = 0
  let replacements = 0
  const inFlight = new Map<number, {start: number; count: number; worker: Worker}>()
  const workers = new Set<Worker>()
  const rescues: Promise<void>[] = []
  /** Two batches per worker: one to work on, one waiting, so a worker never waits for the main thread. */
  const depth = 2
  let settle: () => void = () => undefined
  const finished = new Promise<void>((resolve) => {
    settle = resolve
  })

  const rescue = (start: number, count: number): void => {
    rescues.push(
      (async () => {
        for (let index = start; index < start + count; index++) deliver(index, await fallback(tasks[index]!))
      })()
    )
  }
  const done = (): void => {
    if (next >= tasks.length && inFlight.size === 0) settle()
  }
  const feed = (worker: Worker): void => {
    let mine = 0
    for (const batch of inFlight.values()) if (batch.worker === worker) mine++
    while (mine < depth && next < tasks.length) {
      const count = batchSize(tasks.length - next, threads)
      const batch = batches++
      inFlight.set(batch, {start: next, count, worker})
      worker.postMessage({batch, tasks: tasks.slice(next, next + count)} satisfies BatchMessage)
      next += count
      mine++
    }
  }
  const start = (): void => {
    const worker = new Worker(file, {workerData: {job}, resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb(process.env)}})
    workers.add(worker)
    worker.on('message', (reply: BatchReply) => {
      const batch = inFlight.get(reply.batch)
      if (!batch) return
      inFlight.delete(reply.batch)
      if ('failed' in reply) rescue(batch.start, batch.count)
      else reply.outputs.forEach((output, offset) => deliver(batch.start + offset, output))
      feed(worker)
      done()
    })
    const lost = (): void => {
      if (!workers.delete(worker)) return
      for (const [id, batch] of inFlight) {
        if (batch.worker !== worker) continue
        inFlight.delete(id)
        rescue(batch.start, batch.count)
      }
      // Note: a worker that cannot start at all (a broken install) is not started again and
      // again: past a few replacements, the files left are worked on in this thread.
      if (next < tasks.length && replacements++ < threads * 2) start()
      else if (workers.size === 0 && next < tasks.length) {
        rescue(next, tasks.length - next)
        next = tasks.length
      }
      done()
    }
    worker.on('error', lost)
    worker.on('exit', lost)
    feed(worker)
  }

  for (let count = 0; count < threads && next < tasks.length; count++) start()
  done()
  try {
    await finished
    await Promise.all(rescues)
  } finally {
    await Promise.all([...workers].map((worker) => worker.terminate()))
  }
}
