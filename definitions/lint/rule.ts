/**
 * The shape of a validation rule. It is bpmnlint's rule shape (a factory returning `{ check(node, reporter) }`,
 * `check` returning `false` to skip a subtree), so the modeler can hand the same factories to bpmnlint's
 * Linter through a resolver. Two additions that bpmnlint ignores: `meta.severity`, the default severity, and
 * an optional `severity` in a report's context for rules that report both errors and warnings.
 */
import type { ModdleElement } from '../moddle.js';
import type { Severity } from '../findings.js';

/** Passed to `check`; collects the rule's reports. */
export interface Reporter {
  report(id: string, message: string, context?: string[] | { path?: string[]; severity?: Severity }): void;
}

/** A rule: metadata and the check called for every element of the tree, depth first. */
export interface RuleDefinition {
  meta: { severity: Severity; description: string };
  check(node: ModdleElement, reporter: Reporter): boolean | void;
}

/** What each rule file exports as default. */
export type RuleFactory = () => RuleDefinition;
