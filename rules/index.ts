/**
 * Shenpi rule tables (决策表): decision tables that reform-office staff write in YAML or JSON, checked
 * against a JSON Schema and a linter, compiled once to json-rules-engine rules, evaluated with every
 * DMN 1.3 hit policy, and exchanged with DMN 1.3 XML. See docs/rules.md.
 *
 * The durable runtime calls a compiled decision through its `RuleEvaluator` port for business rule tasks
 * (effect `decision.evaluate {decisionRef, input}`); `CompiledDecision.evaluate` returns plain JSON.
 */
export type {
  Aggregation, Finding, HitPolicy, InputColumn, OutputColumn, Primitive, Purpose, RuleTable, Row, TableTest, ValueType,
} from './model.js';
export { RuleBudgetError, RuleTableError, formatFinding } from './errors.js';
export { loadRuleTable, type LoadOptions } from './load.js';
export { decisionTableSchema, validateTableDocument } from './schema.js';
export { compileRuleTable, type CompiledDecision } from './compile.js';
export type { Decision, FailedCondition, MatchedRow } from './explain.js';
export { importDmn, type DmnDecision, type DmnModel } from './dmn/dmn-import.js';
export { compileDmn, type CompiledDmn } from './dmn/dmn-decisions.js';
export { exportDmn, type ExportOptions } from './dmn/dmn-export.js';
export { lintRuleTable, LINT_RULES } from './lint/index.js';
export { runTableTests, type TestCaseResult } from './test-cases.js';
export { CONVENTIONS, type Convention, type ConventionColumn } from './purposes/conventions.js';
export { acceptanceOutcome, type AcceptanceOutcome, type Violation } from './purposes/acceptance.js';
export { requiredMaterials, type ExplainedMaterial } from './purposes/materials.js';
export { fees, type Fees } from './purposes/fees.js';
export { procedureCounting, type ProcedureCounting } from './purposes/special-procedures.js';
export { loadRuleFile, type LoadedRules } from './files.js';
export { tableToDocument, tableToYaml } from './serialize.js';
