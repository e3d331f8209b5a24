import path from 'node:path'
import {lint as lintMarkdown, ruleIds} from '../../lint/index.js'
import type {Finding} from '../../model/finding.js'
import type {RuleSetting} from '../../lint/index.js'
import {parseCommandArgs} from '../args.js'
import {ConfigError, ConfigResolver, configOrReport, loadConfig, parseRuleFlags, rulesFor, skipByConfig, type Config} from '../config.js'
import {EncodingError} from '../decode.js'
import {display, expandInputs, readError, readInput, type Input} from '../files.js'
import {formatters, type FileReport} from '../format/index.js'
import {exit, UsageError, type CliIo} from '../io.js'
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
  -h, --help         show this help

Configuration: the nearest .postmortemrc.json from each file's folder upward (postmortem init
writes one), with the keys extends, rules, ignores and overrides:
  {"extends": "postmortem-md/recommended", "rules": {"overdue-action": "off"},
   "ignores": ["drafts/**"], "overrides": [{"files": ["legacy/**"], "extends": "postmortem-md/legacy"}]}

Rules: ${wrap(ruleIds.join(', '), 76).join('\n       ')}

Color: on a terminal, unless NO_COLOR is set; FORCE_COLOR=1 forces it elsewhere.

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
    rule: {type: 'string', multiple: true}
  })
  const formatName = typeof values.format === 'string' ? values.format : 'stylish'
  const formatter = Object.hasOwn(formatters, formatName) ? formatters[formatName] : undefined
  if (!formatter) throw new UsageError(`Unexpected format \`${formatName}\`, expected ${Object.keys(formatters).map((name) => `\`${name}\``).join(', ')}`)
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
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    raise(exit.usage)
  }
  for (const skip of skipped) io.stderr.write(`${skip.name}: not linted: matched by ${skip.reason}\n`)
  const reported = new Set<string>()
  const reports: FileReport[] = []
  for (const input of inputs) {
    const found = await configOrReport(configOf, input.file === undefined ? io.cwd : path.dirname(input.file), input.name, 'linted', io, reported)
    if (!found) {
      raise(exit.usage)
      continue
    }
    const rules = {...rulesFor(found.config, input.file), ...ruleFlags}
    const text = await readOrEncoding(input, io, rules.encoding)
    if (text === undefined) {
      raise(exit.usage)
      continue
    }
    let findings: Finding[] = typeof text === 'string' ? lintMarkdown(text, {rules, now}) : text.findings
    if (values.quiet) findings = findings.filter((finding) => finding.severity === 'error')
    reports.push({name: input.name, findings})
  }

  io.stdout.write(formatter(reports, {color: useColor(io), quiet: values.quiet === true, version: version()}))

  const all = reports.flatMap((report) => report.findings)
  const errors = all.filter((finding) => finding.severity === 'error').length
  const warnings = all.filter((finding) => finding.severity === 'warning').length
  if (errors > 0) raise(exit.findings)
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`postmortem lint: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${maxWarnings}\n`)
    raise(exit.findings)
  }
  return code
}

/**
 * Read a file to lint: its text, or (not UTF-8) its one `encoding` finding, or `undefined` when
 * it cannot be read (reported on stderr).
 */
async function readOrEncoding(input: Input, io: CliIo, setting: RuleSetting | undefined): Promise<string | {findings: Finding[]} | undefined> {
  try {
    return await readInput(input, io)
  } catch (error) {
    if (!(error instanceof EncodingError)) {
      io.stderr.write(readError(error, input.name) + '\n')
      return undefined
    }
    const level = setting === undefined ? 'error' : setting === 'warn' ? 'warning' : setting
    if (level === 'off') return {findings: []}
    const message = `The file is ${error.message} to have it linted`
    return {findings: [{ruleId: 'encoding', severity: level, message, path: '', line: error.line, column: error.column}]}
  }
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
