/**
 * Durability: a process driving cases is killed with SIGKILL in the middle of its work. After a restart,
 * every command it acknowledged is there, and no command is half-applied.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/index.js';
import { openStore } from '../../server/store/open-store.js';
import { spawnFixture } from './child.js';
import { expectConsistent } from './consistency.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety on SQLite', () => {
  it('keeps every acknowledged command and no half-applied one after SIGKILL under load', async () => {
    const file = path.join(dir, 'crash.sqlite');
    const writer = spawnFixture('writer.ts', [file, 'K']);
    await writer.waitFor(/^ACK complete /, 150);
    writer.process.kill('SIGKILL');
    const { signal } = await writer.exited;
    expect(signal).toBe('SIGKILL');

    const store = await openStore({ kind: 'sqlite', file });
    try {
      const acked = writer.lines.filter((l) => l.startsWith('ACK '));
      const started = acked.filter((l) => l.startsWith('ACK start ')).map((l) => l.slice(10));
      const completed = new Set(acked.filter((l) => l.startsWith('ACK complete ')).map((l) => l.slice(13)));
      for (const no of started) {
        const stored = await store.cases.loadCase(no);
        expect(stored, no).toBeDefined();
        if (completed.has(no)) expect(stored?.version, no).toBe(2);
      }
      await expectConsistent(store);
    } finally {
      await store.close();
    }
  });

  it('loses the whole group, savepoints released or not, when killed inside a group commit before COMMIT', async () => {
    const file = path.join(dir, 'group-crash.sqlite');
    const writer = spawnFixture('group-writer.ts', [file, '12']);
    const { signal } = await writer.exited;
    expect(signal, writer.stderr.join('')).toBe('SIGKILL');
    expect(writer.lines.at(-1)).toBe('KILL');

    const submitted = writer.lines.filter((l) => l.startsWith('SUBMIT ')).map((l) => l.slice(7));
    const acked = new Set(writer.lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4)));
    const lost = submitted.filter((no) => !acked.has(no));
    expect(acked.size).toBeGreaterThanOrEqual(12);
    // The killed group: four cases, two of whose savepoints had been released when the process died.
    expect(lost.length).toBeGreaterThanOrEqual(4);
    const store = await openStore({ kind: 'sqlite', file });
    try {
      for (const no of acked) expect((await store.cases.loadCase(no))?.version, no).toBe(1);
      for (const no of lost) {
        expect(await store.cases.loadCase(no), no).toBeUndefined();
        expect(await store.cases.listEvents(no), no).toEqual([]);
        expect(await store.timers.listTimers({ caseNo: no }), no).toEqual([]);
      }
      expect(await expectConsistent(store)).toBe(acked.size);
    } finally {
      await store.close();
    }
  });

  it('keeps every acknowledged approval application with its applicant index and its audit entry, and no command without them, when killed inside a group', async () => {
    const file = path.join(dir, 'approval-crash.sqlite');
    const writer = spawnFixture('approval-writer.ts', [file, path.join(dir, 'approval-files'), '8']);
    const { signal } = await writer.exited;
    expect(signal, writer.stderr.join('')).toBe('SIGKILL');
    expect(writer.lines.at(-1)).toBe('KILL');
    const acked = writer.lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4));
    expect(acked.length).toBeGreaterThanOrEqual(8);
    const store = await openStore({ kind: 'sqlite', file });
    try {
      // Each acknowledged application committed with its acceptance at submission, in one write (version 1).
      for (const no of acked) {
        expect((await store.cases.loadCase(no))?.version, no).toBe(1);
        expect((await store.cases.listEvents(no)).map((e) => e.type), no).toContain('case.accepted');
      }
      // The read model is all-or-nothing with its command: an index row exactly for every stored case.
      const stored = (await store.knex('cases').select('case_no')).map((r) => r.case_no).sort();
      const indexed = (await store.knex('approval_cases').select('case_no')).map((r) => r.case_no).sort();
      expect(indexed).toEqual(stored);
      expect(stored.length).toBeGreaterThanOrEqual(acked.length);
      // One case.applied entry exactly for every stored case (the acceptance at submission is the system's
      // own step): none lost with an acknowledged command, none left by the group the kill cut off.
      const entries = await store.knex('audit_log').orderBy('seq').select('action', 'target');
      expect(entries.map((e) => e.action)).toEqual(stored.map(() => 'case.applied'));
      expect(entries.map((e) => e.target).sort()).toEqual(stored);
      expect((await verifyAuditChain(store.knex)).breakCount).toBe(0);
      for (const no of stored) {
        const events = await store.cases.listEvents(no);
        expect((await store.cases.loadCase(no))?.lastSeq, no).toBe(events.length);
        expect(events.map((e) => e.seq), no).toEqual(events.map((_, i) => i + 1));
      }
    } finally {
      await store.close();
    }
  });
});
