import {defineConfig} from 'vitest/config'

// Note: run the unified ecosystem's production builds, as plain Node does. Vite picks the
// `development` export condition unless NODE_ENV is `production`, and micromark's development
// builds assert internal invariants that fuzzed input can break (src/model/markdown.ts guards
// the library itself against that).
process.env.NODE_ENV = 'production'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
