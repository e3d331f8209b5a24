/**
 * The one loop of `lint`, `fmt` and `stats` over their files: look each file up in the cache,
 * work on the others in this thread or, over many files, in worker threads (`pool.ts`), and
 * write each file's output in input order as soon as it and those before it are done, with a
 * progress line on a terminal. The command keeps what it counts over the files (`onFile`).
 */
import {statSync, type Stats} from 'node:fs'
import {cacheFolder, ResultCache, statSignature} from './cache.js'
import type {Config} from './config.js'
import type {Input} from './files.js'
import {exit, type CliIo} from './io.js'
import {runInWorkers, workerCount, workerFile} from './pool.js'
import {Progress} from './progress.js'
import type {FileOutput, FileTask, FileWork, Job} from './tasks.js'

/** What `runFiles` needs. */
export interface RunFiles {
  readonly io: CliIo
  readonly job: Job
  readonly inputs: readonly Input[]
  /** With `--cache`: where (`--cache-location`, or `undefined` for the default folder). */
  readonly cache?: {readonly location: string | undefined}
  /** The configuration of a folder as the command found it (for `ignores`), so each folder's is read once in this thread. */
  readonly configOf?: (folder: string) => Promise<Config | undefined>
  /** Whether a progress line may show (it does only on a terminal, over many files). */
  readonly progress: boolean
  /** Called with each file's output, in input order: returns what to print on stdout for the file. */
  readonly onFile: (input: Input, output: FileOutput) => string
}

/**
 * Work on every input and write each one's output in input order: a configuration's message
 * once, then the file's stderr, then what `onFile` returns for stdout. Returns the highest exit
 * code of the files (their reading, writing and configuration; `lint` judges findings itself).
 */
export async function runFiles(run: RunFiles): Promise<number> {
  const {io, job, inputs} = run
  const command = job.kind
  const cache = run.cache ? await ResultCache.open<unknown>(cacheFolder(io.cwd, run.cache.location), command) : undefined
  // Note: the work on files (the whole linter) loads in this thread only when this thread does
  // some: over many files without a cache, the workers do it all.
  let loaded: FileWork | undefined
  const work = async (): Promise<FileWork> => {
    loaded ??= new (await import('./tasks.js')).FileWork(job, {...(run.configOf ? {configOf: run.configOf} : {}), stdin: io.stdin})
    return loaded
  }
  const progress = Progress.for(io, command, inputs.length, run.progress)
  const reported = new Set<string>()
  const ready = new Map<number, FileOutput>()
  let written = 0
  let code: number = exit.ok

  const write = (index: number, output: FileOutput): void => {
    const input = inputs[index]!
    code = Math.max(code, output.code)
    if (cache && output.key !== undefined && input.file !== undefined) {
      const entry = cache.entry(input.file)
      if (output.hit) {
        cache.hits++
        // Note: a file touched but not changed is known by its new stat from now on.
        if (entry && output.stat !== undefined && output.stat !== entry.stat) cache.set(input.file, output.key, entry.value, output.stat)
      } else {
        cache.misses++
        if (output.value !== undefined) cache.set(input.file, output.key, output.value, output.stat)
      }
    }
    let stderr = output.stderr
    if (output.configError !== undefined && !reported.has(output.configError)) {
      reported.add(output.configError)
      stderr = output.configError + '\n' + stderr
    }
    const stdout = run.onFile(input, output)
    if (stdout !== '' || stderr !== '') {
      progress?.clear()
      io.stderr.write(stderr)
      io.stdout.write(stdout)
    }
    progress?.update(index + 1)
  }
  const deliver = (index: number, output: FileOutput): void => {
    ready.set(index, output)
    for (let next = ready.get(written); next !== undefined; next = ready.get(written)) {
      ready.delete(written)
      write(written++, next)
    }
  }

  // Files whose cached result stands without reading them (the same stat, the same options)
  // are answered here; the others are worked on.
  const tasks: {index: number; task: FileTask}[] = []
  if (cache) {
    const values = await import('./cached-values.js')
    const isValue = command === 'lint' ? values.isLintValue : command === 'fmt' ? values.isFmtValue : values.isStatsValue
    const here = await work()
    for (const [index, input] of inputs.entries()) {
      const entry = input.file === undefined ? undefined : cache.entry(input.file)
      const cached = entry && isValue(entry.value) ? entry : undefined
      if (cached?.stat !== undefined && here.answersUnread(cached.value)) {
        const salt = await here.salt(input)
        const stat = salt === undefined ? undefined : statOf(input.file!)
        if (stat && statSignature(salt!, stat) === cached.stat) {
          deliver(index, here.fromCache(input, cached.key, cached.value))
          continue
        }
      }
      tasks.push({index, task: cached ? {input, cached: {key: cached.key, value: cached.value}} : {input}})
    }
  } else {
    for (const [index, input] of inputs.entries()) tasks.push({index, task: {input}})
  }

  try {
    // Note: only this thread can read standard input.
    const threads = workerCount(io.env, tasks.length)
    const file = threads > 0 ? workerFile() : undefined
    const pooled = file === undefined ? [] : tasks.filter(({task}) => task.input.file !== undefined)
    const here = file === undefined ? tasks : tasks.filter(({task}) => task.input.file === undefined)
    await Promise.all([
      (async () => {
        for (const {index, task} of here) deliver(index, await (await work()).run(task))
      })(),
      pooled.length === 0
        ? undefined
        : runInWorkers(
            file!,
            threads,
            job,
            pooled.map(({task}) => task),
            (at, output) => deliver(pooled[at]!.index, output),
            async (task) => (await work()).run(task)
          )
    ])
  } finally {
    progress?.clear()
  }
  if (cache) {
    await cache.save()
    cache.debug(command, io.env, io.stderr)
  }
  return code
}

/** A file's stat, or `undefined` when it cannot be had (the file is then read, and its problem reported). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}
