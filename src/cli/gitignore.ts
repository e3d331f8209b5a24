import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'

/**
 * What Git ignores, read from the `.gitignore` files of a working tree with the `ignore` package
 * (the matcher ESLint uses): each file's patterns apply to the paths below its folder, a deeper
 * file wins over a shallower one (so `!keep.md` re-includes), and nothing below an ignored
 * folder comes back. The tree's top is the nearest folder upward that holds `.git` (a folder, or
 * a worktree's file); outside a repository it is the folder the search started from.
 *
 * Every `.gitignore` and every answer is cached, so a folder of many files reads each once.
 */
export class GitIgnores {
  readonly #matchers = new Map<string, Promise<Ignore | undefined>>()
  readonly #tops = new Map<string, Promise<string | undefined>>()
  readonly #folders = new Map<string, Promise<boolean>>()

  /** Whether Git would ignore `target` (a file, or a folder when `folder` is true). */
  async ignored(target: string, folder: boolean, searchRoot: string): Promise<boolean> {
    const top = (await this.#top(path.dirname(target))) ?? searchRoot
    const relative = path.relative(top, target)
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false
    return this.#ignoredBelow(top, target, folder)
  }

  async #ignoredBelow(top: string, target: string, folder: boolean): Promise<boolean> {
    const parent = path.dirname(target)
    if (parent !== top && (await this.#folderIgnored(top, parent))) return true
    let ignored = false
    // From the top down to the target's own folder: deeper .gitignore files decide last.
    const chain: string[] = []
    for (let at = parent; ; at = path.dirname(at)) {
      chain.unshift(at)
      if (at === top || path.dirname(at) === at) break
    }
    for (const at of chain) {
      const matcher = await this.#matcher(at)
      if (!matcher) continue
      const relative = path.relative(at, target).split(path.sep).join('/') + (folder ? '/' : '')
      const result = matcher.test(relative)
      if (result.ignored) ignored = true
      else if (result.unignored) ignored = false
    }
    return ignored
  }

  #folderIgnored(top: string, folder: string): Promise<boolean> {
    const key = `${top}\0${folder}`
    let found = this.#folders.get(key)
    if (!found) {
      found = this.#ignoredBelow(top, folder, true)
      this.#folders.set(key, found)
    }
    return found
  }

  #matcher(folder: string): Promise<Ignore | undefined> {
    let found = this.#matchers.get(folder)
    if (!found) {
      found = readFile(path.join(folder, '.gitignore'), 'utf8').then(
        (text) => ignore().add(text),
        () => undefined
      )
      this.#matchers.set(folder, found)
    }
    return found
  }

  #top(folder: string): Promise<string | undefined> {
    let found = this.#tops.get(folder)
    if (!found) {
      found = stat(path.join(folder, '.git')).then(
        () => folder,
        () => (path.dirname(folder) === folder ? undefined : this.#top(path.dirname(folder)))
      )
      this.#tops.set(folder, found)
    }
    return found
  }
}
