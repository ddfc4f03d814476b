/** Reads the limits of the reference items from the shared catalogue (domain/catalog.json). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Limit } from '../../engine/clocks/index.js';
import { sharedDir } from '../support/shared.js';

interface CatalogItem {
  id: string;
  statutoryLimit: Limit & { extension?: Limit & { approver: string } };
  promisedLimit: Limit;
  coDepartments?: { dept: string; promisedLimit: Limit }[];
}

const catalog = JSON.parse(readFileSync(path.join(sharedDir, 'domain/catalog.json'), 'utf8')) as { items: CatalogItem[] };

/** The catalogue entry of an item, e.g. `item('ITEM-04')`. */
export function item(id: string): CatalogItem {
  const found = catalog.items.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id} in catalog.json`);
  return found;
}

/** A limit without the catalogue's extra fields. */
export function limitOf(l: Limit): Limit {
  return { value: l.value, unit: l.unit };
}
