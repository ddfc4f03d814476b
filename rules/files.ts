/**
 * One entry point for a rules file of any kind: a rule table (`.yaml`, `.yml`, `.json`) or a DMN model
 * (`.dmn`, `.xml`). Used by the CLI and by deployment, which compile each file once.
 */
import { compileRuleTable, type CompiledDecision } from './compile.js';
import { compileDmn, type CompiledDmn } from './dmn/dmn-decisions.js';
import { importDmn } from './dmn/dmn-import.js';
import { RuleTableError } from './errors.js';
import { said } from './said.js';
import type { EvaluationBudget } from '../engine/expression/index.js';
import type { Decision } from './explain.js';
import { loadRuleTable } from './load.js';
import type { RuleTable } from './model.js';

/** A loaded and compiled rules file. */
export interface LoadedRules {
  kind: 'table' | 'dmn';
  /** The tables in the file (one for a table file; every decision table for DMN). */
  tables: RuleTable[];
  /** Evaluates a decision; `ref` (id or name) may be omitted when the file holds one decision. */
  evaluate(ref: string | undefined, input: Record<string, unknown>, budget?: EvaluationBudget): Promise<Decision>;
  compiled: CompiledDecision | CompiledDmn;
}

function isDmn(bytes: Uint8Array, fileName: string): boolean {
  if (/\.(dmn|xml)$/i.test(fileName)) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<');
}

/** Loads, checks and compiles a rules file. Throws {@link RuleTableError} naming the file on any problem. */
export async function loadRuleFile(bytes: Uint8Array, fileName: string): Promise<LoadedRules> {
  if (isDmn(bytes, fileName)) {
    const compiled = compileDmn(await importDmn(bytes, { fileName }));
    const decisions = compiled.model.decisions;
    return {
      kind: 'dmn',
      tables: decisions.flatMap((d) => (d.table ? [d.table] : [])),
      compiled,
      evaluate(ref, input, budget) {
        if (!ref && decisions.length !== 1) {
          throw new RuleTableError(`${fileName} holds ${decisions.length} decisions; choose one with --decision`, [
            { code: 'decision-required', severity: 'error', file: fileName, message: decisions.map((d) => `${d.name} (${d.id})`).join(', '),
              ...said('DECISION_REQUIRED', { file: fileName, decisions: decisions.map((d) => `${d.name} (${d.id})`).join(', ') }) },
          ]);
        }
        return compiled.evaluate(ref ?? decisions[0]!.id, input, budget);
      },
    };
  }
  const table = loadRuleTable(bytes, { fileName });
  const compiled = compileRuleTable(table);
  return {
    kind: 'table',
    tables: [table],
    compiled,
    evaluate(ref, input, budget) {
      if (ref && ref !== table.id && ref !== table.name) {
        throw new RuleTableError(`${fileName} holds decision '${table.id}', not '${ref}'`, []);
      }
      return compiled.evaluate(input, budget);
    },
  };
}
