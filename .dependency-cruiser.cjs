/** Import rules for src/, checked by `npm run check:imports` (and in the test suite). */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules of src/ import each other in one direction only: a cycle ties two modules into one.',
      from: {path: '^src/'},
      to: {circular: true}
    },
    {
      name: 'core-is-browser-safe',
      severity: 'error',
      comment: 'Only the command line touches the file system: the core imports no node: module.',
      from: {path: '^src/', pathNot: '^src/cli/'},
      to: {dependencyTypes: ['core']}
    }
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {extensions: ['.ts', '.js']}
  }
}
