import {parseDocument} from '../src/index.js'
import {expect, it} from 'vitest'

it('runs against the production builds of micromark (no development assertions)', () => {
  // `- -\n[ ] b` breaks an assertion of mdast-util-gfm-task-list-item's development build.
  const document = parseDocument('- -\n[ ] b')
  expect(document.findings.map((finding) => finding.ruleId)).not.toContain('internal-error')
  expect(document.parsed).toBe(true)
})
