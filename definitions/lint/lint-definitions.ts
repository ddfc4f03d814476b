/** Linting a parsed BPMN file: the process being deployed and the file's shared root elements. */
import type { Finding } from '../findings.js';
import { sortFindings } from '../findings.js';
import type { ModdleElement } from '../moddle.js';
import { processesOf } from '../select-process.js';
import { createRules } from './registry.js';
import { runRules } from './runner.js';

/** Options of {@link lintDefinitions}. */
export interface LintOptions {
  /** The process to check; the other processes of the file (other pools) are not deployed and not checked. */
  process?: ModdleElement;
  /** Only these rules (by name); all when absent. Used by the rule tests. */
  rules?: readonly string[];
}

/**
 * Runs every validation rule over a `bpmn:Definitions` tree and returns the findings, errors first.
 * Never throws for a bad model: a model problem is a finding. A throwing rule is a bug and propagates.
 */
export function lintDefinitions(definitions: ModdleElement, options: LintOptions = {}): Finding[] {
  const all = createRules();
  const pick = (name: string) => {
    const rule = all[name];
    if (!rule) throw new Error(`unknown rule '${name}'`);
    return [name, rule] as const;
  };
  const rules = options.rules ? Object.fromEntries(options.rules.map(pick)) : all;
  const skip = new Set(options.process ? processesOf(definitions).filter((p) => p !== options.process) : []);
  return sortFindings(runRules(definitions, rules, { skip }));
}
