/**
 * Uploaded materials on local disk: stored by content, written whole (temporary file, flushed, renamed into
 * place) so a committed case never points at a torn file, and a torn file left by a crash is replaced.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalDiskStorage } from '../../server/cases/file-storage.js';

// Records which paths were flushed to disk (FileHandle.sync), to see the write is durable before `put` answers.
const synced = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      synced.push(String(args[0]));
      return sync();
    };
    return handle;
  };
  return { ...real, open, default: { ...real, open } };
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const storage = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-files-'));
  dirs.push(dir);
  return { dir, files: new LocalDiskStorage(dir) };
};
const pdf = Buffer.from('%PDF-1.7\n营业执照复印件\n%%EOF\n', 'utf8');

describe('local disk storage of materials', () => {
  it('stores a file by its content and leaves no temporary file beside it', async () => {
    const { dir, files } = storage();
    const stored = await files.put(pdf, { name: '营业执照.pdf' });
    expect(stored).toMatchObject({ ref: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), size: pdf.byteLength, contentType: 'application/pdf', name: '营业执照.pdf' });
    expect(Buffer.from((await files.get(stored.ref))!)).toEqual(pdf);
    const shard = path.join(dir, stored.sha256.slice(0, 2));
    expect(readdirSync(shard)).toEqual([stored.sha256]);
    // Flushed before it answered: the file (under its temporary name), then the directories holding its name.
    expect(synced).toEqual([dir, expect.stringMatching(new RegExp(`^${shard}/\\.${stored.sha256}\\.[0-9a-f]{12}\\.tmp$`)), shard]);
    // The same bytes again are the same material, one file.
    expect((await files.put(pdf, { name: '副本.pdf' })).ref).toBe(stored.ref);
    expect(readdirSync(shard)).toEqual([stored.sha256]);
  });

  it('replaces a torn file a crash left at the content address', async () => {
    const { dir, files } = storage();
    const first = await files.put(pdf, { name: 'a.pdf' });
    const file = path.join(dir, first.sha256.slice(0, 2), first.sha256);
    writeFileSync(file, pdf.subarray(0, 7));
    await files.put(pdf, { name: 'a.pdf' });
    expect(Buffer.from((await files.get(first.ref))!)).toEqual(pdf);
  });

  it('makes its directory again when it was removed under it', async () => {
    const { dir, files } = storage();
    const first = await files.put(pdf, { name: 'a.pdf' });
    rmSync(path.join(dir, first.sha256.slice(0, 2)), { recursive: true });
    const again = await files.put(pdf, { name: 'a.pdf' });
    expect(Buffer.from((await files.get(again.ref))!)).toEqual(pdf);
    expect(await files.get('sha256:' + '0'.repeat(64))).toBeUndefined();
  });
});
