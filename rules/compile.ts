/**
 * Compiling a rule table ONCE (at load or deploy) into a {@link CompiledDecision}. Each row becomes a
 * json-rules-engine `Rule` whose conditions use the custom operator `sfeel`, which applies the cell's
 * pre-compiled unary test (DMN 1.3 §8.3.3: a rule matches when every input entry matches its input
 * value). The engine finds the matching rules; `hit-policies.ts` turns them into the DMN result.
 * `partition.ts` splits the rows over several engines by one column so that a run only evaluates the
 * rows that can match.
 */
import { Engine, Rule, type RuleProperties } from 'json-rules-engine';
import { RuleBudgetError, RuleTableError } from './errors.js';
import { explain, type Decision } from './explain.js';
import { applyHitPolicy, hitValue, type Hit } from './hit-policies.js';
import { compileInputGetter, type InputGetter } from './inputs.js';
import type { Finding, RuleTable } from './model.js';
import { compileUnaryTests, type CellPredicate } from './sfeel/match.js';
import { compileOutputEntry, type OutputFn } from './sfeel/output.js';
import { partitionRows } from './partition.js';
import { columnLabel, said } from './said.js';
import { BudgetExceededError, checkUnaryTests, checkExpression, type EvaluationBudget } from '../engine/expression/index.js';

/** A table compiled for evaluation. `evaluate` returns plain JSON, safe to store in case state. */
export interface CompiledDecision {
  readonly id: string;
  readonly name: string;
  readonly table: RuleTable;
  /** The json-rules-engine rules built from the rows (one per row, in row order), for inspection. */
  readonly rules: RuleProperties[];
  /**
   * Evaluates the table for one input (facts keyed by name or path), every cell within `budget` (the
   * configured limits when none is given). Never throws for bad input values; throws
   * {@link RuleBudgetError}, naming the cell, when a cell runs past the budget.
   */
  evaluate(input: Record<string, unknown>, budget?: EvaluationBudget): Promise<Decision>;
}

/** What a fact handed to the `sfeel` operator carries: the input value, the scope and the column. */
interface CellFact {
  v: unknown;
  s: Record<string, unknown>;
  c: number;
  b?: EvaluationBudget;
}

function syntaxFindings(table: RuleTable): Finding[] {
  const findings: Finding[] = [];
  table.rows.forEach((row, r) => {
    row.inputEntries.forEach((cell, c) => {
      const problem = checkUnaryTests(cell);
      const column = table.inputs[c]!.name;
      if (problem) {
        findings.push({ code: 'syntax', severity: 'error', table: table.id, file: table.fileName, row: row.id, rowIndex: r, column, message: `'${cell}': ${problem.message}`,
          ...said('CELL_TEST_SYNTAX', { table: table.id, row: row.id, rowNo: r + 1, column, columnLabel: columnLabel(table.inputs, column), cell, detail: problem.message }) });
      }
    });
    row.outputEntries.forEach((cell, c) => {
      const problem = cell.trim() === '' ? null : checkExpression(cell);
      const column = table.outputs[c]!.name;
      if (problem) {
        findings.push({ code: 'syntax', severity: 'error', table: table.id, file: table.fileName, row: row.id, rowIndex: r, column, message: `'${cell}': ${problem.message}`,
          ...said('CELL_EXPRESSION_SYNTAX', { table: table.id, row: row.id, rowNo: r + 1, column, columnLabel: columnLabel(table.outputs, column), cell, detail: problem.message }) });
      }
    });
  });
  return findings;
}

/**
 * Compiles a loaded table. Throws {@link RuleTableError} when a cell is not valid FEEL. Compilation parses
 * every cell once; evaluation only runs the predicates.
 */
export function compileRuleTable(table: RuleTable): CompiledDecision {
  const problems = syntaxFindings(table);
  if (problems.length) throw new RuleTableError(`${table.fileName ?? table.id}: cells that are not valid FEEL`, problems);

  const getters: InputGetter[] = table.inputs.map(compileInputGetter);
  // One predicate per distinct cell text and column, shared by rows that repeat a test.
  const predicates: Map<string, CellPredicate>[] = table.inputs.map(() => new Map());
  const outputs: OutputFn[][] = table.rows.map((row) => row.outputEntries.map(compileOutputEntry));
  const defaults = table.outputs.some((o) => o.default !== undefined)
    ? table.outputs.map((o) => compileOutputEntry(o.default ?? 'null'))
    : null;

  const rules: RuleProperties[] = table.rows.map((row, index) => {
    const all = row.inputEntries.flatMap((cell, c) => {
      const text = cell.trim();
      if (text === '-') return [];
      if (!predicates[c]!.has(text)) predicates[c]!.set(text, compileUnaryTests(text, table.inputs[c]!.type));
      return [{ fact: table.inputs[c]!.name, operator: 'sfeel', value: text }];
    });
    return { name: row.id, priority: 1, conditions: { all }, event: { type: 'row-matched', params: { index } } };
  });
  const engineFor = (rows: number[]): Engine => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addOperator('sfeel', (fact: CellFact, cell: string) => located(table, fact.c, cell, () => predicates[fact.c]!.get(cell)!(fact.v, fact.s, fact.b)));
    for (const r of rows) engine.addRule(new Rule(rules[r]!));
    return engine;
  };
  const partition = partitionRows(table, (r, c) => predicates[c]!.get(table.rows[r]!.inputEntries[c]!.trim()) ?? (() => true));
  const engines = partition ? partition.segments.map(engineFor) : [engineFor(table.rows.map((_, i) => i))];

  const outputsOf = (index: number, scope: Record<string, unknown>, budget?: EvaluationBudget): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    const row = table.rows[index]!.id;
    table.outputs.forEach((o, k) => (values[o.name] = safe(() => outputs[index]![k]!(scope, budget), { table: table.id, row, column: o.name })));
    return values;
  };

  return {
    id: table.id,
    name: table.name,
    table,
    rules,
    async evaluate(input, budget) {
      const scope: Record<string, unknown> = { ...input };
      const facts: Record<string, CellFact> = {};
      table.inputs.forEach((column, c) => {
        const value = safe(() => getters[c]!(input, budget), { table: table.id, column: column.name });
        scope[column.name] = value;
        facts[column.name] = budget ? { v: value, s: scope, c, b: budget } : { v: value, s: scope, c };
      });
      const engine = partition ? engines[partition.segmentOf(facts[table.inputs[partition.column]!.name]!.v)]! : engines[0]!;
      const { results } = await engine.run(facts);
      const indices = results.map((r) => (r.event as unknown as { params: { index: number } }).params.index).sort((a, b) => a - b);
      const hits: Hit[] = indices.map((index) => ({ index, outputs: outputsOf(index, scope, budget) }));
      let defaultOutputs: Record<string, unknown> | null = null;
      const outcome = applyHitPolicy(table, hits, () => {
        if (!defaults) return null;
        defaultOutputs = {};
        table.outputs.forEach((o, k) => (defaultOutputs![o.name] = safe(() => defaults[k]!(scope, budget), { table: table.id, column: o.name })));
        return hitValue(defaultOutputs, table.outputs);
      });
      return explain(table, hits, outcome, defaultOutputs);
    },
  };
}

/**
 * An output expression that fails to evaluate gives null (DMN 1.3 §10.3.2.9), not a crash; one that runs
 * past the budget refuses the decision, naming the cell.
 */
function safe(fn: () => unknown, where: { table: string; row?: string; column: string }): unknown {
  try {
    return fn() ?? null;
  } catch (err) {
    if (err instanceof BudgetExceededError) throw err instanceof RuleBudgetError ? err : new RuleBudgetError(err, where);
    return null;
  }
}

/** Runs an input cell's test; past the budget, names the first row with that cell in that column. */
function located<T>(table: RuleTable, column: number, cell: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof BudgetExceededError) || err instanceof RuleBudgetError) throw err;
    const row = table.rows.find((r) => r.inputEntries[column]!.trim() === cell)?.id;
    throw new RuleBudgetError(err, { table: table.id, ...(row ? { row } : {}), column: table.inputs[column]!.name });
  }
}
