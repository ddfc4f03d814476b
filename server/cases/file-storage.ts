/**
 * The `FileStorage` port for uploaded materials, and its local-disk adapter. Files are stored by content
 * (sha256), so a material's reference doubles as its checksum; materials issued by another department are
 * referenced through the certificate library and never uploaded.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the storage knows of a stored file. */
export interface StoredFile {
  /** `sha256:<hex>`: the content address. */
  ref: string;
  sha256: string;
  size: number;
  contentType: string;
  name: string;
}

/** Where uploaded materials are kept. */
export interface FileStorage {
  put(bytes: Uint8Array, meta: { name: string; contentType?: string }): Promise<StoredFile>;
  get(ref: string): Promise<Uint8Array | undefined>;
}

const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // OFD (the national format for e-documents) is a ZIP container.
  { type: 'application/ofd', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

/** The content type the bytes show, falling back to the declared one, then to octet-stream. */
export function sniffContentType(bytes: Uint8Array, declared?: string): string {
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (found && !(found.type === 'application/ofd' && declared && declared !== 'application/ofd')) return found.type;
  return declared ?? 'application/octet-stream';
}

/** Files in a directory, addressed by their sha256 (`<dir>/<first 2 hex>/<hex>`). */
export class LocalDiskStorage implements FileStorage {
  /** The 256 shard directories known to exist: each upload used to pay a recursive mkdir. */
  private readonly made = new Set<string>();

  constructor(private readonly dir: string) {}

  async put(bytes: Uint8Array, meta: { name: string; contentType?: string }): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.pathOf(sha256);
    const shard = path.dirname(file);
    if (!this.made.has(shard)) {
      await mkdir(shard, { recursive: true });
      this.made.add(shard);
    }
    try {
      await writeFile(file, bytes);
    } catch (error) {
      // The directory was removed under us (an operator, a test): make it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(shard, { recursive: true });
      await writeFile(file, bytes);
    }
    return { ref: `sha256:${sha256}`, sha256, size: bytes.byteLength, contentType: sniffContentType(bytes, meta.contentType), name: meta.name };
  }

  async get(ref: string): Promise<Uint8Array | undefined> {
    const m = /^sha256:([0-9a-f]{64})$/.exec(ref);
    if (!m) return undefined;
    try {
      return await readFile(this.pathOf(m[1]!));
    } catch {
      return undefined;
    }
  }

  private pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }
}
