import path from 'node:path'
import {parseCommandArgs} from '../args.js'
import {cacheFolder, cacheSalt, ResultCache} from '../cache.js'
import {ConfigResolver, configOrReport, skipByConfig} from '../config.js'
import {display, expandInputs} from '../files.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {inOrder, taskRunner, workerCount} from '../pool.js'
import {Progress} from '../progress.js'
import {formatFindingLine} from '../report.js'
import {isFmtValue, type FmtTask, type FmtValue, type TaskResult} from '../tasks.js'
import {version} from '../version.js'

export const fmtHelp = `Usage: postmortem fmt <paths…> [--check | --write] [--add-missing]

Rewrite postmortems in the template's canonical layout. Layout only: headings, labels,
tables and lists are written the template's way; every value is kept verbatim, and nothing
is added or removed. Line endings (LF or CRLF) and a byte-order mark are kept.

  postmortem fmt FILE           print the canonical Markdown of FILE to stdout
  postmortem fmt --check PATHS  list files that would change (exit 1 if any)
  postmortem fmt --write PATHS  rewrite files in place (atomically, keeping their mode)

Paths may be files, folders (searched for *.md, skipping node_modules, dot-folders and what
.gitignore lists) or globs; - reads standard input. A path that names nothing is an error
(exit 2). Files that the \`ignores\` of their .postmortemrc.json match are never formatted.
A file whose rewrite would lose text is never written (exit 1).

Options:
  --check        list files that are not canonical
  --write        rewrite files that are not canonical
  --add-missing  also write every section and field the document lacks, as the template's
                 text (to bring an old document onto the template on purpose)
  --cache        remember which files are canonical and check only files that changed
                 since; kept in node_modules/.cache/postmortem-md/
  --cache-location DIR
                 keep the cache in DIR instead (implies --cache)
  -h, --help     show this help

Over more than 64 files, files are formatted in worker threads, one per core
(POSTMORTEM_WORKERS=N sets how many; 0 for none); over more than 50, a progress line shows
on stderr when it is a terminal.
`

/** `postmortem fmt`: canonical layout, to stdout, checked, or written. */
export async function fmt(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {
    check: {type: 'boolean'},
    write: {type: 'boolean'},
    'add-missing': {type: 'boolean'},
    cache: {type: 'boolean'},
    'cache-location': {type: 'string'}
  })
  if (values.check && values.write) throw new UsageError('use either --check or --write, not both')
  if (positionals.length === 0) throw new UsageError('fmt needs a file, folder or glob (or `-` for standard input)')
  const resolver = new ConfigResolver((file) => display(file, io.cwd))
  const {inputs, problems, skipped} = await expandInputs(positionals, io.cwd, skipByConfig((folder) => resolver.resolve(folder)))
  if (!values.check && !values.write && (inputs.length > 1 || positionals.length > 1)) {
    throw new UsageError('fmt prints one file; for several files use --check or --write')
  }
  if (values.write && inputs.some((input) => input.file === undefined)) throw new UsageError('fmt --write cannot write standard input')
  const mode = values.check ? 'check' : values.write ? 'write' : 'print'
  const addMissing = values['add-missing'] === true
  const threads = workerCount(io.env, inputs.length)
  let code: number = exit.ok
  const raise = (next: number): void => {
    code = Math.max(code, next)
  }
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    raise(exit.usage)
  }
  for (const skip of skipped) io.stderr.write(`${skip.name}: not formatted: matched by ${skip.reason}\n`)

  const location = typeof values['cache-location'] === 'string' ? values['cache-location'] : undefined
  const cache = values.cache || location !== undefined ? await ResultCache.open<FmtValue>(cacheFolder(io.cwd, location), 'fmt') : undefined
  const salt = cache ? cacheSalt(version(), 'fmt', {addMissing}) : undefined
  const progress = Progress.for(io, 'fmt', inputs.length)
  const out = (stdout: string, stderr: string): void => {
    if (stdout === '' && stderr === '') return
    progress?.clear()
    io.stderr.write(stderr)
    io.stdout.write(stdout)
  }
  const reported = new Set<string>()
  const runner = await taskRunner(threads, io.stdin)
  let done = 0
  try {
    const prepare = async (input: (typeof inputs)[number]): Promise<{task?: FmtTask; stderr: string}> => {
      let stderr = ''
      const buffered = {stderr: {write: (text: string) => void (stderr += text)}}
      // Its `ignores` cannot be known when its configuration cannot be used: the file is left alone.
      if (!(await configOrReport((folder) => resolver.resolve(folder), input.file === undefined ? io.cwd : path.dirname(input.file), input.name, 'formatted', buffered, reported))) {
        return {stderr}
      }
      const cached = cache && input.file !== undefined ? cache.entry(input.file) : undefined
      const keyed = salt !== undefined && input.file !== undefined ? {salt, ...(cached ? {cached} : {})} : {}
      return {task: {kind: 'fmt', input, mode, addMissing, ...keyed}, stderr}
    }
    const run = async (prepared: {task?: FmtTask}): Promise<TaskResult | undefined> => (prepared.task ? runner.run(prepared.task) : undefined)
    for await (const {item: input, prepared, result} of inOrder(inputs, prepare, run, runner.window)) {
      done++
      if (result === undefined) {
        out('', prepared.stderr)
        raise(exit.usage)
      } else {
        raise(result.code)
        let stdout = ''
        let stderr = prepared.stderr + result.stderr
        if (result.value !== undefined && isFmtValue(result.value)) {
          const value = result.value
          if (cache && result.key !== undefined && input.file !== undefined) {
            if (result.hit) cache.hits++
            else {
              cache.misses++
              cache.set(input.file, result.key, value)
            }
          }
          if (value.state === 'refused') {
            if (value.findings) {
              for (const finding of value.findings) stderr += formatFindingLine(input.name, finding) + '\n'
              stderr += `${input.name}: not formatted\n`
            } else {
              stderr += `${input.name}: not formatted: ${value.why ?? 'not parsed'}\n`
            }
            raise(exit.findings)
          } else if (mode === 'check' && value.state === 'changes') {
            stdout = input.name + '\n'
            raise(exit.findings)
          } else if (mode === 'print') {
            stdout = result.output ?? ''
          }
        }
        out(stdout, stderr)
      }
      progress?.update(done)
    }
  } finally {
    await runner.close()
    progress?.clear()
  }
  if (cache) {
    await cache.save()
    cache.debug('fmt', io.env, io.stderr)
  }
  return code
}
