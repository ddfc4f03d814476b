/** Reading an item package folder (`item.json`, `process.bpmn`, `rules/*`) into the files map of `loadItemPackage`. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file below `dir`, keyed by its path relative to `dir` with `/` separators. Hidden files are skipped. */
export async function readItemFolder(dir: string): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  const walk = async (current: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full, `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = await readFile(full);
    }
  };
  await walk(dir, '');
  return files;
}
