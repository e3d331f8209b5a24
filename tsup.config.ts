import {defineConfig} from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    remark: 'src/remark.ts',
    'cli/bin': 'src/cli/bin.ts',
    // Note: the worker threads of lint, fmt and stats over many files load this file by its
    // path (src/cli/pool.ts), so it is an entry of its own, beside bin.js.
    'cli/worker': 'src/cli/worker.ts'
  },
  format: ['esm'],
  dts: {entry: {index: 'src/index.ts', remark: 'src/remark.ts'}},
  target: 'node20',
  platform: 'neutral',
  clean: true,
  sourcemap: true,
  splitting: true,
  // Note: the JSON Schemas in schema/ are written from the built library after each build.
  onSuccess: 'node scripts/write-schemas.mjs'
})
