import {parseArgs, type ParseArgsConfig} from 'node:util'

type Parsed = {values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[]}
import {UsageError} from './io.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** Parse a command's arguments strictly; unknown options are usage errors (exit 2). */
export function parseCommandArgs(args: readonly string[], options: Options): Parsed {
  try {
    return parseArgs({args: [...args], options: {...options, help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error))
  }
}
