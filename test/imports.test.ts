import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {expect, it} from 'vitest'
import {root} from './helpers.js'

it('src/ has no import cycle, and only the command line imports node: modules', () => {
  const bin = path.join(root, 'node_modules', '.bin', 'depcruise')
  const run = (): string => execFileSync(bin, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {cwd: root, encoding: 'utf8'})
  expect(run).not.toThrow()
  expect(run()).toMatch(/no dependency violations found/)
})
