/** Small helpers to write rule tables inline in tests. */
import { loadRuleTable, type RuleTable } from '../../../rules/index.js';

/** Loads a YAML table given as text (the same path a file takes). */
export function yamlTable(text: string, fileName = 'inline.yaml'): RuleTable {
  return loadRuleTable(text, { fileName });
}
