import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { collectingIo } from '../../server/cli/io.js';
import { main } from '../../server/cli/main.js';
import { dmnTckDir, repoDir } from '../support/shared.js';

const food = (f: string) => path.join(repoDir, 'rules/examples/food-licence', f);

async function cli(...argv: string[]) {
  const io = collectingIo();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('shenpi decide', () => {
  it('prints the decision of a rule-table file as JSON with its explanation', async () => {
    const r = await cli('decide', food('materials.yaml'), '--input', '{"usesVendingMachine":false,"operatesOnline":false,"byAgent":true}');
    expect(r.code).toBe(0);
    const decision = JSON.parse(r.out);
    expect(decision.result.map((m: { material: string }) => m.material)).toEqual(['M1', 'M2', 'M3', 'M4', 'M7']);
    expect(decision.matchedRows[4]).toMatchObject({ id: 'M7', annotation: expect.stringContaining('第二十九条') });
  });

  it('evaluates a DMN decision chosen by name', async () => {
    const model = path.join(dmnTckDir, '0010-multi-output-U/0010-multi-output-U.dmn');
    const r = await cli('decide', model, '--decision', 'Approval', '--input', '{"Age":17,"RiskCategory":"Medium","isAffordable":true}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).result).toEqual({ Status: 'Declined', Rate: 'Standard' });
  });

  it('exits 1 with the error when a UNIQUE table has several matches, and 2 on bad input JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-rules-'));
    const file = path.join(dir, 'u.yaml');
    writeFileSync(file, `id: u\nname: u\nhitPolicy: U\ninputs: [{ name: n, type: number }]\noutputs: [{ name: o, type: number }]\nrows:\n  - { when: ['> 1'], then: [1] }\n  - { when: ['> 2'], then: [2] }\n`);
    const r = await cli('decide', file, '--input', '{"n": 5}');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ result: null, error: expect.stringMatching(/UNIQUE/) });
    expect((await cli('decide', file, '--input', '{oops')).code).toBe(2);
  });

  it('runs as a child process through bin/shenpi.js', async () => {
    const { stdout } = await promisify(execFile)('node', [path.join(repoDir, 'bin/shenpi.js'), 'decide', food('special-procedures.yaml'), '--input', '{"procedure":"SITE_CHECK"}'], { cwd: repoDir });
    expect(JSON.parse(stdout)).toMatchObject({ result: { countsTowardStatutoryLimit: true, countsTowardPromisedLimit: true }, matchedRows: [{ id: 'SITE-CHECK', selected: true }] });
  });
});

describe('shenpi rules', () => {
  it('test prints each embedded case and exits 0 when all pass', async () => {
    const r = await cli('rules', 'test', food('special-procedures.yaml'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'PASS expert review stops both clocks', 'PASS the site check counts toward both limits',
      'food-licence.special-procedures: 2 passed, 0 failed',
    ]);
  });

  it('test exits 1 and says what differs when a case fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-rules-'));
    const file = path.join(dir, 'f.yaml');
    writeFileSync(file, `id: f\nname: f\nhitPolicy: F\ninputs: [{ name: n, type: number }]\noutputs: [{ name: o, type: string }]\nrows:\n  - { when: ['< 10'], then: ['"small"'] }\n  - { when: ['-'], then: ['"big"'] }\ntests:\n  - { name: five is small, input: { n: 5 }, expect: small }\n  - { name: fifty is small, input: { n: 50 }, expect: small }\n`);
    const r = await cli('rules', 'test', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('PASS five is small');
    expect(r.out).toContain('FAIL fifty is small: expected "small" but got "big"');
  });

  it('lint prints findings naming table, row and column', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-rules-'));
    const file = path.join(dir, 'l.yaml');
    writeFileSync(file, `id: l\nname: l\nhitPolicy: U\ninputs: [{ name: kind, type: string }]\noutputs: [{ name: o, type: number }]\nrows:\n  - { id: r1, when: [rented], then: [1] }\n  - { id: r2, when: ['-'], then: [2] }\n`);
    const r = await cli('rules', 'lint', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("l.yaml:7: error unquoted-string in table 'l', row 'r1' (#1), column 'kind'");
    expect(r.out).toMatch(/l: \d error\(s\)/);
  });

  it('lint reports a broken file as findings with the file name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-rules-'));
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'id: x\nrows: [\n');
    const r = await cli('rules', 'lint', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^broken\.yaml: not valid YAML/);
  });

  it('export writes DMN 1.3 and import reads it back as YAML', async () => {
    const exported = await cli('rules', 'export', food('special-procedures.yaml'));
    expect(exported.out).toContain('https://www.omg.org/spec/DMN/20191111/MODEL/');
    const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-rules-'));
    writeFileSync(path.join(dir, 'sp.dmn'), exported.out);
    const imported = await cli('rules', 'import', path.join(dir, 'sp.dmn'));
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("procedure: '\"SITE_CHECK\"'");
  });
});
