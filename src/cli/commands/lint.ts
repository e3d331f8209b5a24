import path from 'node:path'
import {lint as lintMarkdown, ruleIds, type RuleLevel} from '../../lint/index.js'
import type {Finding} from '../../model/finding.js'
import {parseCommandArgs} from '../args.js'
import {ConfigError, ConfigResolver, loadConfig, parseRuleFlags, type RuleLevels} from '../config.js'
import {expandInputs, readOrReport} from '../files.js'
import {formatters, type FileReport} from '../format/index.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {version} from '../version.js'

export const lintHelp = `Usage: postmortem lint [paths…] [options]

Report what is unfilled, invalid or out of place in postmortems, each finding at a line and
column with its rule id. Paths may be files, folders (searched for *.md, skipping
node_modules and dot-folders) or globs; - reads standard input; no path lints the current
folder.

Options:
  --format NAME      stylish (default), json, sarif or github (workflow annotations)
  --quiet            report errors only (warnings are then not counted for --max-warnings)
  --max-warnings N   exit 1 when there are more than N warnings
  --now YYYY-MM-DD   today, for overdue-action and future-date (default: the current UTC date)
  --config FILE      use this configuration instead of searching for .postmortemrc.json
  --rule ID=LEVEL    set a rule to off, info, warning or error (repeatable; wins over config)
  -h, --help         show this help

Configuration: the nearest .postmortemrc.json from each file's folder upward,
{"rules": {"overdue-action": "off", "section-order": "error"}}.

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
  const maxWarnings = parseMaxWarnings(values['max-warnings'])
  const now = typeof values.now === 'string' ? parseNow(values.now) : undefined
  const ruleFlags = configOrUsage(() => parseRuleFlags((values.rule ?? []) as string[]))
  const display = (file: string): string => shownPath(file, io.cwd)
  let fixed: RuleLevels | undefined
  if (typeof values.config === 'string') {
    const file = path.resolve(io.cwd, values.config)
    fixed = await configOrUsageAsync(() => loadConfig(file, display(file)))
  }
  const resolver = new ConfigResolver(display)

  let code: number = exit.ok
  const raise = (next: number): void => {
    code = Math.max(code, next)
  }
  const {inputs, problems} = await expandInputs(positionals.length === 0 ? ['.'] : positionals, io.cwd)
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    raise(exit.usage)
  }
  const reported = new Set<string>()
  const reports: FileReport[] = []
  for (const input of inputs) {
    let configured: RuleLevels
    try {
      configured = fixed ?? (await resolver.resolve(input.file === undefined ? io.cwd : path.dirname(input.file))).rules
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      // A broken config is reported once; every file it governs is skipped.
      if (!reported.has(error.message)) io.stderr.write(error.message + '\n')
      reported.add(error.message)
      io.stderr.write(`${input.name}: not linted: its configuration cannot be used\n`)
      raise(exit.usage)
      continue
    }
    const text = await readOrReport(input, io)
    if (text === undefined) {
      raise(exit.usage)
      continue
    }
    const rules: Record<string, RuleLevel> = {...configured, ...ruleFlags}
    let findings: Finding[] = lintMarkdown(text, {rules, ...(now ? {now} : {})})
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

function parseMaxWarnings(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`Unexpected \`--max-warnings ${value}\`, expected a whole number of warnings such as \`--max-warnings 0\``)
  return Number(value)
}

/** `--now`: a real calendar date `YYYY-MM-DD` (never rolled over: `2026-02-30` is refused). */
function parseNow(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const date = new Date(Date.UTC(2000, month - 1, day))
    date.setUTCFullYear(year)
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value
  }
  throw new UsageError(`Unexpected \`--now ${value}\`, expected a real date as YYYY-MM-DD such as \`--now 2026-03-01\``)
}

function configOrUsage<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
}

async function configOrUsageAsync<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
}

function shownPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
}
