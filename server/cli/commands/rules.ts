/**
 * `shenpi rules <test|lint|export|import> <file>`: run a table's embedded test cases, lint a table,
 * export a table to DMN 1.3 XML, or import a DMN model's decision tables as YAML.
 */
import { basename } from 'node:path';
import type { CliIo } from '../io.js';
import {
  RuleTableError, compileRuleTable, exportDmn, formatFinding, importDmn, lintRuleTable, loadRuleTable, runTableTests, tableToYaml,
} from '../../../rules/index.js';

/** One-line description for `shenpi --help`. */
export const summary = 'rule tables: rules test|lint|export|import <file>';

const USAGE = [
  'Usage: shenpi rules <command> <file>',
  '  test <table.yaml>     run the test cases embedded in the table (exit 1 on failure)',
  '  lint <table.yaml>     print the findings of the linter (exit 1 on errors)',
  '  export <table.yaml>   print the table as DMN 1.3 XML',
  '  import <model.dmn>    print the decision tables of a DMN model as YAML',
].join('\n');

async function test(file: string, io: CliIo): Promise<number> {
  if (/\.(dmn|xml)$/i.test(file)) {
    io.err(`${basename(file)}: DMN models carry no embedded test cases; evaluate them with 'shenpi decide'`);
    return 2;
  }
  const table = loadRuleTable(await io.readFile(file), { fileName: basename(file) });
  const results = await runTableTests(compileRuleTable(table));
  if (!results.length) {
    io.out(`${table.id}: no test cases in the file`);
    return 1;
  }
  for (const r of results) {
    io.out(`${r.passed ? 'PASS' : 'FAIL'} ${r.name}${r.passed ? '' : ': ' + r.problems.join('; ')}`);
  }
  const failed = results.filter((r) => !r.passed).length;
  io.out(`${table.id}: ${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

async function lint(file: string, io: CliIo): Promise<number> {
  const table = loadRuleTable(await io.readFile(file), { fileName: basename(file) });
  const findings = lintRuleTable(table);
  for (const f of findings) io.out(formatFinding(f));
  const errors = findings.filter((f) => f.severity === 'error').length;
  io.out(`${table.id}: ${errors} error(s), ${findings.length - errors} warning(s)`);
  return errors ? 1 : 0;
}

async function exportTable(file: string, io: CliIo): Promise<number> {
  io.out(await exportDmn(loadRuleTable(await io.readFile(file), { fileName: basename(file) })));
  return 0;
}

async function importModel(file: string, io: CliIo): Promise<number> {
  const model = await importDmn(await io.readFile(file), { fileName: basename(file) });
  for (const w of model.warnings) io.err(`warning: ${w}`);
  const tables = model.decisions.flatMap((d) => (d.table ? [d.table] : []));
  io.out(tables.map(tableToYaml).join('---\n'));
  return tables.length ? 0 : 1;
}

const SUB: Record<string, (file: string, io: CliIo) => Promise<number>> = { test, lint, export: exportTable, import: importModel };

/** Runs the command; exit 2 on bad usage, 1 on failures or unreadable files. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, file] = args;
  const handler = sub ? SUB[sub] : undefined;
  if (!handler || !file) {
    io.err(USAGE);
    return 2;
  }
  try {
    return await handler(file, io);
  } catch (err) {
    if (err instanceof RuleTableError) {
      for (const line of err.message.split('\n')) io.out(line);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`shenpi rules: no such file '${file}'`);
      return 1;
    }
    throw err;
  }
}
