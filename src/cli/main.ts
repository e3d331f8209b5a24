import {actions, actionsHelp} from './commands/actions.js'
import {fmt, fmtHelp} from './commands/fmt.js'
import {fromJson, fromJsonHelp} from './commands/from-json.js'
import {init, initHelp} from './commands/init.js'
import {lint, lintHelp} from './commands/lint.js'
import {newHelp, newPostmortem} from './commands/new.js'
import {report, reportHelp} from './commands/report.js'
import {schema, schemaHelp} from './commands/schema.js'
import {stats, statsHelp} from './commands/stats.js'
import {toJson, toJsonHelp} from './commands/to-json.js'
import {exit, UsageError, type CliIo} from './io.js'
import {closeNames, quotedList} from '../lint/suggest.js'
import {version} from './version.js'

/** A command: its one-line summary, its `--help` text and what it does. */
export interface Command {
  readonly summary: string
  readonly help: string
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>
}

/** Every command, by name. */
export const commands: Record<string, Command> = {
  lint: {summary: 'report what is unfilled, invalid or out of place in postmortems', help: lintHelp, run: lint},
  new: {summary: 'start a postmortem from the template, prefilled from flags', help: newHelp, run: newPostmortem},
  'to-json': {summary: 'print the complete Postmortem of a Markdown file as JSON', help: toJsonHelp, run: toJson},
  'from-json': {summary: 'write canonical Markdown from draft or complete JSON', help: fromJsonHelp, run: fromJson},
  fmt: {summary: "rewrite postmortems in the template's canonical layout", help: fmtHelp, run: fmt},
  schema: {summary: 'print the JSON Schema of the model', help: schemaHelp, run: schema},
  actions: {summary: 'list action items across postmortems', help: actionsHelp, run: actions},
  stats: {summary: 'summarise postmortems: severity, duration, action items, completeness', help: statsHelp, run: stats},
  report: {summary: 'write one self-contained HTML page (or Markdown) of charts and tables over postmortems', help: reportHelp, run: report},
  init: {summary: 'write a starting .postmortemrc.json (never over an existing one)', help: initHelp, run: init}
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return `Usage: postmortem <command> [options]

Lint, format and convert incident postmortems written from the postmortem template.

Commands:
${lines.join('\n')}

Options:
  -h, --help     show help (also: postmortem <command> --help)
  -v, --version  show the version

Exit codes: 0 no errors; 1 findings of severity error (or files that --check would change);
2 usage error, unreadable file or invalid JSON.
`
}

/**
 * Run the CLI with injected I/O and return the exit code. Never throws: unexpected failures
 * are reported on stderr with exit code 2.
 */
export async function main(io: CliIo): Promise<number> {
  const [name, ...rest] = io.argv
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    if (name === 'help' && rest[0] && Object.hasOwn(commands, rest[0])) {
      io.stdout.write(commands[rest[0]]!.help)
      return exit.ok
    }
    ;(name === undefined ? io.stderr : io.stdout).write(mainHelp())
    return name === undefined ? exit.usage : exit.ok
  }
  if (name === '-v' || name === '--version') {
    io.stdout.write(version() + '\n')
    return exit.ok
  }
  // Note: own keys only, so `postmortem constructor` is an unknown command, not Object's.
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    const close = closeNames(name, Object.keys(commands))
    const hint = close.length > 0 ? `; did you mean ${quotedList(close, 'or')}?` : ''
    io.stderr.write(`postmortem: unknown command \`${name}\`${hint}\nThe commands are ${quotedList(Object.keys(commands), 'and')}; run \`postmortem --help\` for what each does.\n`)
    return exit.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help)
    return exit.ok
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`postmortem ${name}: ${error.message}\nRun \`postmortem ${name} --help\` for usage.\n`)
      return exit.usage
    }
    io.stderr.write(`postmortem ${name}: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return exit.usage
  }
}
