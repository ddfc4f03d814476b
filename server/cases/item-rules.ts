/**
 * The item's rule tables applied to one application: which materials are required, what fees are due, and
 * pre-review (预审) against the acceptance conditions, which gives everything to correct at once (行政许可法
 * 第32条) and the reasons not to accept, each with its legal basis. Also the runtime's `RuleEvaluator` for
 * business rule tasks that name an item's table.
 */
import type { ItemDefinition } from '../../definitions/items/index.js';
import type { ApprovalState, NoticeItem, RequiredMaterial } from '../../engine/approval/index.js';
import type { Json, Variables } from '../../engine/core/types.js';
import type { RuleContext, RuleEvaluator } from '../../engine/runtime/ports.js';
import type { ItemRepository } from './item-repository.js';
import { acceptanceOutcome, fees as readFees, requiredMaterials, type ExplainedMaterial } from '../../rules/index.js';

/** The materials the materials table requires for `facts`. */
export async function materialsFor(item: ItemDefinition, facts: Variables): Promise<RequiredMaterial[]> {
  const decision = await item.rules.materials!.evaluate(facts);
  return requiredMaterials(decision).map((m) => ({ material: m.material, name: m.name, form: m.form, copies: m.copies, deferrable: m.deferrable }));
}

/**
 * The materials required for `facts` with their reasons: the rows of the materials table that required each
 * (with their legal basis), and whether the applicant uploads it or it is shared by the issuing department.
 */
export async function explainMaterials(item: ItemDefinition, facts: Variables): Promise<Array<ExplainedMaterial & { source: string; sharedCertificate?: string }>> {
  const listed = new Map(item.listing.materials.map((m) => [m.id, m]));
  return requiredMaterials(await item.rules.materials!.evaluate(facts)).map((m) => {
    const listing = listed.get(m.material);
    return { ...m, source: listing?.source ?? 'applicant', ...(listing?.sharedCertificate ? { sharedCertificate: listing.sharedCertificate } : {}) };
  });
}

/** The fees the fees table gives for `facts` (none without a fees table). */
export async function feesFor(item: ItemDefinition, facts: Variables): Promise<{ total: number; items: { item: string; amount: number; basis: string | null }[] }> {
  if (!item.rules.fees) return { total: 0, items: [] };
  const f = readFees(await item.rules.fees.evaluate(facts));
  return { total: f.total, items: f.items.filter((i) => i.amount !== 0) };
}

/** What pre-review found. */
export interface PreReview {
  acceptable: boolean;
  /** Everything to correct, for the one correction notice. */
  corrections: NoticeItem[];
  /** Reasons not to accept, for the non-acceptance decision. */
  rejectionReasons: NoticeItem[];
}

/** Pre-reviews a received case: the acceptance table over its facts and materials, plus every required material not supplied. */
export async function preReview(item: ItemDefinition, s: ApprovalState): Promise<PreReview> {
  const present = new Set(s.materials.map((m) => m.material));
  const materials = Object.fromEntries(item.listing.materials.map((m) => [m.id, present.has(m.id)]));
  const outcome = acceptanceOutcome(await item.rules.acceptance!.evaluate({ ...s.facts, materials }));
  const corrections: NoticeItem[] = outcome.corrections.map((v) => ({ code: v.code, reason: v.reason, basis: v.basis }));
  const materialRows = item.rules.materials!.table.rows;
  for (const m of s.requiredMaterials) {
    if (present.has(m.material) || m.deferrable || corrections.some((c) => c.code === m.material)) continue;
    const basis = materialRows.find((r) => r.id === m.material)?.annotation ?? null;
    corrections.push({ code: m.material, reason: `请补正：${m.name}`, basis });
  }
  const rejectionReasons = outcome.rejectionReasons.map((v) => ({ code: v.code, reason: v.reason, basis: v.basis }));
  return { acceptable: corrections.length === 0 && rejectionReasons.length === 0, corrections, rejectionReasons };
}

/**
 * Answers the `decision.evaluate` effects of business rule tasks from the rule tables of the item version the
 * case runs (the definition key is the item code, its version the item version), so a case keeps the tables
 * it started with even after a new version is deployed, on whichever node runs it. `decisionRef` is a
 * table id of that version (`ITEM-05.fees`). The result is the table's DMN result, plain JSON.
 */
export class ItemRuleEvaluator implements RuleEvaluator {
  constructor(private readonly items: Pick<ItemRepository, 'get'>) {}

  async evaluate(decisionRef: string, input: Variables, context: RuleContext): Promise<Json> {
    const { key, version } = context.definition;
    const item = await this.items.get(key, version);
    if (!item) throw new Error(`Case '${context.caseNo}' runs ${key} v${version}, which is not a deployed item version`);
    const rules = Object.values(item.rules).find((r) => r?.table.id === decisionRef);
    if (!rules) {
      const ids = Object.values(item.rules).map((r) => r?.table.id).filter(Boolean).join(', ');
      throw new Error(`Expected rule table '${decisionRef}' in item ${key} v${version}, but it has only: ${ids}`);
    }
    return ((await rules.evaluate(input, context.budget)).result ?? null) as Json;
  }
}
