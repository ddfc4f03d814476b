/**
 * `shenpi backup` copies a SQLite database that another process keeps writing to; the copy holds every case
 * committed before the backup began, each one whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectingIo } from '../../server/cli/io.js';
import { run } from '../../server/cli/commands/backup.js';
import { openStore } from '../../server/store/open-store.js';
import { spawnFixture } from './child.js';
import { expectConsistent } from './consistency.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shenpi backup', () => {
  it('copies a database while writes continue, and the copy holds every committed case', async () => {
    const file = path.join(dir, 'live.sqlite');
    const target = path.join(dir, 'copy.sqlite');
    const writer = spawnFixture('writer.ts', [file, 'B']);
    try {
      await writer.waitFor(/^ACK start /, 100);
      const committed = writer.lines.filter((l) => l.startsWith('ACK start ')).map((l) => l.slice(10));
      const io = collectingIo();

      const code = await run([target, '--db', file], io);
      const during = writer.lines.length;
      await writer.waitFor(/^ACK /, during + 20);

      expect(io.stderr).toEqual([]);
      expect(code).toBe(0);
      expect(io.stdout[0]).toMatch(new RegExp(`^Backed up .*live.sqlite to .*copy.sqlite: \\d+ pages, \\d+ cases$`));
      const copy = await openStore({ kind: 'sqlite', file: target });
      try {
        for (const no of committed) expect(await copy.cases.loadCase(no), no).toBeDefined();
        expect(await expectConsistent(copy)).toBeGreaterThanOrEqual(committed.length);
      } finally {
        await copy.close();
      }
    } finally {
      writer.process.kill('SIGKILL');
      await writer.exited;
    }
  });

  it('refuses to overwrite an existing file and explains the usage', async () => {
    const existing = path.join(dir, 'existing.sqlite');
    writeFileSync(existing, 'keep me');
    const io = collectingIo();
    expect(await run([existing, '--db', path.join(dir, 'live.sqlite')], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(`Refusing to overwrite '${existing}'`);
    const usage = collectingIo();
    expect(await run([], usage)).toBe(2);
    expect(usage.stderr.join('\n')).toContain('Usage: shenpi backup <file> [--db <sqlite file>]');
    const missing = collectingIo();
    expect(await run([path.join(dir, 'x.sqlite'), '--db', path.join(dir, 'none.sqlite')], missing)).toBe(1);
    expect(missing.stderr.join('\n')).toContain('there is no such file');
  });
});
