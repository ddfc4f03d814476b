/**
 * Decoding a BPMN file's bytes as its XML declaration says (XML 1.0 §4.3.3 and appendix F).
 * Node's TextDecoder carries full ICU, so UTF-16, GBK, GB18030 and the ISO-8859 family all decode here.
 */

/** The text of a file, or why its bytes could not be read as the encoding it declares. */
export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; message: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Encoding family from the byte order mark or, lacking one, from how `<?` is spelled (XML 1.0 appendix F.1). */
function sniff(bytes: Uint8Array): { family: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number } {
  if (startsWith(bytes, UTF8_BOM)) return { family: 'utf-8', bom: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { family: 'utf-16le', bom: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { family: 'utf-16be', bom: 2 };
  if (startsWith(bytes, [0x3c, 0x00, 0x3f, 0x00])) return { family: 'utf-16le', bom: 0 };
  if (startsWith(bytes, [0x00, 0x3c, 0x00, 0x3f])) return { family: 'utf-16be', bom: 0 };
  return { family: 'utf-8', bom: 0 };
}

/** The `encoding="…"` of the XML declaration, read from text decoded in the sniffed family. */
function declaredEncoding(head: string): string | undefined {
  const decl = /^\s*<\?xml\s[^?]*?\?>/.exec(head);
  if (!decl) return undefined;
  return /\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(decl[0])?.[1];
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
}

/**
 * Decodes XML bytes. The byte order mark wins for UTF-16/UTF-8 families; otherwise the declared encoding is
 * used, and UTF-8 when none is declared (XML 1.0 §4.3.3). Bytes that are not valid in that encoding, an
 * unknown encoding name, or a declaration that contradicts the byte order mark are refused with a message.
 */
export function decodeXml(bytes: Uint8Array): DecodeResult {
  const { family, bom } = sniff(bytes);
  const headDecoder = new TextDecoder(family);
  const head = headDecoder.decode(bytes.subarray(bom, Math.min(bytes.length, bom + 512)));
  const declared = declaredEncoding(head);
  let label: string = family;
  if (declared) {
    const decoder = decoderFor(declared);
    if (!decoder) return { ok: false, message: `the declared encoding '${declared}' is not supported` };
    const declaredFamily = decoder.encoding.startsWith('utf-16') ? 'utf-16' : decoder.encoding;
    const sniffedFamily = family.startsWith('utf-16') ? 'utf-16' : family;
    // A byte order mark or a UTF-16 layout fixes the encoding; a declaration that says otherwise is a fatal
    // error (XML 1.0 §4.3.3). An ASCII-compatible start without a BOM may declare any ASCII-compatible encoding.
    if ((bom > 0 || sniffedFamily === 'utf-16') && declaredFamily !== sniffedFamily) {
      return {
        ok: false,
        message: `the file starts as ${family.toUpperCase()} but declares encoding '${declared}'`,
      };
    }
    if (sniffedFamily !== 'utf-16') label = decoder.encoding;
  }
  const decoder = decoderFor(label)!;
  try {
    return { ok: true, text: decoder.decode(bytes.subarray(bom)), encoding: decoder.encoding };
  } catch {
    return {
      ok: false,
      message: `the bytes are not valid ${declared ?? label.toUpperCase()}${declared ? ' (the declared encoding)' : ' (no encoding declared, so UTF-8 is assumed)'}`,
    };
  }
}
