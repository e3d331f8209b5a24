import {defineConfig} from 'tsup'

export default defineConfig([
  {
    // The library: its dependencies stay imports, for users' bundlers and package managers to share.
    entry: {index: 'src/index.ts', remark: 'src/remark.ts'},
    format: ['esm'],
    dts: {entry: {index: 'src/index.ts', remark: 'src/remark.ts'}},
    target: 'node20',
    platform: 'neutral',
    // Note: dist/cli/ is the other build's, written at the same time.
    clean: ['!cli/**'],
    sourcemap: true,
    splitting: true,
    // Note: the JSON Schemas in schema/ are written from the built library after each build.
    onSuccess: 'node scripts/write-schemas.mjs'
  },
  {
    // The command line, with its dependencies in it: a cold start reads a few files instead of
    // resolving and compiling some 300 modules. Each command stays a chunk of its own, loaded
    // only when it runs, so `--help` and `--version` load no dependency at all.
    entry: {bin: 'src/cli/bin.ts', worker: 'src/cli/worker.ts'},
    outDir: 'dist/cli',
    // Note: but the charting libraries of `report`, loaded only when it writes HTML: from
    // node_modules, as before, they start as fast and are not in the package twice.
    noExternal: [/^(?!@observablehq\/plot$|linkedom$)/],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    clean: true,
    // Note: no source maps, which would weigh more than the code; each module's code in a chunk
    // follows a comment naming its source file, so a stack trace still reads.
    sourcemap: false,
    splitting: true,
    // Note: dependencies written as CommonJS (yaml, ignore) call `require`, which an ES module
    // has not: each chunk makes its own.
    banner: {js: "import {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);"}
  }
])
