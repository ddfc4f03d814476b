/**
 * The `FileStorage` port for uploaded materials, and its local-disk adapter. Files are stored by content
 * (sha256), so a material's reference doubles as its checksum; materials issued by another department are
 * referenced through the certificate library and never uploaded.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
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
    if (!this.made.has(shard)) await this.makeShard(shard);
    // Content-addressed: a file already there with these bytes is this material; one that is not (torn by a
    // crash of an earlier version that wrote in place) is replaced.
    if (!(await this.holds(file, sha256))) {
      try {
        await this.writeDurably(shard, file, bytes);
      } catch (error) {
        // The directory was removed under us (an operator, a test): make it again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await this.makeShard(shard);
        await this.writeDurably(shard, file, bytes);
      }
    }
    return { ref: `sha256:${sha256}`, sha256, size: bytes.byteLength, contentType: sniffContentType(bytes, meta.contentType), name: meta.name };
  }

  /**
   * Writes `bytes` so that a case committed after `put` never points at a missing or torn file: into a
   * temporary file, flushed to disk, renamed into place (atomic on POSIX), then the directory flushed so the
   * new name survives a power cut too. The case's own commit (WAL, synchronous=FULL) comes after.
   */
  private async writeDurably(shard: string, file: string, bytes: Uint8Array): Promise<void> {
    const tmp = path.join(shard, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(tmp, { force: true });
      throw error;
    }
    await handle.close();
    await rename(tmp, file);
    await syncDirectory(shard);
  }

  private async makeShard(shard: string): Promise<void> {
    await mkdir(shard, { recursive: true });
    await syncDirectory(path.dirname(shard));
    this.made.add(shard);
  }

  private async holds(file: string, sha256: string): Promise<boolean> {
    try {
      return createHash('sha256').update(await readFile(file)).digest('hex') === sha256;
    } catch {
      return false;
    }
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

/** Flushes a directory's entries (a new or renamed file's name) to disk. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
