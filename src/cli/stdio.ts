import type {Writer} from './io.js'

/** The part of a Node stream a `Writer` needs (`process.stdout`, a socket, a file stream). */
export interface NodeWritable {
  write(text: string): unknown
  on(event: 'error', listener: (error: Error & {code?: string}) => void): unknown
  readonly isTTY?: boolean
}

/**
 * A `Writer` over a Node stream that goes quiet when its reader goes away
 * (`postmortem lint . | head -1`): the stream's `EPIPE` ends the output instead of crashing the
 * process with an unhandled `error` event, and the command runs on to the exit code it would
 * have had. Any other write error ends the output too.
 */
export function quietOnClose(stream: NodeWritable): Writer & {readonly closed: boolean} {
  let closed = false
  stream.on('error', () => {
    closed = true
  })
  return {
    write(text: string): void {
      if (!closed) stream.write(text)
    },
    get closed(): boolean {
      return closed
    },
    ...(stream.isTTY === undefined ? {} : {isTTY: stream.isTTY})
  }
}
