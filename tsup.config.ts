import {defineConfig} from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'cli/bin': 'src/cli/bin.ts'
  },
  format: ['esm'],
  dts: {entry: {index: 'src/index.ts'}},
  target: 'node20',
  platform: 'neutral',
  clean: true,
  sourcemap: true,
  splitting: true
})
