/** A loaded item version: listing, compiled process, compiled rule tables and the case snapshot, immutable. */
import type { ItemSnapshot } from '../../engine/approval/item-snapshot.js';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import type { EvaluationBudget } from '../../engine/expression/index.js';
import type { Decision, Purpose, RuleTable } from '../../rules/index.js';
import type { ItemListing } from './listing.js';

/** One rule table of the item, compiled once. */
export interface ItemRules {
  /** The package file it came from (`rules/materials.yaml`). */
  readonly file: string;
  readonly table: RuleTable;
  evaluate(input: Record<string, unknown>, budget?: EvaluationBudget): Promise<Decision>;
}

/** A deployable item version. Everything a case, the disclosure and the deploy need. */
export interface ItemDefinition {
  readonly code: string;
  readonly version: number;
  readonly listing: Readonly<ItemListing>;
  /** The compiled BPMN process; its key is the item code and its version the item version. */
  readonly definition: ExecutableDefinition;
  /** The BPMN source, stored beside the compiled process. */
  readonly bpmn: string;
  /** The rule tables by purpose (acceptance, materials, fees, special-procedures). */
  readonly rules: Readonly<Partial<Record<Purpose, ItemRules>>>;
  /** Every file of the package as text, so that the same package can be loaded again. */
  readonly sources: Readonly<Record<string, string>>;
  /** What a case keeps from this version. */
  readonly snapshot: ItemSnapshot;
}

/** Freezes plain data deeply (functions and compiled tables are left as they are). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
