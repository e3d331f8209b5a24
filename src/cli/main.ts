import {exit, UsageError, type CliIo} from './io.js'
import {closeNames, quotedList} from '../lint/suggest.js'
import {version} from './version.js'

/** What a command's module gives: its `--help` text and what it does. */
export interface CommandModule {
  readonly help: string
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>
}

/**
 * A command: its one-line summary, and its module, loaded only when the command runs (or its
 * `--help` is asked for), so `postmortem --version`, `--help` and each command load only what
 * they use: most of a cold start is reading modules.
 */
export interface Command {
  readonly summary: string
  readonly load: () => Promise<CommandModule>
}

/** Every command, by name. */
export const commands: Record<string, Command> = {
  lint: {
    summary: 'report what is unfilled, invalid or out of place in postmortems',
    load: async () => import('./commands/lint.js').then((module) => ({help: module.lintHelp, run: module.lint}))
  },
  new: {
    summary: 'start a postmortem from the template, prefilled from flags',
    load: async () => import('./commands/new.js').then((module) => ({help: module.newHelp, run: module.newPostmortem}))
  },
  'to-json': {
    summary: 'print the complete Postmortem of a Markdown file as JSON',
    load: async () => import('./commands/to-json.js').then((module) => ({help: module.toJsonHelp, run: module.toJson}))
  },
  'from-json': {
    summary: 'write canonical Markdown from draft or complete JSON',
    load: async () => import('./commands/from-json.js').then((module) => ({help: module.fromJsonHelp, run: module.fromJson}))
  },
  fmt: {
    summary: "rewrite postmortems in the template's canonical layout",
    load: async () => import('./commands/fmt.js').then((module) => ({help: module.fmtHelp, run: module.fmt}))
  },
  schema: {
    summary: 'print the JSON Schema of the model',
    load: async () => import('./commands/schema.js').then((module) => ({help: module.schemaHelp, run: module.schema}))
  },
  actions: {
    summary: 'list action items across postmortems',
    load: async () => import('./commands/actions.js').then((module) => ({help: module.actionsHelp, run: module.actions}))
  },
  stats: {
    summary: 'summarise postmortems: severity, duration, action items, completeness',
    load: async () => import('./commands/stats.js').then((module) => ({help: module.statsHelp, run: module.stats}))
  },
  report: {
    summary: 'write one self-contained HTML page (or Markdown) of charts and tables over postmortems',
    load: async () => import('./commands/report.js').then((module) => ({help: module.reportHelp, run: module.report}))
  },
  template: {
    summary: "print what a team's template is derived into: sections, fields, types, roles, warnings",
    load: async () => import('./commands/template.js').then((module) => ({help: module.templateCommandHelp, run: module.template}))
  },
  types: {
    summary: "write (or --check) the TypeScript types of a team's template",
    load: async () => import('./commands/types.js').then((module) => ({help: module.typesHelp, run: module.types}))
  },
  init: {
    summary: 'write a starting .postmortemrc.json (never over an existing one)',
    load: async () => import('./commands/init.js').then((module) => ({help: module.initHelp, run: module.init}))
  }
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return `Usage: postmortem <command> [options]
   or: postmortem-md <command> [options]   (the package's name, the one npx resolves)

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
      io.stdout.write((await commands[rest[0]]!.load()).help)
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
  try {
    const {help, run} = await command.load()
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(help)
      return exit.ok
    }
    return await run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`postmortem ${name}: ${error.message}\nRun \`postmortem ${name} --help\` for usage.\n`)
      return exit.usage
    }
    io.stderr.write(`postmortem ${name}: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return exit.usage
  }
}
