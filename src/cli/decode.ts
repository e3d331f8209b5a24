/**
 * Reading bytes as text: UTF-8 only, strictly. Note: a module of its own, without dependencies,
 * so the CLI's entry can decode standard input without loading the file search.
 */

/** Bytes that are not UTF-8, at the line and column of the first invalid byte. */
export class EncodingError extends Error {
  constructor(
    readonly line: number,
    readonly column: number
  ) {
    super(`not valid UTF-8 (the byte at line ${line}, column ${column} is not part of a UTF-8 character); save it as UTF-8`)
    this.name = 'EncodingError'
  }
}

/** A strict decoder, kept: each `decode` call without `stream` starts afresh. */
const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Decode UTF-8, keeping a byte-order mark as the text's first character (so `fmt` writes it
 * back). Throws an `EncodingError` for bytes that are not UTF-8: such a file is never read with
 * replacement characters, so it is never rewritten with them.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes)
  } catch {
    const offset = firstInvalidByte(bytes)
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1
    let line = 1
    for (let index = 0; index < lineStart; index++) if (bytes[index] === 0x0a) line++
    const column = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes.subarray(lineStart, offset)).length + 1
    throw new EncodingError(line, column)
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    // The length of the sequence and the range of its second byte (no overlongs, no surrogates).
    let length = 0
    let low = 0x80
    let high = 0xbf
    if (lead < 0x80) length = 1
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) [length, low, high] = [3, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf]
    else if (lead >= 0xf0 && lead <= 0xf4) [length, low, high] = [4, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf]
    else return index
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return index
    }
    index += length
  }
  return bytes.length
}
