#!/usr/bin/env node
import {buffer} from 'node:stream/consumers'
import {decodeUtf8} from './decode.js'
import {main} from './main.js'
import {quietOnClose} from './stdio.js'

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: quietOnClose(process.stdout),
  stderr: quietOnClose(process.stderr),
  stdin: async () => decodeUtf8(await buffer(process.stdin))
})
