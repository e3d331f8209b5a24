/** Field paths (`impact.usersAffected`, `timeline[2].time`): reading and writing them in a model. */

/** Read a dotted field path (`impact.usersAffected`, `timeline[2].time`) from a model. */
export function getPath(model: unknown, path: string): unknown {
  let value: unknown = model
  for (const key of splitPath(path)) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[key]
  }
  return value
}

/** Write a dotted field path into a model, creating the objects on the way. */
export function setPath(model: unknown, path: string, value: unknown): void {
  const keys = splitPath(path)
  const last = keys.pop()!
  let target = model as Record<string | number, unknown>
  for (const key of keys) {
    if (target[key] === undefined || target[key] === null) target[key] = {}
    target = target[key] as Record<string | number, unknown>
  }
  target[last] = value
}

/** `a.b[2].c` → `['a', 'b', 2, 'c']`. */
export function splitPath(path: string): (string | number)[] {
  const keys: (string | number)[] = []
  for (const part of path.split('.')) {
    const open = part.indexOf('[')
    if (open === -1) {
      keys.push(part)
      continue
    }
    keys.push(part.slice(0, open))
    for (const index of part.slice(open).split(']')) if (index.startsWith('[')) keys.push(Number(index.slice(1)))
  }
  return keys
}
