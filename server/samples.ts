/**
 * The sample items shipped in `definitions/items/<code>/` (item.json + process.bpmn + rules/), deployed by
 * `npm start` as item packages: a new version only when a package differs from the item's latest version,
 * so restarts add nothing. Their departments and step roles give the demo users of a first start. With no
 * item directory present, every function here does nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadItemPackage, type ItemDefinition, type ItemFinding } from '../definitions/items/index.js';
import { readItemFolder } from './cases/item-folder.js';
import { deployItemVersion, samePackage } from './cases/item-deployment.js';
import { inTransaction } from './http/item-deploys.js';
import type { DeployResult } from './cases/deploy-item.js';
import { reserveItemCode } from './cases/item-reservations.js';
import type { DemoDepartment } from './identity/seed.js';
import './plugins/types.js';

/** Where the sample items live in the repository. */
export const SAMPLE_ITEMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../definitions/items');

/** A sample item package found on disk, loaded once to learn its departments and roles. */
export interface SampleItem {
  /** The folder name. */
  folder: string;
  files: Record<string, Uint8Array>;
  /** The package as version 1, or the findings that refuse it. */
  loaded: { ok: true; item: ItemDefinition } | { ok: false; findings: ItemFinding[] };
}

/** Short ASCII user-id prefixes for the departments of the shipped samples; others get `dept<n>`. */
const SLUGS: Readonly<Record<string, string>> = {
  区市场监督管理局: 'market',
  区公安分局: 'police',
  区卫生健康委员会: 'health',
  区消防救援大队: 'fire',
  市生态环境局: 'ecology',
  市不动产登记中心: 'realestate',
};

/** The folders with an `item.json`, loaded; [] when the directory is missing or empty. */
export async function loadSampleItems(dir = SAMPLE_ITEMS_DIR): Promise<SampleItem[]> {
  if (!existsSync(dir)) return [];
  const items: SampleItem[] = [];
  for (const folder of readdirSync(dir).sort()) {
    if (!existsSync(path.join(dir, folder, 'item.json'))) continue;
    const files = await readItemFolder(path.join(dir, folder));
    const loaded = await loadItemPackage(files);
    items.push({ folder, files, loaded: loaded.ok ? { ok: true, item: loaded.item } : { ok: false, findings: loaded.findings } });
  }
  return items;
}

/**
 * Demo departments for the samples: each implementing body, co-department and step department, with the
 * step roles its tasks name as groups; the implementing body's admin also holds the role that approves an
 * extension (agency-head …).
 */
export function sampleDepartments(items: readonly SampleItem[]): DemoDepartment[] {
  const groups = new Map<string, Set<string>>();
  const adminGroups = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, department: string, ...names: Array<string | undefined>) => {
    const set = map.get(department) ?? new Set<string>();
    for (const n of names) if (n) set.add(n);
    map.set(department, set);
  };
  for (const { loaded } of items) {
    if (!loaded.ok) continue;
    const { listing, definition } = loaded.item;
    add(groups, listing.implementingBody.name);
    for (const co of listing.joint?.coDepartments ?? []) add(groups, co.department);
    for (const node of Object.values(definition.nodes)) {
      if (node.approval?.department) add(groups, node.approval.department, node.approval.role, ...(node.approval.candidateGroups ?? []));
    }
    add(adminGroups, listing.implementingBody.name, listing.statutoryLimit.extension?.approverRole);
  }
  return [...groups.keys()].sort().map((department, i) => ({
    department,
    slug: SLUGS[department] ?? `dept${i + 1}`,
    groups: [...groups.get(department)!].sort(),
    adminGroups: [...(adminGroups.get(department) ?? [])].sort(),
  }));
}

/**
 * Deploys every sample whose package differs from its item's latest version (or that is not deployed yet);
 * returns `code@version` of each new version. A refused sample is logged with its findings and skipped: a
 * bad sample must not keep the server from starting.
 */
export async function deploySampleItems(app: FastifyInstance, items: readonly SampleItem[]): Promise<string[]> {
  const deployed: string[] = [];
  for (const sample of items) {
    if (!sample.loaded.ok) {
      app.log.warn({ item: sample.folder, findings: sample.loaded.findings.filter((f) => f.severity === 'error') }, 'sample item refused');
      continue;
    }
    const { code, listing } = sample.loaded.item;
    // The shipped catalogue's codes are the reform office's: reserved for their departments at every start.
    const department = listing.implementingBody.name;
    const reserved = await app.audit.transaction(async (trx) => {
      const r = await reserveItemCode(trx, { code, department, name: listing.name, by: 'system:samples', at: new Date().toISOString() });
      return { result: r, ...(r.ok && r.created ? { audit: { actorId: 'system:samples', action: 'item.reserved', target: code, details: { department } } } : {}) };
    });
    if (!reserved.ok) app.log.warn({ item: code, reason: reserved.conflict.message }, 'sample item code taken');
    const latest = await app.cases.items.latestVersion(code);
    const stored = latest > 0 ? await app.cases.items.get(code, latest).catch(() => undefined) : undefined;
    if (stored && samePackage(sample.files, stored)) continue;
    const known = (await app.cases.items.find(code))?.department;
    const result = await app.audit.transaction<DeployResult>(async (trx) => {
      const deployed = await deployItemVersion(sample.files, {
        ...inTransaction(trx), at: new Date().toISOString(), by: 'system:samples', ...(known ? { expect: { code, department: known } } : {}),
      });
      if (!deployed.ok) return { result: deployed };
      return { result: deployed, audit: { actorId: 'system:samples', action: 'item.deployed', target: `${code}@${deployed.item.version}`, details: { department: deployed.item.listing.implementingBody.name } } };
    });
    if (!result.ok) {
      app.log.warn({ item: code, findings: result.findings.filter((f) => f.severity === 'error') }, 'sample item refused');
      continue;
    }
    deployed.push(`${code}@${result.item.version}`);
  }
  if (deployed.length) app.log.info({ items: deployed }, 'sample items deployed');
  return deployed;
}
