import {github, githubFormat} from './github.js'
import {json, jsonFormat} from './json.js'
import {sarif, sarifFormat} from './sarif.js'
import {stylish, stylishFormat} from './stylish.js'
import type {Formatter, ReportFormat} from './types.js'

/** Every output format of `postmortem lint --format`, by name. */
export const formatters: Readonly<Record<string, Formatter>> = {stylish, json, sarif, github}

/** Every output format, one file at a time (see `ReportFormat`), by name. */
export const reportFormats: Readonly<Record<string, ReportFormat>> = {stylish: stylishFormat, json: jsonFormat, sarif: sarifFormat, github: githubFormat}

export type {FileReport, FormatOptions, Formatter, ReportAssembler, ReportFormat, ReportPiece} from './types.js'
