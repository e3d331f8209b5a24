#!/usr/bin/env node
import {text} from 'node:stream/consumers'
import {main} from './main.js'

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: () => text(process.stdin)
})
