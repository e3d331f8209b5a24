/**
 * The entry of a worker thread of `lint`, `fmt` and `stats` over many files (see `pool.ts`):
 * tinypool calls the default export with each task.
 */
import {runTask, type Task, type TaskResult} from './tasks.js'

export default function work(task: Task): Promise<TaskResult> {
  return runTask(task)
}
