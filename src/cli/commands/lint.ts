import path from 'node:path'
import {ruleIdList as ruleIds} from '../../lint/rule-ids.js'
import {parseCommandArgs} from '../args.js'
import {ConfigError, ConfigResolver, loadConfig, parseRuleFlags, skipByConfig, type Config} from '../config.js'
import {display, expandInputs} from '../files.js'
import {formatNames, loadFormat} from '../format/load.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {workerSetting} from '../pool.js'
import {runFiles} from '../run-files.js'
import type {LintJob} from '../tasks.js'
import {jobTemplates, prepareTemplates, skipTemplates, templateFlag, templateHelp, templateOption} from '../templates.js'
import {parseCount, readDates} from '../values.js'
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
${templateHelp(21)}
  --cache            keep each file's findings and lint only files (or configurations) that
                     changed since; kept in node_modules/.cache/postmortem-md/
  --cache-location DIR
                     keep the cache in DIR instead
  -h, --help         show this help

Configuration: the nearest .postmortemrc.json from each file's folder upward (postmortem init
writes one), with the keys extends, rules, ignores, overrides, template and people:
  {"extends": "postmortem-md/recommended", "rules": {"overdue-action": "off"},
   "ignores": ["drafts/**"], "overrides": [{"files": ["legacy/**"], "extends": "postmortem-md/legacy"}],
   "template": "./docs/postmortem-template.md"}
A template that cannot be read or used stops the command (exit 2), each problem at its line.

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
    'cache-location': {type: 'string'},
    ...templateOption
  })
  const formatName = typeof values.format === 'string' ? values.format : 'stylish'
  if (!formatNames.includes(formatName)) throw new UsageError(`Unexpected format \`${formatName}\`, expected ${formatNames.map((name) => `\`${name}\``).join(', ')}`)
  const maxWarnings = typeof values['max-warnings'] === 'string' ? parseCount('max-warnings', values['max-warnings'], 'warnings') : undefined
  // Note: the default --now is today, so a cache made yesterday lints again (overdue-action and
  // future-date read the date).
  const {now} = readDates({now: values.now}, 'unexpected')
  const ruleFlags = await usage(() => parseRuleFlags((values.rule ?? []) as string[]))
  const shown = (file: string): string => display(file, io.cwd)
  let fixed: Config | undefined
  if (typeof values.config === 'string') {
    const file = path.resolve(io.cwd, values.config)
    fixed = await usage(() => loadConfig(file, shown(file)))
  }
  const resolver = new ConfigResolver(shown)
  const configOf = async (folder: string): Promise<Config | undefined> => (fixed ? fixed : resolver.resolve(folder))
  const template = templateFlag(values, io.cwd)

  let code: number = exit.ok
  const raise = (next: number): void => {
    code = Math.max(code, next)
  }
  const {inputs, problems, skipped} = await expandInputs(positionals.length === 0 ? ['.'] : positionals, io.cwd, skipTemplates(template, configOf, skipByConfig(configOf)))
  workerSetting(io.env)
  const templates = await prepareTemplates(inputs, template, configOf, io)
  if (templates === undefined) return exit.usage
  for (const problem of problems) {
    io.stderr.write(problem.message + '\n')
    raise(exit.usage)
  }
  for (const skip of skipped) io.stderr.write(`${skip.name}: not linted: matched by ${skip.reason}\n`)

  const location = typeof values['cache-location'] === 'string' ? values['cache-location'] : undefined
  const cache = values.cache === true || location !== undefined
  const formatOptions = {color: useColor(io), quiet: values.quiet === true, version: version()}
  const report = (await loadFormat(formatName)).assemble(formatOptions)
  let errors = 0
  let warnings = 0
  const job: LintJob = {kind: 'lint', cwd: io.cwd, version: formatOptions.version, cache, now, ruleFlags, ...(fixed ? {config: fixed} : {}), ...jobTemplates(template, templates), format: formatName, formatOptions}
  raise(
    await runFiles({
      io,
      job,
      inputs,
      ...(cache ? {cache: {location}} : {}),
      configOf,
      progress: formatName === 'stylish',
      onFile(_input, output) {
        if (!output.piece) return ''
        errors += output.piece.errors
        warnings += output.piece.warnings
        return report.add(output.piece)
      }
    })
  )
  io.stdout.write(report.end())

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
