/**
 * The rule tables of an item package (`rules/*.yaml|yml|json|dmn`): each loaded, linted and its embedded
 * tests run; at most one table per purpose. Every problem is a finding naming the file, row and column.
 */
import {
  lintRuleTable, loadRuleFile, runTableTests, RuleTableError, type CompiledDecision, type Finding, type Purpose,
} from '../../rules/index.js';
import type { ItemFinding } from './findings.js';
import type { ItemRules } from './item-definition.js';

/** Purposes every item must have a table for. */
export const REQUIRED_PURPOSES: readonly Purpose[] = ['acceptance', 'materials'];

function fromRuleFinding(f: Finding, file: string): ItemFinding {
  return {
    severity: f.severity,
    code: f.code,
    message: f.message,
    file: f.file ?? file,
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.column !== undefined ? { field: f.column } : f.path !== undefined ? { field: f.path } : {}),
    ...(f.messageCode ? { messageCode: f.messageCode, params: { ...f.params } } : {}),
  };
}

/** Loads every rules file; returns the tables by purpose and the findings. */
export async function loadPackageRules(
  files: Readonly<Record<string, string>>,
): Promise<{ rules: Partial<Record<Purpose, ItemRules>>; findings: ItemFinding[] }> {
  const rules: Partial<Record<Purpose, ItemRules>> = {};
  const findings: ItemFinding[] = [];
  const names = Object.keys(files).filter((f) => /^rules\/[^/]+\.(ya?ml|json|dmn)$/i.test(f)).sort();
  for (const file of names) {
    try {
      const loaded = await loadRuleFile(new TextEncoder().encode(files[file]!), file);
      for (const table of loaded.tables) {
        const lint = lintRuleTable(table);
        findings.push(...lint.map((f) => fromRuleFinding(f, file)));
        // A table already refused for its evaluation budget is not run: its tests could only spend the budget.
        if (loaded.kind === 'table' && !lint.some((f) => f.code === 'evaluation-budget')) {
          for (const result of await runTableTests(loaded.compiled as CompiledDecision)) {
            if (!result.passed) {
              const first = result.reasons[0];
              const params = { ...first?.params, test: result.name, problems: result.problems.join('; '), ...(first ? { reasonCode: first.messageCode } : {}) };
              findings.push({ severity: 'error', code: 'table-test', file, message: `test '${result.name}' failed: ${result.problems.join('; ')}`, messageCode: 'TABLE_TEST_FAILED', params });
            }
          }
        }
        if (table.purpose === 'general') continue;
        const existing = rules[table.purpose];
        if (existing) {
          findings.push({ severity: 'error', code: 'duplicate-purpose', file, message: `a second '${table.purpose}' table; ${existing.file} has one already`,
            messageCode: 'DUPLICATE_PURPOSE', params: { purpose: table.purpose, existing: existing.file } });
          continue;
        }
        rules[table.purpose] = { file, table, evaluate: (input, budget) => loaded.evaluate(table.id, input, budget) };
      }
    } catch (error) {
      if (!(error instanceof RuleTableError)) throw error;
      const own = error.findings.map((f) => fromRuleFinding(f, file));
      findings.push(...(own.length ? own : [{ severity: 'error' as const, code: 'rules', file, message: error.message }]));
    }
  }
  for (const purpose of REQUIRED_PURPOSES) {
    if (!rules[purpose] && !findings.some((f) => f.severity === 'error')) {
      findings.push({ severity: 'error', code: 'missing-table', file: 'rules/', message: `expected a '${purpose}' table, but the package has none`,
        messageCode: 'TABLE_MISSING', params: { purpose } });
    }
  }
  return { rules, findings };
}
