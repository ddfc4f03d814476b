/**
 * Deploying an item package: each deployment is a new version of the item, its process deployed as the
 * same version of the definition keyed by the item code, and its disclosure generated from it.
 */
import { buildDisclosure, loadItemPackage, type ItemDefinition, type ItemFinding, type ItemPackageFiles } from '../../definitions/items/index.js';
import type { DefinitionRepository } from '../../engine/runtime/ports.js';
import type { ItemRepository } from './item-repository.js';

/** The outcome of a deployment. */
export type DeployResult =
  | { ok: true; item: ItemDefinition; warnings: ItemFinding[] }
  | { ok: false; findings: ItemFinding[] };

/** Validates, compiles and stores a package as the item's next version. Nothing is stored when it is refused. */
export async function deployItem(
  files: ItemPackageFiles,
  deps: { items: ItemRepository; definitions: DefinitionRepository; at: string; by?: string },
): Promise<DeployResult> {
  const probe = await loadItemPackage(files);
  if (!probe.ok) return probe;
  const code = probe.item.code;
  // The item version and its definition version move together; either may be ahead after a failed deploy.
  const deployedDefinitions = await deps.definitions.list(code);
  const version = Math.max(await deps.items.latestVersion(code), ...deployedDefinitions.map((d) => d.version), 0) + 1;
  const loaded = await loadItemPackage(files, { version });
  if (!loaded.ok) return loaded;
  const { item } = loaded;
  await deps.definitions.deploy({ definition: item.definition, sourceXml: item.bpmn, at: deps.at });
  await deps.items.save({ item, disclosure: buildDisclosure(item), at: deps.at, ...(deps.by ? { by: deps.by } : {}) });
  return loaded;
}
