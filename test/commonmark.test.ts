/**
 * Every example of the CommonMark specification (the `commonmark-spec` package) written as the
 * body of What Happened in a complete postmortem: formatting keeps every word, is a fixed point
 * and reads back as the same postmortem (SPEC R3, R4).
 */
import {createRequire} from 'node:module'
import {describe, expect, it} from 'vitest'
import {parse, stringify} from '../src/index.js'
import {lostWords} from '../src/lossless.js'
import {firstDifference} from '../scripts/fuzz.js'

interface Example {
  readonly markdown: string
  readonly number: number
  readonly section: string
}

// Note: the package writes tabs as `→`, as the specification's text shows them.
const examples = (createRequire(import.meta.url)('commonmark-spec') as {tests: Example[]}).tests.map((example) => ({...example, markdown: example.markdown.replace(/→/g, '\t')}))

// A short postmortem with sections before and after the body, so each example is read between
// headings as in a real document, and the 652 cases stay quick.
const base = `# Postmortem: HOTFIX-2291

**Date:** 2026-03-14
**Severity:** P1

## Executive Summary

Checkout failed for 47 minutes.

## Root Cause Analysis

### What Happened

### Why It Happened

**Immediate cause:** The pool was exhausted.

## What Went Well

1. Paging worked.
`
const marker = '### What Happened\n\n'
const at = base.indexOf(marker) + marker.length

describe('CommonMark examples inside a section', () => {
  it('are all there', () => {
    expect(examples).toHaveLength(652)
    expect(at).toBeGreaterThan(marker.length)
  })

  it('keep every word, are a fixed point and read back the same', () => {
    const failures: string[] = []
    for (const example of examples) {
      const text = base.slice(0, at) + example.markdown + '\n' + base.slice(at)
      const draft = parse(text)
      const once = stringify(draft)
      const again = parse(once)
      const lost = lostWords(text, once)
      const difference = firstDifference(draft, again)
      if (lost.length > 0 || difference !== '' || stringify(again) !== once) {
        failures.push(`example ${example.number} (${example.section}): lost ${lost.join(', ') || 'nothing'}, reads differently at ${difference || 'nowhere'}, fixed point ${stringify(again) === once}`)
      }
    }
    expect(failures).toEqual([])
  })
})
