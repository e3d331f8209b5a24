import path from 'node:path'
import {ruleIds} from '../../lint/index.js'
import type {Finding} from '../../model/finding.js'
import {parseCommandArgs} from '../args.js'
import {cacheFolder, cacheSalt, ResultCache} from '../cache.js'
import {ConfigError, ConfigResolver, configOrReport, loadConfig, parseRuleFlags, rulesFor, skipByConfig, type Config} from '../config.js'
import {display, expandInputs} from '../files.js'
import {formatters, reportStream} from '../format/index.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {inOrder, taskRunner, workerCount} from '../pool.js'
import {Progress} from '../progress.js'
import {isLintValue, type LintTask, type LintValue, type TaskResult} from '../tasks.js'
import {parseCount, parseDate} from '../values.js'
import {version} from '../version.js'

export const lintHelp = `Usage: postmortem lint [paths…] [options]

Report what is unfilled, invalid or out of place in postmortems, each finding at a line and
column with its rule id. Paths may be files, folders (searched for *.md, skipping
node_modules, dot-folders and what .gitignore lists) or globs; - reads standard input; no
path lints the current folder. A path that names nothing is an error (exit 2).

Options:
  --format NAME      stylish (default), json, sarif or github (workflow annotations)
  --quiet            report errors only (warnings are then not counted for --max-warnings)
  --max-warnings N   exit 1 when there are more than N warnings (N: 0 or more)
  --now YYYY-MM-DD   today, for overdue-action and future-date (default: the current UTC date)
  --config FILE      use this configuration instead of searching for .postmortemrc.json
  --rule ID=LEVEL    set a rule to off, info, warning (or warn) or error (repeatable; wins
                     over the configuration)
  --cache            keep each file's findings and lint only files (or configurations) that
                     changed since; kept in node_modules/.cache/postmortem-md/
  --cache-location DIR
                     keep the cache in DIR instead
  -h, --help         show this help

Configuration: the nearest .postmortemrc.json from each file's folder upward (postmortem init
writes one), with the keys extends, rules, ignores and overrides:
  {"extends": "postmortem-md/recommended", "rules": {"overdue-action": "off"},
   "ignores": ["drafts/**"], "overrides": [{"files": ["legacy/**"], "extends": "postmortem-md/legacy"}]}

Rules: ${wrap(ruleIds.join(', '), 76).join('\n       ')}

Color: on a terminal, unless NO_COLOR is set; FORCE_COLOR=1 forces it elsewhere.
Over more than 64 files, files are linted in worker threads, one per core
(POSTMORTEM_WORKERS=N sets how many; 0 for none). Over more than 50, a progress line shows
on stderr when it is a terminal (not with --format json, sarif or github).

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 usage error,
unreadable file or unusable configuration (the other files are still linted and reported).
`

/** `postmortem lint`: findings for each file, in one of four formats. */
export async function lint(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {
    format: {type: 'string'},
    quiet: {type: 'boolean'},
    'max-warnings': {type: 'string'},
    now: {type: 'string'},
    config: {type: 'string'},
    rule: {type: 'string', multiple: true},
    cache: {type: 'boolean'},
    'cache-location': {type: 'string'}
  })
  const formatName = typeof values.format === 'string' ? values.format : 'stylish'
  if (!Object.hasOwn(formatters, formatName)) throw new UsageError(`Unexpected format \`${formatName}\`, expected ${Object.keys(formatters).map((name) => `\`${name}\``).join(', ')}`)
  const maxWarnings = typeof values['max-warnings'] === 'string' ? parseCount('max-warnings', values['max-warnings'], 'warnings') : undefined
  const now = typeof values.now === 'string' ? parseDate('now', values.now) : undefined
  const ruleFlags = await usage(() => parseRuleFlags((values.rule ?? []) as string[]))
  const shown = (file: string): string => display(file, io.cwd)
  let fixed: Config | undefined
  if (typeof values.config === 'string') {
    const file = path.resolve(io.cwd, values.config)
    fixed = await usage(() => loadConfig(file, shown(file)))
  }
  const resolver = new ConfigResolver(shown)
  const configOf = async (folder: string): Promise<Config | undefined> => (fixed ? fixed : resolver.resolve(folder))

  let code: number = exit.ok
  const raise = (next: number): void => {
    code = Math.max(code, next)
  }
  const {inputs, problems, skipped} = await expandInputs(positionals.length === 0 ? ['.'] : positionals, io.cwd, skipByConfig(configOf))
  const threads = workerCount(io.env, inputs.length)
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    raise(exit.usage)
  }
  for (const skip of skipped) io.stderr.write(`${skip.name}: not linted: matched by ${skip.reason}\n`)

  // Note: the default --now is today, so a cache made yesterday lints again (overdue-action and
  // future-date read the date).
  const today = now ?? new Date().toISOString().slice(0, 10)
  const location = typeof values['cache-location'] === 'string' ? values['cache-location'] : undefined
  const cache = values.cache || location !== undefined ? await ResultCache.open<LintValue>(cacheFolder(io.cwd, location), 'lint') : undefined
  const packageVersion = version()
  const stream = reportStream(formatName, {color: useColor(io), quiet: values.quiet === true, version: packageVersion})
  const progress = Progress.for(io, 'lint', inputs.length, formatName === 'stylish')
  const out = (stdout: string, stderr: string): void => {
    if (stdout === '' && stderr === '') return
    progress?.clear()
    io.stderr.write(stderr)
    io.stdout.write(stdout)
  }
  const reported = new Set<string>()
  let errors = 0
  let warnings = 0
  let done = 0
  const runner = await taskRunner(threads, io.stdin)
  try {
    const prepare = async (input: (typeof inputs)[number]): Promise<{task?: LintTask; stderr: string}> => {
      let stderr = ''
      const buffered = {stderr: {write: (text: string) => void (stderr += text)}}
      const found = await configOrReport(configOf, input.file === undefined ? io.cwd : path.dirname(input.file), input.name, 'linted', buffered, reported)
      if (!found) return {stderr}
      const rules = {...rulesFor(found.config, input.file), ...ruleFlags}
      const cached = cache && input.file !== undefined ? cache.entry(input.file) : undefined
      const salt = cache && input.file !== undefined ? cacheSalt(packageVersion, 'lint', {rules, now: today}) : undefined
      return {task: {kind: 'lint', input, rules, now: today, ...(salt === undefined ? {} : {salt}), ...(cached ? {cached} : {})}, stderr}
    }
    const run = async (prepared: {task?: LintTask}): Promise<TaskResult | undefined> => (prepared.task ? runner.run(prepared.task) : undefined)
    for await (const {item: input, prepared, result} of inOrder(inputs, prepare, run, runner.window)) {
      done++
      if (result === undefined) {
        // Its configuration cannot be used: reported, not linted.
        out('', prepared.stderr)
        raise(exit.usage)
      } else {
        raise(result.code)
        let findings: readonly Finding[] | undefined
        if (result.value !== undefined && isLintValue(result.value)) {
          findings = result.value
          if (cache && result.key !== undefined && input.file !== undefined) {
            if (result.hit) cache.hits++
            else {
              cache.misses++
              cache.set(input.file, result.key, findings)
            }
          }
        }
        if (findings && values.quiet) findings = findings.filter((finding) => finding.severity === 'error')
        if (findings) {
          for (const finding of findings) {
            if (finding.severity === 'error') errors++
            else if (finding.severity === 'warning') warnings++
          }
        }
        out(findings ? stream.file({name: input.name, findings}) : '', prepared.stderr + result.stderr)
      }
      progress?.update(done)
    }
  } finally {
    await runner.close()
    progress?.clear()
  }
  io.stdout.write(stream.end())
  if (cache) {
    await cache.save()
    cache.debug('lint', io.env, io.stderr)
  }

  if (errors > 0) raise(exit.findings)
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`postmortem lint: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${maxWarnings}\n`)
    raise(exit.findings)
  }
  return code
}

/** Color on a TTY; never with `NO_COLOR` (non-empty); `FORCE_COLOR` (not `0`/`false`) forces it. */
function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false
  const force = io.env.FORCE_COLOR
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false'
  return io.stdout.isTTY === true
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}

/** A configuration that cannot be used, given with --config or --rule: a usage error (exit 2). */
async function usage<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
}
