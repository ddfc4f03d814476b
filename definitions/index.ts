/**
 * Definitions: parse BPMN 2.0 files with the approval extension, check them, and compile them to the
 * engine's executable model. See docs/approval-extension.md for the extension attributes.
 */
export { loadDefinition } from './load-definition.js';
export type { LoadOptions, LoadedDefinition, RefusedDefinition } from './load-definition.js';
export { parseBpmn } from './parse/parse-bpmn.js';
export type { ParsedBpmn, UnparsedBpmn } from './parse/parse-bpmn.js';
export { decodeXml } from './parse/encoding.js';
export { lintDefinitions } from './lint/lint-definitions.js';
export type { LintOptions } from './lint/lint-definitions.js';
export { RULE_FACTORIES, createRules } from './lint/registry.js';
export type { Reporter, RuleDefinition, RuleFactory } from './lint/rule.js';
export { compileProcess } from './compile/compile-process.js';
export type { CompileOptions } from './compile/compile-process.js';
export { selectProcess, processesOf } from './select-process.js';
export { hasErrors, sortFindings } from './findings.js';
export type { Finding, Severity } from './findings.js';
export { approvalModdleDescriptor, APPROVAL_NS, createModdle } from './moddle.js';
export type { ModdleElement } from './moddle.js';
export { BUILT_IN_ACTIONS, isBuiltInAction } from './approval/actions.js';
export { SPECIAL_PROCEDURE_TYPES } from './approval/special-procedures.js';
export { parseTimeLimit } from './approval/time.js';
