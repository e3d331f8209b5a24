import {github} from './github.js'
import {json} from './json.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'
import type {Formatter} from './types.js'

/** Every output format of `postmortem lint --format`, by name. */
export const formatters: Readonly<Record<string, Formatter>> = {stylish, json, sarif, github}

export type {FileReport, FormatOptions, Formatter} from './types.js'
