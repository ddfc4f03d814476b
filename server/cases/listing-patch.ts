/**
 * One change to an item listing without its whole package: a JSON Merge Patch (RFC 7396) over the stored
 * `item.json` (an object merges field by field, `null` removes a field, anything else replaces it), deployed
 * with the stored process and rule tables as the item's next version. Open cases keep the version they started
 * with (their item snapshot), so the change reaches new cases only.
 */
import type { ItemDefinition } from '../../definitions/items/index.js';

type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** RFC 7396 MergePatch(target, patch). */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, JsonValue> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}

/** The top-level and nested paths a patch touches (`statutoryLimit.extensionMovesPromised`), for the audit entry. */
export function patchedPaths(patch: JsonValue, prefix = ''): string[] {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch) || Object.keys(patch).length === 0) return [prefix];
  return Object.entries(patch).flatMap(([k, v]) => patchedPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** The stored files of `item` with its listing patched. */
export function withListingPatch(item: ItemDefinition, patch: Record<string, JsonValue>): Record<string, string> {
  const listing = mergePatch(JSON.parse(item.sources['item.json']!) as JsonValue, patch);
  return { ...item.sources, 'item.json': JSON.stringify(listing, null, 2) };
}
