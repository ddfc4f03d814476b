/**
 * Materials (申请材料). Convention: COLLECT; each row makes one material required under its condition,
 * with outputs `material` (id), `name`, `form` (原件/复印件/电子…), `copies`, optionally `deferrable`
 * (容缺后补). A material required by several rows is listed once, with every row that required it.
 */
import type { RequiredMaterial } from '../../engine/approval/state.js';
import type { Decision } from '../explain.js';

/** A required material (the case's own record of it) and why the table requires it. */
export interface ExplainedMaterial extends RequiredMaterial {
  /** The rows that made it required, with their legal basis. */
  because: { row: string; basis: string | null }[];
}

/** Reads a materials decision into the list of required materials, in table order. */
export function requiredMaterials(decision: Decision): ExplainedMaterial[] {
  if (decision.error) throw new Error(`materials table '${decision.decisionId}': ${decision.error}`);
  const rows = decision.matchedRows.filter((m) => m.selected);
  const byId = new Map<string, ExplainedMaterial>();
  decision.outputs.forEach((o, k) => {
    const row = rows[k];
    const id = String(o.material);
    const because = row ? [{ row: row.id, basis: row.annotation }] : [];
    const existing = byId.get(id);
    if (existing) {
      existing.because.push(...because);
      existing.copies = Math.max(existing.copies, Number(o.copies ?? 0));
      existing.deferrable = existing.deferrable && o.deferrable === true;
      return;
    }
    byId.set(id, {
      material: id,
      name: String(o.name ?? id),
      form: String(o.form ?? ''),
      copies: Number(o.copies ?? 0),
      deferrable: o.deferrable === true,
      because,
    });
  });
  return [...byId.values()];
}
