/** The shipped item packages, read from `definitions/items/<code>/`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadItemPackage, type ItemDefinition } from '../../definitions/items/index.js';
import { readItemFolder } from '../../server/cases/item-folder.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The folder of a shipped item. */
export function itemFolder(code: string): string {
  return path.join(here, '../../definitions/items', code);
}

/** The files of a shipped item as text, to be changed by a test. */
export async function itemFiles(code: string): Promise<Record<string, string>> {
  const bytes = await readItemFolder(itemFolder(code));
  return Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, new TextDecoder().decode(v)]));
}

/** A shipped item, loaded; throws with the findings when refused. */
export async function shippedItem(code: string, version = 1): Promise<ItemDefinition> {
  const loaded = await loadItemPackage(await itemFiles(code), { version });
  if (!loaded.ok) throw new Error(loaded.findings.map((f) => `${f.file} ${f.element ?? f.row ?? f.field ?? ''}: ${f.message}`).join('\n'));
  return loaded.item;
}
