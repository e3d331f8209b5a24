/**
 * Running per-file tasks for `lint`, `fmt` and `stats`: in the main thread, or, over many
 * files, in a bounded pool of worker threads (tinypool). Results come back in input order
 * whichever way they ran, so the output is the same byte for byte.
 */
import {existsSync} from 'node:fs'
import os from 'node:os'
import {fileURLToPath} from 'node:url'
import {UsageError} from './io.js'
import {runTask, type Task, type TaskResult} from './tasks.js'

/** More files than this run in worker threads (when the machine has more than one core). */
export const poolThreshold = 64

/** Runs tasks, in this thread or in workers. */
export interface TaskRunner {
  /** Worker threads (0: this thread). */
  readonly threads: number
  /** Tasks to keep in flight so every worker stays busy, and no more (each result waits its turn in memory). */
  readonly window: number
  run(task: Task): Promise<TaskResult>
  close(): Promise<void>
}

/**
 * How many worker threads for `files` files: `POSTMORTEM_WORKERS` when set (`0` never uses
 * workers; `N` uses N whatever the count), else one per core when there are more than
 * `poolThreshold` files and more than one core, else none.
 */
export function workerCount(env: Readonly<Record<string, string | undefined>>, files: number, cores = os.availableParallelism()): number {
  const forced = env.POSTMORTEM_WORKERS
  if (forced !== undefined && forced !== '') {
    if (!/^\d+$/.test(forced)) throw new UsageError(`Unexpected \`POSTMORTEM_WORKERS=${forced}\`, expected a whole number of worker threads (0 for none)`)
    return Math.min(Number(forced), 64)
  }
  return files > poolThreshold && cores > 1 ? cores : 0
}

/**
 * The heap of each worker. A file's tree is garbage once its result is back, and left alone V8
 * gives each thread a young generation of up to 48 MB that it fills between collections; 24 MB
 * costs next to no time and saves ~40 MB over two workers. (Bounding the old generation as well,
 * to 192 MB, brought two workers down to one thread's memory but cost 40% more CPU time in
 * collections, which is what the pool is there to save: a run that must stay small uses
 * `POSTMORTEM_WORKERS=0`.)
 */
const workerHeap = {maxYoungGenerationSizeMb: 24}

/**
 * The built worker module: `worker.js` beside this module, or in `cli/` when this code was
 * bundled into a shared chunk at the root of `dist`. From the sources (tests run them) there
 * is none, and tasks run in this thread.
 */
export function workerFile(): string | undefined {
  for (const relative of ['./worker.js', './cli/worker.js']) {
    const file = fileURLToPath(new URL(relative, import.meta.url))
    if (existsSync(file)) return file
  }
  return undefined
}

/**
 * A runner with `threads` workers (none when `threads` is 0 or the worker module is missing).
 * `stdin` reads standard input, which only this thread can: a task for `-` always runs here.
 */
export async function taskRunner(threads: number, stdin: () => Promise<string>): Promise<TaskRunner> {
  const here = (task: Task): Promise<TaskResult> => runTask(task, stdin)
  const file = threads > 0 ? workerFile() : undefined
  if (file === undefined) return {threads: 0, window: 1, run: here, close: async () => undefined}
  let Tinypool: typeof import('tinypool').default
  try {
    Tinypool = (await import('tinypool')).default
  } catch {
    // Note: without the pool (a broken install), the files are read here, as over few files.
    return {threads: 0, window: 1, run: here, close: async () => undefined}
  }
  const pool = new Tinypool({filename: file, minThreads: threads, maxThreads: threads, idleTimeout: 1000, resourceLimits: workerHeap})
  return {
    threads,
    window: threads * 4,
    async run(task) {
      if (task.input.file === undefined) return here(task)
      try {
        return (await pool.run(task)) as TaskResult
      } catch {
        // Note: a worker that failed (out of memory on a huge file, say) is replaced by the
        // pool; the file is tried again here, where a real bug surfaces as in a run without workers.
        return here(task)
      }
    },
    close: () => pool.destroy()
  }
}

/**
 * Run `run` over `items` with up to `window` runs in flight, yielding results in the order of
 * `items`. `prepare` runs on one item at a time, in order (what it decides, such as a file's
 * configuration, is decided in the order a run without workers would).
 */
export async function* inOrder<T, P, R>(
  items: Iterable<T>,
  prepare: (item: T) => Promise<P>,
  run: (prepared: P) => Promise<R>,
  window: number
): AsyncGenerator<{item: T; prepared: P; result: R}> {
  const queue: Promise<{item: T; prepared: P; result: R}>[] = []
  for (const item of items) {
    const prepared = await prepare(item)
    const pending = run(prepared).then((result) => ({item, prepared, result}))
    // Note: a failure surfaces when its turn comes, not as an unhandled rejection before.
    pending.catch(() => undefined)
    queue.push(pending)
    if (queue.length >= window) yield await queue.shift()!
  }
  while (queue.length > 0) yield await queue.shift()!
}
