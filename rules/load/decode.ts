/**
 * Turns the bytes of a table file into text. UTF-8 (with or without BOM) and UTF-16 with a BOM are
 * accepted; anything else is refused with the byte offset of the first bad sequence, because a table
 * whose Chinese text was saved in GBK would otherwise load with garbled legal citations.
 */
import { RuleTableError } from '../errors.js';
import { said } from '../said.js';

/** Finds the first byte offset that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra = 0;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return i;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return -1;
}

/** Decodes a file's bytes (or passes a string through). Throws {@link RuleTableError} naming the file. */
export function decodeSource(source: string | Uint8Array, fileName: string): string {
  if (typeof source === 'string') return source.replace(/^\uFEFF/, '');
  const b = source;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return decodeUtf8(b.subarray(3), fileName, 3);
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return decodeUtf8(b, fileName, 0);
}

function decodeUtf8(bytes: Uint8Array, fileName: string, shift: number): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const line = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).split('\n').length;
    throw new RuleTableError(`${fileName}: cannot read the file`, [
      {
        code: 'encoding',
        severity: 'error',
        file: fileName,
        path: `${line}`,
        message:
          `byte ${bad + shift} (line ${line}) is not valid UTF-8; save the file as UTF-8 ` +
          `(files saved as GBK/GB2312 must be converted first)`,
        ...said('FILE_NOT_UTF8', { file: fileName, byte: bad + shift, line }),
      },
    ]);
  }
  return new TextDecoder('utf-8').decode(bytes);
}
