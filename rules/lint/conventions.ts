/**
 * Purpose conventions (see `purposes/conventions.ts`): the hit policy and output columns a table of a
 * given purpose needs, and legal bases on rows. (A promised limit longer than the statutory one is the
 * listing's check, `definitions/items/cross-checks.ts`, where the limits are.)
 */
import type { Finding } from '../model.js';
import { CONVENTIONS } from '../purposes/conventions.js';
import type { LintRule } from './context.js';

/** Lint rule: `purpose-convention`, `missing-basis`. */
export const purposeConventions: LintRule = (table, ctx) => {
  const convention = CONVENTIONS[table.purpose];
  if (!convention) return [];
  const findings: Finding[] = [];
  if (!convention.hitPolicies.includes(table.hitPolicy)) {
    findings.push(ctx.at('purpose-convention', 'error', `a ${table.purpose} table uses hit policy ${convention.hitPolicies.join(' or ')}, not ${table.hitPolicy}`, undefined, undefined,
      { code: 'PURPOSE_HIT_POLICY', params: { purpose: table.purpose, hitPolicies: convention.hitPolicies.join(', '), hitPolicy: table.hitPolicy } }));
  } else if (convention.aggregations && !convention.aggregations.includes(table.aggregation)) {
    findings.push(ctx.at('purpose-convention', 'error', `a ${table.purpose} table cannot use the aggregation ${table.aggregation ?? '(none)'}`, undefined, undefined,
      { code: table.aggregation ? 'PURPOSE_AGGREGATION' : 'PURPOSE_AGGREGATION_NEEDED', params: { purpose: table.purpose, aggregation: table.aggregation, aggregations: convention.aggregations.filter(Boolean).join(', ') || undefined } }));
  }
  for (const col of convention.outputs) {
    const out = table.outputs.find((o) => o.name === col.name);
    if (!out) {
      if (col.required) {
        findings.push(ctx.at('purpose-convention', 'error', `a ${table.purpose} table needs an output '${col.name}' (${col.type})`, undefined, col.name,
          { code: 'PURPOSE_OUTPUT_MISSING', params: { purpose: table.purpose, columnType: col.type } }));
      }
    } else if (out.type !== col.type) {
      findings.push(ctx.at('purpose-convention', 'error', `output '${col.name}' of a ${table.purpose} table is a ${col.type}, not a ${out.type}`, undefined, col.name,
        { code: 'PURPOSE_OUTPUT_TYPE', params: { purpose: table.purpose, columnType: col.type, type: out.type } }));
    }
  }
  table.rows.forEach((row, r) => {
    if (!row.annotation?.trim()) findings.push(ctx.at('missing-basis', 'warning', 'the row has no annotation; cite its legal basis (法律依据)', r, undefined, { code: 'ROW_NO_BASIS' }));
  });
  return findings;
};
