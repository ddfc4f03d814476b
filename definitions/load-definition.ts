/** Deploy-time loading: parse, lint and compile a BPMN file in one call. */
import type { ExecutableDefinition } from '../engine/core/model.js';
import { compileProcess } from './compile/compile-process.js';
import { hasErrors, sortFindings, type Finding } from './findings.js';
import { lintDefinitions } from './lint/lint-definitions.js';
import { parseBpmn } from './parse/parse-bpmn.js';
import { selectProcess } from './select-process.js';

/** Options of {@link loadDefinition}. */
export interface LoadOptions {
  /** Deployment key (an item's implementation code); the process id when absent. */
  key?: string;
  /** Deployment version; 1 when absent. */
  version?: number;
  /** The process to deploy when the file holds several; else the executable one, else the first. */
  processId?: string;
}

/** A loaded definition, with the warnings that did not refuse it and the moddle tree (for the modeler). */
export interface LoadedDefinition {
  ok: true;
  definition: ExecutableDefinition;
  warnings: Finding[];
  moddle: unknown;
}

/** A refused file: every finding, errors first, each with the element id and the reason. */
export interface RefusedDefinition {
  ok: false;
  findings: Finding[];
}

/**
 * Parses, checks and compiles a BPMN 2.0 file. Refuses at deploy, listing EVERY finding (with element id and
 * reason), whenever anything would fail later at run time; never throws for a bad file.
 *
 * @param source the file's bytes (decoded as declared) or its text
 * @returns the immutable executable definition, or the findings that refuse it
 */
export async function loadDefinition(
  source: Buffer | string,
  opts: LoadOptions = {},
): Promise<LoadedDefinition | RefusedDefinition> {
  const parsed = await parseBpmn(source);
  if (!parsed.ok) return parsed;
  const selected = selectProcess(parsed.definitions, opts.processId);
  if (!selected.ok) return { ok: false, findings: sortFindings([selected.finding, ...parsed.findings]) };
  const findings = sortFindings([...parsed.findings, ...lintDefinitions(parsed.definitions, { process: selected.process })]);
  if (hasErrors(findings)) return { ok: false, findings };
  const definition = compileProcess(selected.process, {
    ...(opts.key !== undefined ? { key: opts.key } : {}),
    ...(opts.version !== undefined ? { version: opts.version } : {}),
  });
  return { ok: true, definition, warnings: findings, moddle: parsed.definitions };
}
