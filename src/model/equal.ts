/**
 * Whether two JSON-like values (drafts, findings) are equal: the same primitives, arrays of equal
 * items, objects with the same keys holding equal values. Browser-safe, iterative.
 */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]]
  while (stack.length > 0) {
    const [left, right] = stack.pop()!
    if (Object.is(left, right)) continue
    if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') return false
    if (Array.isArray(left) !== Array.isArray(right)) return false
    const leftKeys = Object.keys(left)
    const rightKeys = Object.keys(right)
    if (leftKeys.length !== rightKeys.length) return false
    for (const key of leftKeys) {
      if (!Object.hasOwn(right, key)) return false
      stack.push([(left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]])
    }
  }
  return true
}
