/**
 * The sample items shipped in `definitions/items/<item>/` (item.json + process.bpmn + rules/). Until the
 * item-package loader of the case lifecycle is wired in, a sample is deployed as a plain BPMN definition,
 * and its department gets demo users. With no item directory present, both functions do nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadDefinition } from '../definitions/load-definition.js';
import type { DemoDepartment } from './identity/seed.js';
import { deployOwned, ownerOf } from './queries/definitions.js';
import './plugins/types.js';

/** Where the sample items live in the repository. */
export const SAMPLE_ITEMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../definitions/items');

/** A sample item found on disk. */
export interface SampleItem {
  key: string;
  department: string;
  bpmnFile: string;
}

function departmentOf(item: Record<string, unknown>): string | undefined {
  const body = item.implementingBody as { name?: unknown } | undefined;
  const candidates = [item.department, item.lead, body?.name];
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
}

/** The items with an `item.json` and a `process.bpmn`; [] when the directory is missing or empty. */
export function discoverSampleItems(dir = SAMPLE_ITEMS_DIR): SampleItem[] {
  if (!existsSync(dir)) return [];
  const items: SampleItem[] = [];
  for (const name of readdirSync(dir).sort()) {
    const itemFile = path.join(dir, name, 'item.json');
    const bpmnFile = path.join(dir, name, 'process.bpmn');
    if (!existsSync(itemFile) || !existsSync(bpmnFile)) continue;
    const item = JSON.parse(readFileSync(itemFile, 'utf8')) as Record<string, unknown>;
    // The implementation code (实施编码) is the item's deployment key; the folder name stands in without one.
    const key = [item.code, item.key].find((k): k is string => typeof k === 'string' && /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(k)) ?? name;
    items.push({ key, department: departmentOf(item) ?? 'market-supervision', bpmnFile });
  }
  return items;
}

/** Demo departments for the samples' departments (user ids `dept1-staff` … when a name is not ASCII). */
export function sampleDepartments(items: readonly SampleItem[]): DemoDepartment[] {
  const names = [...new Set(items.map((i) => i.department))];
  return names.map((department, i) => ({
    department,
    slug: /^[a-z0-9-]{2,40}$/.test(department) ? department : `dept${i + 1}`,
    groups: ['clerk', 'reviewer', 'chief'],
  }));
}

/**
 * Deploys every sample item whose key is not deployed yet. A refused sample is logged with its findings and
 * skipped: a bad sample must not keep the server from starting. No-op when there are no samples.
 */
export async function deploySampleItems(app: FastifyInstance, items: readonly SampleItem[] = discoverSampleItems()): Promise<string[]> {
  const deployed: string[] = [];
  for (const item of items) {
    if ((await ownerOf(app.store.knex, item.key)) !== undefined) continue;
    const source = readFileSync(item.bpmnFile);
    const loaded = await loadDefinition(source, { key: item.key });
    if (!loaded.ok) {
      app.log.warn({ item: item.key, findings: loaded.findings.filter((f) => f.severity === 'error') }, 'sample item refused');
      continue;
    }
    await deployOwned(app.store.knex, { loaded: loaded.definition, department: item.department, sourceXml: source.toString('utf8'), at: new Date().toISOString() });
    deployed.push(item.key);
  }
  if (deployed.length) app.log.info({ items: deployed }, 'sample items deployed');
  return deployed;
}
