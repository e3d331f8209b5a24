/** What the CLI touches of the outside world, injected so tests run it in-process. */
export interface CliIo {
  /** Arguments after the program name. */
  readonly argv: readonly string[]
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdout: Writer
  readonly stderr: Writer
  /** Standard input, read whole (for `-`). */
  readonly stdin: () => Promise<string>
}

/** A text sink with a TTY flag (color only on a TTY). */
export interface Writer {
  write(text: string): void
  readonly isTTY?: boolean
}

/** A usage error: exit code 2 with a one-line message and a hint to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Exit codes (SPEC §6). */
export const exit = {ok: 0, findings: 1, usage: 2} as const
