import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The package's version, read from its package.json (found upward from this module). */
export function version(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 5; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {name?: string; version?: string}
      if (pkg.name === 'postmortem-md' && pkg.version) return pkg.version
    } catch {
      // keep looking upward
    }
    folder = path.dirname(folder)
  }
  return '0.0.0'
}
