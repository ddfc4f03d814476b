/**
 * `shenpi lint <file.bpmn> [--json] [--process <id>]`: checks a BPMN file exactly as deploy would and prints
 * every finding as `<severity> <elementId> <rule>: <message>` (one per line, `-` for the file itself), then a
 * summary line. Exit code 1 when there are errors, 2 on usage or I/O errors, 0 otherwise.
 */
import { loadDefinition, type Finding } from '../../../definitions/index.js';
import type { CliIo } from '../io.js';

/** One-line description for `shenpi --help`. */
export const summary = 'check a BPMN file as deploy would: lint <file.bpmn> [--json] [--process <id>]';

const USAGE = 'Usage: shenpi lint <file.bpmn> [--json] [--process <id>]';

type Parsed = { file: string; json: boolean; processId?: string } | { error: string };

function parseArgs(args: string[]): Parsed {
  let file: string | undefined;
  let json = false;
  let processId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--process') {
      processId = args[++i];
      if (!processId) return { error: '--process needs a process id' };
    } else if (arg.startsWith('-')) return { error: `unknown option '${arg}'` };
    else if (file) return { error: `only one file at a time ('${file}' and '${arg}')` };
    else file = arg;
  }
  if (!file) return { error: 'no file given' };
  return { file, json, ...(processId ? { processId } : {}) };
}

/** Formats a finding as the stable, greppable line `<severity> <elementId> <rule>: <message>`. */
export function formatFinding(f: Finding): string {
  return `${f.severity} ${f.id || '-'} ${f.rule}: ${f.message}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Runs `shenpi lint`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    io.err(`shenpi lint: ${parsed.error}`);
    io.err(USAGE);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await io.readFile(parsed.file);
  } catch (err) {
    io.err(`shenpi lint: cannot read '${parsed.file}': ${(err as Error).message}`);
    return 2;
  }
  const result = await loadDefinition(bytes, parsed.processId ? { processId: parsed.processId } : {});
  const findings = result.ok ? result.warnings : result.findings;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (parsed.json) {
    const processId = result.ok ? result.definition.processId : undefined;
    io.out(JSON.stringify({ file: parsed.file, ok: errors === 0, processId, errors, warnings, findings }, null, 2));
  } else {
    for (const f of findings) io.out(formatFinding(f));
    const verdict = errors === 0 ? 'deployable' : 'refused';
    io.out(`${parsed.file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (${verdict})`);
  }
  return errors > 0 ? 1 : 0;
}
