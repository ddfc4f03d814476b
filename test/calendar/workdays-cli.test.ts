import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { collectingIo } from '../../server/cli/io.js';
import { main } from '../../server/cli/main.js';
import { repoDir } from '../support/shared.js';

async function shenpi(...argv: string[]) {
  const io = collectingIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr.join('\n') };
}

describe('shenpi workdays add', () => {
  it('prints the n-th working day after the date, a make-up Saturday included', async () => {
    const r = await shenpi('workdays', 'add', '2026-10-09', '1');
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['2026-10-10 (Sat)', 'official: calendar cn-official@1.5.7:2004-2026']);
  });

  it('prints one JSON object with --json', async () => {
    expect((await shenpi('workdays', 'add', '2026-09-25', '5', '--json')).out).toEqual(['{"date":"2026-10-09","provisional":false}']);
    expect((await shenpi('workdays', '--json', 'add', '2026-02-13', '3')).out).toEqual(['{"date":"2026-02-25","provisional":false}']);
  });

  it('says when the answer is provisional', async () => {
    expect((await shenpi('workdays', 'add', '2026-12-31', '1', '--json')).out).toEqual(['{"date":"2027-01-04","provisional":true}']);
    const text = await shenpi('workdays', 'add', '2026-12-31', '1');
    expect(text.out[0]).toBe('2027-01-04 (Mon)');
    expect(text.out[1]).toMatch(/^Provisional: 2027-01-04/);
  });

  it('n = 0 returns the date itself', async () => {
    expect((await shenpi('workdays', 'add', '2026-10-03', '0', '--json')).out).toEqual(['{"date":"2026-10-03","provisional":false}']);
  });
});

describe('shenpi workdays count and is', () => {
  it('counts the working days in (from, to]', async () => {
    expect((await shenpi('workdays', 'count', '2026-06-05', '2026-06-26', '--json')).out).toEqual(['{"count":14,"provisional":false}']);
    expect((await shenpi('workdays', 'count', '2026-09-25', '2026-10-09')).out[0]).toBe('5 working days in (2026-09-25, 2026-10-09]');
    expect((await shenpi('workdays', 'count', '2026-12-30', '2027-01-05', '--json')).out).toEqual(['{"count":3,"provisional":true}']);
    expect((await shenpi('workdays', 'count', '2026-10-09', '2026-10-01', '--json')).out).toEqual(['{"count":0,"provisional":false}']);
  });

  it('tells whether a date is a working day, and why', async () => {
    expect((await shenpi('workdays', 'is', '2026-10-10', '--json')).out).toEqual(['{"workday":true,"provisional":false}']);
    expect((await shenpi('workdays', 'is', '2026-10-05')).out[0]).toBe('2026-10-05 (Mon) is not a working day: official holiday');
    expect((await shenpi('workdays', 'is', '2027-10-01', '--json')).out).toEqual(['{"workday":false,"provisional":true}']);
  });
});

describe('shenpi workdays: bad input exits 2 with a clear message', () => {
  it.each([
    [['add', '2026-02-30', '1'], "'2026-02-30' is not a date"],
    [['add', '26-10-09', '1'], "'26-10-09' is not a date"],
    [['add', '2026-10-09', '1.5'], "'1.5' is not a number of working days"],
    [['add', '2026-10-09', '-1'], "'-1' is not a number of working days"],
    [['add', '2026-10-09', 'ten'], "'ten' is not a number of working days"],
    [['add', '2026-10-09'], "'add' takes 2 arguments, but got 1"],
    [['count', 'today', '2026-10-09'], "'today' is not a date"],
    [['is'], "'is' takes 1 argument, but got 0"],
    [['next', '2026-10-09'], "unknown sub-command 'next'"],
    [[], 'no sub-command given'],
    [['is', '2026-10-09', '--yaml'], "unknown option '--yaml'"],
    [['add', '9997-12-31', '100000'], 'Expected a year between 1000 and 9998'],
  ])('%j', async (args, message) => {
    const r = await shenpi('workdays', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Usage: shenpi workdays');
    expect(r.out).toEqual([]);
  });

  it('prints its usage with --help and exits 0', async () => {
    const r = await shenpi('workdays', '--help');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Usage: shenpi workdays add/);
  });
});

describe('the real command', () => {
  it('node bin/shenpi.js workdays add 2026-10-09 1', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoDir, 'bin/shenpi.js'), 'workdays', 'add', '2026-10-09', '1'], {
      cwd: repoDir,
    });
    expect(stdout.split('\n')[0]).toBe('2026-10-10 (Sat)');
  });

  it('exits 2 on bad input', async () => {
    const child = promisify(execFile)(process.execPath, [path.join(repoDir, 'bin/shenpi.js'), 'workdays', 'add', 'soon', '1'], { cwd: repoDir });
    await expect(child).rejects.toMatchObject({ code: 2 });
  });
});
