import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { collectingIo } from '../../server/cli/io.js';
import { main } from '../../server/cli/main.js';
import { miwgDir, repoDir } from '../support/shared.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const LINE = /^(error|warning) (\S+) ([a-z-]+): .+$/;

async function lint(...args: string[]) {
  const io = collectingIo();
  const code = await main(['lint', ...args], io);
  return { code, ...io };
}

describe('shenpi lint', () => {
  it('exits 0 and reports no finding for a deployable file', async () => {
    const { code, stdout, stderr } = await lint(path.join(fixtures, 'approval-flow.bpmn'));
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout).toEqual([`${path.join(fixtures, 'approval-flow.bpmn')}: 0 errors, 0 warnings (deployable)`]);
  });

  it('prints every finding as "<severity> <elementId> <rule>: <message>" and exits 1 on errors', async () => {
    // Given a file with a misspelt attribute, a conditional parallel branch, a script task and an orphan
    const { code, stdout } = await lint(path.join(fixtures, 'broken.bpmn'));
    // Then each problem is a greppable line with its element id, followed by the summary
    expect(code).toBe(1);
    const lines = stdout.slice(0, -1);
    for (const line of lines) expect(line).toMatch(LINE);
    const keys = lines.map((l) => l.split(':')[0]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'error review moddle-attribute',
        'error review user-task-assignment',
        'error fFire parallel-gateway-conditions',
        'error calc unsupported-element',
        'error forgotten reachable-from-start',
        'error forgotten reaches-end',
      ]),
    );
    expect(stdout.at(-1)).toBe(`${path.join(fixtures, 'broken.bpmn')}: ${lines.length} errors, 0 warnings (refused)`);
  });

  it('writes the findings as JSON with --json', async () => {
    const { code, stdout } = await lint(path.join(fixtures, 'broken.bpmn'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout.join('\n'));
    expect(report.ok).toBe(false);
    expect(report.errors).toBe(report.findings.length);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ id: 'calc', rule: 'unsupported-element', severity: 'error' }),
    );
  });

  it('checks the process chosen with --process', async () => {
    const { code, stderr, stdout } = await lint(path.join(fixtures, 'approval-flow.bpmn'), '--process', 'nope');
    expect(code).toBe(1);
    expect(stderr).toEqual([]);
    expect(stdout[0]).toMatch(/^error nope process-required: no process 'nope' in the file \(processes: licence\)$/);
  });

  it.each([
    [[], 'no file given'],
    [['a.bpmn', 'b.bpmn'], 'only one file at a time'],
    [['a.bpmn', '--fix'], "unknown option '--fix'"],
    [['a.bpmn', '--process'], '--process needs a process id'],
  ])('exits 2 on usage errors (%j)', async (args, message) => {
    const { code, stdout, stderr } = await lint(...args);
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr[0]).toContain(message);
  });

  it('exits 2 when the file cannot be read', async () => {
    const { code, stderr } = await lint(path.join(fixtures, 'no-such-file.bpmn'));
    expect(code).toBe(2);
    expect(stderr[0]).toMatch(/cannot read .*no-such-file\.bpmn/);
  });

  it('reports an undecodable file as one file-level finding', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shenpi-lint-'));
    const file = path.join(dir, 'latin.bpmn');
    await writeFile(file, Buffer.from([...Buffer.from('<?xml version="1.0"?><a>'), 0xe9, ...Buffer.from('</a>')]));
    const { code, stdout } = await lint(file);
    expect(code).toBe(1);
    expect(stdout[0]).toMatch(/^error - xml-encoding: the bytes are not valid UTF-8/);
  });
});

describe('shenpi lint as a child process', () => {
  const exec = promisify(execFile);
  const shenpi = path.join(repoDir, 'bin/shenpi.js');
  const run = async (file: string) => {
    try {
      const { stdout } = await exec(process.execPath, [shenpi, 'lint', file], { cwd: repoDir });
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string };
      return { code: e.code, stdout: e.stdout };
    }
  };

  it('refuses a MIWG model with greppable lines and exit code 1', async () => {
    const file = path.join(miwgDir, 'C.9.1.bpmn');
    const { code, stdout } = await run(file);
    const lines = stdout.trim().split('\n');
    expect(code).toBe(1);
    expect(lines.slice(0, -1).every((l) => LINE.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/: \d+ errors?, \d+ warnings? \(refused\)$/);
  });

  it('refuses the broken fixture with exit code 1', async () => {
    const { code, stdout } = await run(path.join(fixtures, 'broken.bpmn'));
    expect(code).toBe(1);
    expect(stdout).toContain('error calc unsupported-element: ScriptTask');
  });
});
