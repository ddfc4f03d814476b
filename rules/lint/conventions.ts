/**
 * Purpose conventions (see `purposes/conventions.ts`): the hit policy and output columns a table of a
 * given purpose needs, legal bases on rows, and limits that contradict the law (a promised limit longer
 * than the statutory one, 行政许可法第42条 and the item listing rules).
 */
import type { Finding, RuleTable } from '../model.js';
import { CONVENTIONS } from '../purposes/conventions.js';
import { parseLiteral } from '../sfeel/literal.js';
import type { LintRule } from './context.js';

/** Lint rule: `purpose-convention`, `missing-basis`, `promised-exceeds-statutory`. */
export const purposeConventions: LintRule = (table, ctx) => {
  const convention = CONVENTIONS[table.purpose];
  if (!convention) return [];
  const findings: Finding[] = [];
  if (!convention.hitPolicies.includes(table.hitPolicy)) {
    findings.push(ctx.at('purpose-convention', 'error', `a ${table.purpose} table uses hit policy ${convention.hitPolicies.join(' or ')}, not ${table.hitPolicy}`));
  } else if (convention.aggregations && !convention.aggregations.includes(table.aggregation)) {
    findings.push(ctx.at('purpose-convention', 'error', `a ${table.purpose} table cannot use the aggregation ${table.aggregation ?? '(none)'}`));
  }
  for (const col of convention.outputs) {
    const out = table.outputs.find((o) => o.name === col.name);
    if (!out) {
      if (col.required) findings.push(ctx.at('purpose-convention', 'error', `a ${table.purpose} table needs an output '${col.name}' (${col.type})`, undefined, col.name));
    } else if (out.type !== col.type) {
      findings.push(ctx.at('purpose-convention', 'error', `output '${col.name}' of a ${table.purpose} table is a ${col.type}, not a ${out.type}`, undefined, col.name));
    }
  }
  table.rows.forEach((row, r) => {
    if (!row.annotation?.trim()) findings.push(ctx.at('missing-basis', 'warning', 'the row has no annotation; cite its legal basis (法律依据)', r));
  });
  if (table.purpose === 'deadlines') findings.push(...promisedWithinStatutory(table, ctx));
  return findings;
};

function promisedWithinStatutory(table: RuleTable, ctx: Parameters<typeof purposeConventions>[1]): Finding[] {
  const col = (name: string) => table.outputs.findIndex((o) => o.name === name);
  const [s, su, p, pu] = ['statutoryLimit', 'statutoryUnit', 'promisedLimit', 'promisedUnit'].map(col);
  if ([s, su, p, pu].some((i) => i === undefined || i < 0)) return [];
  const findings: Finding[] = [];
  table.rows.forEach((row, r) => {
    const value = (i: number) => parseLiteral(row.outputEntries[i] ?? '')?.value;
    const [sv, suv, pv, puv] = [value(s!), value(su!), value(p!), value(pu!)];
    if (typeof sv === 'number' && typeof pv === 'number' && suv === puv && pv > sv) {
      findings.push(ctx.at('promised-exceeds-statutory', 'error', `the promised limit ${pv} ${puv} is longer than the statutory limit ${sv} ${suv}`, r));
    }
  });
  return findings;
}
