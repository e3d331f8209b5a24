/**
 * The entry of a worker thread of `lint`, `fmt` and `stats` over many files (see `pool.ts`): it
 * takes the command's job once, then works on the batches of files the main thread sends.
 */
import {parentPort, workerData} from 'node:worker_threads'
import type {BatchMessage, BatchReply} from './pool.js'
import {FileWork, type FileOutput, type Job} from './tasks.js'

const work = new FileWork((workerData as {job: Job}).job)

async function answer(message: BatchMessage): Promise<void> {
  let reply: BatchReply
  try {
    const outputs: FileOutput[] = []
    for (const task of message.tasks) outputs.push(await work.run(task))
    reply = {batch: message.batch, outputs}
  } catch (error) {
    reply = {batch: message.batch, failed: error instanceof Error ? (error.stack ?? error.message) : String(error)}
  }
  parentPort?.postMessage(reply)
}

// Note: batches are worked on one after the other, in the order they come.
let queue = Promise.resolve()
parentPort?.on('message', (message: BatchMessage) => {
  queue = queue.then(() => answer(message))
})
