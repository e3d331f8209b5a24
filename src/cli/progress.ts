import type {CliIo, Writer} from './io.js'

/** Progress is shown for more files than this. */
export const progressThreshold = 50

/** Carriage return and erase the line: where the progress line was, nothing. */
const clearLine = '\r\u001B[K'

/** The progress line: `lint: 120/1000 files (12%)`. */
export function progressText(command: string, done: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((done * 100) / total)
  return `${command}: ${String(done).padStart(String(total).length)}/${total} files (${percent}%)`
}

/**
 * A progress line on stderr for a long run: only on a terminal (stderr a TTY), only for more
 * than `progressThreshold` files, redrawn at most every `interval` ms, and erased before
 * anything else is written (`clear`) and at the end, so it never stays in the output.
 */
export class Progress {
  readonly #stderr: Writer
  readonly #command: string
  readonly #total: number
  readonly #interval: number
  readonly #clock: () => number
  #shown = false
  #last = -Infinity

  constructor(stderr: Writer, command: string, total: number, options: {interval?: number; clock?: () => number} = {}) {
    this.#stderr = stderr
    this.#command = command
    this.#total = total
    this.#interval = options.interval ?? 100
    this.#clock = options.clock ?? Date.now
  }

  /** A progress line for `total` files, or `undefined` where none is shown (see the class). */
  static for(io: Pick<CliIo, 'stderr'>, command: string, total: number, wanted = true): Progress | undefined {
    return wanted && io.stderr.isTTY === true && total > progressThreshold ? new Progress(io.stderr, command, total) : undefined
  }

  /** `done` files of the total are done: redraw when the line is not shown or is old enough. */
  update(done: number): void {
    const now = this.#clock()
    if (this.#shown && now - this.#last < this.#interval && done < this.#total) return
    this.#stderr.write(clearLine + progressText(this.#command, done, this.#total))
    this.#shown = true
    this.#last = now
  }

  /** Erase the line (before other output, and at the end). */
  clear(): void {
    if (!this.#shown) return
    this.#stderr.write(clearLine)
    this.#shown = false
  }
}
