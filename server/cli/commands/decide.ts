/**
 * `shenpi decide <file> [--decision <id-or-name>] --input '<json>'`: evaluates a rule-table file
 * (YAML/JSON) or a DMN model and prints the decision as JSON: `result` is the value DMN defines (the single
 * output's value, an object for several outputs, a list for collecting policies), next to its explanation.
 */
import { basename } from 'node:path';
import type { CliIo } from '../io.js';
import { RuleTableError, loadRuleFile } from '../../../rules/index.js';

/** One-line description for `shenpi --help`. */
export const summary = 'evaluate a rule table or DMN decision: decide <file> [--decision id] --input <json>';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(name + '='));
  return eq?.slice(name.length + 1);
}

/** Runs the command; exit 0 on a decision, 1 on a rule error or a violated hit policy, 2 on bad usage. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const file = args.find((a, i) => !a.startsWith('--') && !['--decision', '--input'].includes(args[i - 1] ?? ''));
  if (!file) {
    io.err('Usage: shenpi decide <file> [--decision <id-or-name>] --input \'{"age": 20}\'');
    return 2;
  }
  let input: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(option(args, '--input') ?? '{}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the input must be a JSON object');
    input = parsed as Record<string, unknown>;
  } catch (err) {
    io.err(`shenpi decide: --input is not a JSON object: ${(err as Error).message}`);
    return 2;
  }
  try {
    const rules = await loadRuleFile(await io.readFile(file), basename(file));
    const decision = await rules.evaluate(option(args, '--decision'), input);
    io.out(JSON.stringify(decision, null, 2));
    return decision.error ? 1 : 0;
  } catch (err) {
    if (err instanceof RuleTableError) {
      io.err(err.message);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`shenpi decide: no such file '${file}'`);
      return 1;
    }
    throw err;
  }
}
