#!/usr/bin/env node
import {text} from 'node:stream/consumers'
import {main} from './main.js'
import {quietOnClose} from './stdio.js'

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: quietOnClose(process.stdout),
  stderr: quietOnClose(process.stderr),
  stdin: () => text(process.stdin)
})
