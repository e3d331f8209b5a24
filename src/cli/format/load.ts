import type {ReportFormat} from './types.js'

/** The names of `lint --format`, in the order messages list them. */
export const formatNames: readonly string[] = ['stylish', 'json', 'sarif', 'github']

/**
 * The format named `name` (one of `formatNames`), its module loaded when it is used: the main
 * thread of a run over many files puts the report together and needs no more of the linter
 * than the format it writes (sarif's catalog of rules is the whole linter).
 */
export async function loadFormat(name: string): Promise<ReportFormat> {
  switch (name) {
    case 'json':
      return (await import('./json.js')).jsonFormat
    case 'sarif':
      return (await import('./sarif.js')).sarifFormat
    case 'github':
      return (await import('./github.js')).githubFormat
    default:
      return (await import('./stylish.js')).stylishFormat
  }
}
