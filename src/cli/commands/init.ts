import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseCommandArgs} from '../args.js'
import {configName} from '../config.js'
import {display} from '../files.js'
import {exit, UsageError, type CliIo} from '../io.js'

/** `postmortem init --help`. */
export const initHelp = `Usage: postmortem init [folder] [--legacy]

Write a starting ${configName} in the folder (default: the current one), with a comment on
each key. It asks nothing, and never writes over an existing ${configName}.

Options:
  --legacy    extend postmortem-md/legacy (for documents written before the template: the
              structure rules off) instead of postmortem-md/recommended
  -h, --help  show this help

Exit codes: 0 written; 2 usage error, or the folder already has a ${configName}.
`

/** The text `postmortem init` writes: JSON with comments, every key explained. */
export function starterConfig(legacy: boolean): string {
  const preset = legacy ? 'postmortem-md/legacy' : 'postmortem-md/recommended'
  return `// postmortem-md configuration: applies to the postmortems in this folder and below (the
// nearest ${configName} wins). Comments are allowed, as in tsconfig.json.
{
  // A preset: "postmortem-md/recommended" (every rule at its default level) or
  // "postmortem-md/legacy" (for documents written before the template: the structure rules
  // off, the value rules on). A list applies them in order.
  "extends": "${preset}",

  // Your team's template, relative to this file: every command reads, checks and writes the
  // postmortems by it (\`postmortem template\` shows what it is read as). Without it, the
  // built-in template.
  // "template": "./docs/postmortem-template.md",

  // One name for each person, and the other ways documents write it; \`actions\` and \`report\`
  // show owners by that one name.
  // "people": {"Grace Liu": ["@grace"]},

  // Rule levels: "off", "info", "warning" (or "warn") or "error". The rule ids are listed by
  // \`postmortem lint --help\`.
  "rules": {
    // "overdue-action": "off"
  },

  // Globs relative to this file that are never linted or formatted. Files that .gitignore
  // lists are skipped as well.
  "ignores": [
    // "drafts/**"
  ],

  // Other rules for the files some globs match; later entries win, as in ESLint.
  "overrides": [
    // {"files": ["legacy/**"], "extends": "postmortem-md/legacy"},
    // {"files": ["infra/**"], "template": "./infra/incident-template.md"}
  ]
}
`
}

/** `postmortem init`: a starting configuration, never over an existing one. */
export async function init(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {legacy: {type: 'boolean'}})
  if (positionals.length > 1) throw new UsageError(`init takes one folder at most (got ${positionals.map((given) => `\`${given}\``).join(', ')})`)
  const file = path.resolve(io.cwd, positionals[0] ?? '.', configName)
  const name = display(file, io.cwd)
  try {
    // Note: `wx` creates the file or fails if it exists, with no window between check and write.
    await writeFile(file, starterConfig(values.legacy === true), {flag: 'wx'})
  } catch (error) {
    const code = (error as {code?: string} | undefined)?.code
    const reason =
      code === 'EEXIST'
        ? 'it already exists (edit it, or remove it first)'
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? 'its folder does not exist'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : error instanceof Error
              ? error.message
              : String(error)
    io.stderr.write(`Not writing \`${name}\`: ${reason}\n`)
    return exit.usage
  }
  io.stderr.write(`${name}: created${values.legacy ? ' (extends postmortem-md/legacy)' : ''}\n`)
  return exit.ok
}
