import {randomBytes} from 'node:crypto'
import {chmod, rename, stat, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * Replace `file` with `text` atomically: write a temporary file in the same folder, give it the
 * original's mode, then rename it over the original. The original is never half-written.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const info = await stat(file)
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, text, {mode: info.mode & 0o7777, flag: 'wx'})
    await chmod(temporary, info.mode & 0o7777)
    await stat(file) // still there? (a file deleted meanwhile is not recreated)
    await rename(temporary, file)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}
