import {parseArgs, type ParseArgsConfig} from 'node:util'
import {UsageError} from './io.js'

type Parsed = {values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[]}

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * Parse a command's arguments strictly. Unknown options, an option given twice that takes one
 * value (`--format json --format sarif`) and an option without its value are usage errors
 * (exit 2). A value that starts with `-` is taken as the value (`--max-warnings -1`), so the
 * command can say what is wrong with it.
 */
export function parseCommandArgs(args: readonly string[], options: Options): Parsed {
  const all: Options = {...options, help: {type: 'boolean', short: 'h'}}
  let parsed: ReturnType<typeof parseArgs<{args: string[]; options: Options; allowPositionals: true; strict: true; tokens: true}>>
  try {
    parsed = parseArgs({args: joinDashValues(args, all), options: all, allowPositionals: true, strict: true, tokens: true})
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error))
  }
  const given = new Map<string, string[]>()
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || all[token.name]?.type !== 'string' || all[token.name]?.multiple) continue
    const values = given.get(token.name) ?? []
    values.push(token.value ?? '')
    given.set(token.name, values)
  }
  for (const [name, values] of given) {
    if (values.length > 1) {
      throw new UsageError(`\`--${name}\` given ${values.length === 2 ? 'twice' : `${values.length} times`} (${values.map((value) => `\`${value}\``).join(', then ')}); give it once`)
    }
  }
  return {values: parsed.values, positionals: parsed.positionals}
}

/**
 * `--name -1` → `--name=-1` for an option that takes a value, when the next argument is not an
 * option the command knows. Node's parseArgs refuses a value starting with `-` as "ambiguous".
 */
function joinDashValues(args: readonly string[], options: Options): string[] {
  const longs = new Set(Object.keys(options).map((name) => `--${name}`))
  const shorts = new Map<string, string>(Object.entries(options).flatMap(([name, option]): [string, string][] => (option.short ? [[`-${option.short}`, name]] : [])))
  const out: string[] = []
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (arg === '--') {
      out.push(...args.slice(index))
      break
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : shorts.get(arg)
    const next = args[index + 1]
    if (name !== undefined && options[name]?.type === 'string') {
      if (next === undefined || next === '--' || longs.has(next.split('=')[0]!) || shorts.has(next)) {
        throw new UsageError(`\`--${name}\` needs a value, as in \`--${name} VALUE\``)
      }
      if (next.startsWith('-') && next !== '-') {
        out.push(`--${name}=${next}`)
        index++
        continue
      }
    }
    out.push(arg)
  }
  return out
}
