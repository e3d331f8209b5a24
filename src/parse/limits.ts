/** Default limits: inputs over them are not parsed (remark is neither linear nor stack-safe past them). */
export const defaultLimits = {maxSize: 10 * 1024 * 1024, maxDepth: 64} as const

/** Why an input is refused, and where. */
export interface LimitProblem {
  readonly message: string
  readonly offset: number
}

/**
 * A linear pre-scan for what remark cannot parse in reasonable time or stack: inputs over the
 * size limit, and lines nested deeper than the depth limit (block quotes and list markers at the
 * start of a line, and the indentation in front of them).
 *
 * Indentation nests only into containers that are open: a line's depth is its own markers plus
 * at most the depth of the last line that had markers (two columns a level). So an indented line
 * in a code block (a deeply indented YAML list in a fence) is not taken for deep nesting, while
 * a list nested one level a line (`- a`, `  - b`, `    - c`, …) still is.
 */
export function checkLimits(text: string, options: {maxSize?: number; maxDepth?: number} = {}): LimitProblem | undefined {
  const maxSize = options.maxSize ?? defaultLimits.maxSize
  const maxDepth = options.maxDepth ?? defaultLimits.maxDepth
  if (text.length > maxSize) {
    return {message: `Unexpected input of ${text.length} characters, expected at most ${maxSize}: not parsed`, offset: 0}
  }
  let lineStart = 0
  // Depth of the containers the last line with markers opened (lazy and blank lines keep them).
  let open = 0
  while (lineStart <= text.length) {
    let index = lineStart
    let depth = 0
    let spaces = 0
    for (;;) {
      const code = text.charCodeAt(index)
      if (code === 32) {
        if (depth === 0) spaces++
        index++
      } else if (code === 9) {
        if (depth === 0) spaces += 4
        index++
      } else if (code === 62) {
        depth++
        index++
      } else if ((code === 45 || code === 42 || code === 43) && isSpaceOrEnd(text.charCodeAt(index + 1))) {
        depth++
        index++
      } else if (code >= 48 && code <= 57) {
        let end = index
        while (end - index < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++
        const marker = text.charCodeAt(end)
        if ((marker === 46 || marker === 41) && isSpaceOrEnd(text.charCodeAt(end + 1))) {
          depth++
          index = end + 1
        } else {
          break
        }
      } else {
        break
      }
    }
    // Indentation in front of nested markers is nesting too (two columns a level at least), but
    // only into containers already open.
    const total = depth > 0 ? depth + Math.min(Math.floor(spaces / 2), open) : 0
    if (depth > 0) open = total
    if (total > maxDepth) {
      return {message: `Unexpected nesting ${total} levels deep, expected at most ${maxDepth}: not parsed`, offset: lineStart}
    }
    const next = text.indexOf('\n', lineStart)
    if (next === -1) break
    lineStart = next + 1
  }
  return undefined
}

function isSpaceOrEnd(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || Number.isNaN(code)
}
