/**
 * Evaluating an imported DMN model: each decision-table decision is compiled once; a decision that
 * requires others (DMN 1.3 §6.3.8) sees their results under their names, as DMN's decision-requirements
 * graph prescribes. Literal-expression decisions are evaluated with FEEL.
 */
import { BudgetExceededError, evaluateExpression, type EvaluationBudget } from '../../engine/expression/index.js';
import { compileRuleTable, type CompiledDecision } from '../compile.js';
import { RuleTableError } from '../errors.js';
import { said } from '../said.js';
import type { Decision } from '../explain.js';
import type { DmnDecision, DmnModel } from './dmn-import.js';

/** A compiled DMN model: evaluate any decision by id or name. */
export interface CompiledDmn {
  readonly model: DmnModel;
  /** The compiled table decisions, by decision id. */
  readonly tables: ReadonlyMap<string, CompiledDecision>;
  /** Finds a decision by id or name; throws when there is none. */
  find(ref: string): DmnDecision;
  /** Evaluates one decision (and the decisions it requires) for the given input data. */
  evaluate(ref: string, input: Record<string, unknown>, budget?: EvaluationBudget): Promise<Decision>;
}

/** Compiles every table decision of a model once. */
export function compileDmn(model: DmnModel): CompiledDmn {
  const tables = new Map<string, CompiledDecision>();
  for (const d of model.decisions) if (d.table) tables.set(d.id, compileRuleTable(d.table));
  const byRef = (ref: string) => model.decisions.find((d) => d.id === ref) ?? model.decisions.find((d) => d.name === ref);

  const find = (ref: string): DmnDecision => {
    const found = byRef(ref);
    if (!found) {
      throw new RuleTableError(`no decision '${ref}' in the model`, [
        { code: 'unknown-decision', severity: 'error', message: `known decisions: ${model.decisions.map((d) => `${d.name} (${d.id})`).join(', ')}`,
          ...said('DECISION_UNKNOWN', { decision: ref, decisions: model.decisions.map((d) => `${d.name} (${d.id})`).join(', ') }) },
      ]);
    }
    return found;
  };

  async function run(decision: DmnDecision, input: Record<string, unknown>, memo: Map<string, Decision>, path: string[], budget?: EvaluationBudget): Promise<Decision> {
    const cached = memo.get(decision.id);
    if (cached) return cached;
    if (path.includes(decision.id)) throw new RuleTableError(`decision requirements form a cycle: ${[...path, decision.id].join(' → ')}`, []);
    const scope: Record<string, unknown> = { ...input };
    for (const req of decision.requires) {
      const required = model.decisions.find((d) => d.id === req);
      if (required) scope[required.name] = (await run(required, input, memo, [...path, decision.id], budget)).result;
    }
    let result: Decision;
    if (decision.kind === 'table') {
      result = await tables.get(decision.id)!.evaluate(scope, budget);
    } else {
      let value: unknown = null;
      let error: string | undefined;
      try {
        value = evaluateExpression(decision.expression ?? 'null', scope, budget) ?? null;
      } catch (err) {
        if (err instanceof BudgetExceededError) throw err;
        error = (err as Error).message;
      }
      result = { decisionId: decision.id, decisionName: decision.name, result: value, outputs: [], matchedRows: [], ...(error ? { error } : {}) };
    }
    memo.set(decision.id, result);
    return result;
  }

  return {
    model,
    tables,
    find,
    evaluate: (ref, input, budget) => run(find(ref), input, new Map(), [], budget),
  };
}
