/** The cache behind `--cache`: keys, and a file per command read and written safely. */
import {mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cacheKey, cacheSalt, ResultCache} from '../src/cli/cache.js'

describe('cache keys and files', () => {
  it('a key changes with the text, the options and the version; the order of option keys does not matter', () => {
    const salt = cacheSalt('0.1.0', 'lint', {rules: {'heading-text': 'error', severity: 'off'}, now: '2026-03-20'})
    expect(cacheSalt('0.1.0', 'lint', {now: '2026-03-20', rules: {severity: 'off', 'heading-text': 'error'}})).toBe(salt)
    const key = cacheKey(salt, '# Postmortem\n')
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(cacheKey(salt, '# Postmortem\n')).toBe(key)
    expect(cacheKey(salt, '# Postmortem \n')).not.toBe(key)
    expect(cacheKey(cacheSalt('0.1.1', 'lint', {rules: {'heading-text': 'error', severity: 'off'}, now: '2026-03-20'}), '# Postmortem\n')).not.toBe(key)
    expect(cacheKey(cacheSalt('0.1.0', 'fmt', {rules: {'heading-text': 'error', severity: 'off'}, now: '2026-03-20'}), '# Postmortem\n')).not.toBe(key)
    expect(cacheKey(cacheSalt('0.1.0', 'lint', {rules: {'heading-text': 'warning', severity: 'off'}, now: '2026-03-20'}), '# Postmortem\n')).not.toBe(key)
    expect(cacheKey(cacheSalt('0.1.0', 'lint', {rules: {'heading-text': 'error', severity: 'off'}, now: '2026-03-21'}), '# Postmortem\n')).not.toBe(key)
  })

  it('saves atomically and reads back; an unreadable or foreign file reads as empty', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pm-cache-unit-'))
    const cache = await ResultCache.open(folder, 'lint')
    expect(cache.entry('/a.md')).toBeUndefined()
    cache.set('/a.md', 'k1', [])
    cache.set('/__proto__', 'k2', [])
    await cache.save()
    expect(readdirSync(folder)).toEqual(['lint.json'])
    const again = await ResultCache.open(folder, 'lint')
    expect(again.entry('/a.md')).toEqual({key: 'k1', value: []})
    expect(again.entry('/__proto__')).toEqual({key: 'k2', value: []})
    writeFileSync(path.join(folder, 'lint.json'), JSON.stringify({layout: 1, entries: {'/a.md': {key: 'k1', value: []}}}))
    expect((await ResultCache.open(folder, 'lint')).entry('/a.md')).toBeUndefined()
  })
})
