import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {builtinProfile} from '../../profile/builtin.js'
import {typesSource} from '../../profile/codegen.js'
import type {Profile} from '../../profile/compile.js'
import {deriveProfile} from '../../profile/derive/index.js'
import {parseCommandArgs} from '../args.js'
import {display, readError} from '../files.js'
import {exit, UsageError, type CliIo} from '../io.js'
import {profileFor, templateFlag, templateOption} from '../templates.js'
import {writeAtomic} from '../write.js'

export const typesHelp = `Usage: postmortem types --out FILE.ts [--template FILE] [--check]

Write the TypeScript of a template's model to FILE.ts: the draft and complete interfaces
(with JSDoc from the template's labels), the row interfaces of its tables, its enums, and the
template as a profile constant (importing \`compileProfile\` from postmortem-md), so a team's
code is typed by its own template:

  import {lint} from 'postmortem-md'
  import {postmortemProfile, type Postmortem} from './postmortem-types.js'
  lint(text, {profile: postmortemProfile})

Options:
  --out FILE.ts    the file to write (its folder must exist)
  --template FILE  the template (default: the \`template\` of the .postmortemrc.json found
                   from the working folder, else the built-in one)
  --check          write nothing; exit 1 when FILE.ts is not what the template now
                   generates (for CI: the types follow the template)
  -h, --help       show this help

Exit codes: 0 written (or, with --check, up to date); 1 --check found FILE.ts out of date or
missing; 2 usage error, a template that cannot be read or used, or FILE.ts cannot be written.
`

/** `postmortem types`: TypeScript for a template's model, written or checked. */
export async function types(args: readonly string[], io: CliIo): Promise<number> {
  const {values, positionals} = parseCommandArgs(args, {out: {type: 'string', short: 'o'}, check: {type: 'boolean'}, ...templateOption})
  if (positionals.length > 0) throw new UsageError(`types takes no paths (got \`${positionals[0]}\`); name the template with --template FILE and the output with --out FILE.ts`)
  if (typeof values.out !== 'string' || values.out.trim() === '') throw new UsageError('types needs --out FILE.ts, the file to write the types to')
  const name = values.out
  const out = path.resolve(io.cwd, name)
  const read = await profileFor(undefined, templateFlag(values, io.cwd), io)
  if (read === undefined) return exit.usage
  let profile: Profile = builtinProfile
  if (read.template) {
    // Note: the module names its template by its folder and file name (`payments/template.md`,
    // which also names its types), not as the command was given it, so it is the same module
    // whichever folder the command runs in and `--check` in CI agrees with the run that wrote it.
    const short = [path.basename(path.dirname(read.template.file)), path.basename(read.template.file)].filter(Boolean).join('/')
    const derived = deriveProfile(read.template.text, {file: short})
    if (!derived.ok) throw new Error(`the template \`${read.template.name}\` derived once but not twice`)
    profile = derived.profile
  }
  const note = 'Run `postmortem types` again when the template changes; `postmortem types --check` says when this file is out of date.'
  const source = typesSource(profile, {from: 'postmortem-md', note})

  let current: string | undefined
  try {
    current = await readFile(out, 'utf8')
  } catch (error) {
    if ((error as {code?: string}).code !== 'ENOENT') {
      io.stderr.write(readError(error, display(out, io.cwd)) + '\n')
      return exit.usage
    }
  }
  const template = read.template ? `\`${read.template.name}\`` : 'the built-in template'
  if (values.check) {
    if (current === source) return exit.ok
    const why = current === undefined ? 'does not exist' : `is not what ${template} generates now`
    io.stderr.write(`${name}: ${why}; run \`postmortem types\` without --check to write it\n`)
    return exit.findings
  }
  if (current === source) {
    io.stderr.write(`${name}: unchanged\n`)
    return exit.ok
  }
  try {
    if (current === undefined) await writeFile(out, source, {flag: 'wx'})
    else await writeAtomic(out, source)
  } catch (error) {
    const missing = (error as {code?: string}).code === 'ENOENT'
    io.stderr.write((missing ? `Cannot write \`${name}\`: its folder does not exist` : readError(error, name).replace('Cannot read', 'Cannot write')) + '\n')
    return exit.usage
  }
  io.stderr.write(`${name}: ${current === undefined ? 'written' : 'rewritten'} from ${template}\n`)
  return exit.ok
}
