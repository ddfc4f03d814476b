/**
 * Item deployments as the server makes them: a package becomes the item's next version (`deployItem`), and
 * its code is recorded as owned by the implementing department, so that the plain definition route cannot
 * deploy over an item in another department's name. Also: whether a package differs from a stored version
 * (start-up deploys the shipped samples only when they changed), and a package with one rule table or its
 * process replaced.
 */
import type { Knex } from 'knex';
import { isDeepStrictEqual } from 'node:util';
import { loadItemPackage, type ItemDefinition, type ItemFinding, type ItemPackageFiles } from '../../definitions/items/index.js';
import type { DefinitionRepository } from '../../engine/runtime/ports.js';
import { deployItem, type DeployResult } from './deploy-item.js';
import type { ItemRepository } from './item-repository.js';

/** What a deployment must be: the item it is for, its department, a rule table it must contain. */
export interface DeployExpectations {
  code?: string;
  department?: string;
  /** A rule table id the package must still contain (a table saved on its own keeps its id). */
  tableId?: string;
}

/** The findings of a loaded package against `expect`; none when it is what the request said. */
export function unexpected(item: ItemDefinition, expect: DeployExpectations): ItemFinding[] {
  const found: ItemFinding[] = [];
  const finding = (code: string, field: string, message: string) => found.push({ severity: 'error', code, file: 'item.json', field, message });
  if (expect.code !== undefined && item.code !== expect.code) finding('code-mismatch', 'code', `expected the package of item '${expect.code}', but item.json is for '${item.code}'`);
  const department = item.listing.implementingBody.name;
  if (expect.department !== undefined && department !== expect.department) {
    finding('department-changed', 'implementingBody.name', `expected implementing body '${expect.department}' as deployed before, but item.json names '${department}'`);
  }
  if (expect.tableId !== undefined && !Object.values(item.rules).some((r) => r?.table.id === expect.tableId)) {
    found.push({ severity: 'error', code: 'table-id', file: 'rules/', message: `expected the saved table to keep its id '${expect.tableId}', but the package has no table of that id` });
  }
  return found;
}

/**
 * Deploys `files` as the next version of its item, when it meets `expect`, and records the code's owning
 * department. Nothing is stored when it is refused.
 */
export async function deployItemVersion(
  files: ItemPackageFiles,
  deps: { knex: Knex; items: ItemRepository; definitions: DefinitionRepository; at: string; by?: string; expect?: DeployExpectations },
): Promise<DeployResult> {
  if (deps.expect) {
    const probe = await loadItemPackage(files);
    if (!probe.ok) return probe;
    const problems = unexpected(probe.item, deps.expect);
    if (problems.length) return { ok: false, findings: problems };
  }
  const result = await deployItem(files, deps);
  if (result.ok) {
    const department = result.item.listing.implementingBody.name;
    await deps.knex('definition_departments').insert({ key: result.item.code, department, created_at: deps.at }).onConflict('key').ignore();
  }
  return result;
}

function text(value: string | Uint8Array): string {
  return (typeof value === 'string' ? value : new TextDecoder().decode(value)).replace(/^\uFEFF/, '');
}

function parsed(source: string | undefined): unknown {
  try {
    return source === undefined ? undefined : JSON.parse(source);
  } catch {
    return source;
  }
}

/**
 * True when the package's listing, process and rule files are those of `stored` (other files, such as a
 * README in the folder, are not part of a version). The listing is compared as data, since a version keeps
 * it re-serialised.
 */
export function samePackage(files: ItemPackageFiles, stored: ItemDefinition): boolean {
  const mine = Object.fromEntries(Object.entries(files).map(([name, value]) => [name.replace(/\\/g, '/'), text(value)]));
  const relevant = (sources: Record<string, string>) => Object.keys(sources).filter((n) => n === 'process.bpmn' || n.startsWith('rules/')).sort();
  const names = relevant(mine);
  if (!isDeepStrictEqual(names, relevant(stored.sources))) return false;
  if (!isDeepStrictEqual(parsed(mine['item.json']), parsed(stored.sources['item.json']))) return false;
  return names.every((n) => mine[n] === stored.sources[n]);
}

/** The files of `item` with the rule table `tableId` replaced by `yaml`; undefined when the item has no such table. */
export function withRuleTable(item: ItemDefinition, tableId: string, yaml: string): Record<string, string> | undefined {
  const rules = Object.values(item.rules).find((r) => r?.table.id === tableId);
  if (!rules) return undefined;
  const files: Record<string, string> = { ...item.sources };
  delete files[rules.file];
  // The body is YAML whatever the table was written in; the loader reads a file by its extension.
  files[rules.file.replace(/\.(ya?ml|json|dmn)$/i, '.yaml')] = yaml;
  return files;
}

/**
 * The files of `item` with its process replaced by `bpmn`: the listing and every rule table stay as they are
 * (as stored, in the format they were written in), so the next version differs in its process only.
 */
export function withProcess(item: ItemDefinition, bpmn: string): Record<string, string> {
  return { ...item.sources, 'process.bpmn': bpmn };
}
