/**
 * Account, login, reservation, clock, sweep and task-operation writes commit with their audit entry, on the
 * store the suite runs on (SQLite; PostgreSQL when DATABASE_URL is set): a failure injected into the entry's
 * insert — after the write, in the same transaction — rolls the write back too, so no write exists without
 * its entry; without the failure each write has exactly one entry, and `audit verify` stays clean.
 *
 * The failure is a database trigger on `audit_log` refusing one action, so it strikes exactly where a crash
 * between the write and its entry would.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit-log.js';
import { applyFood, buildCaseApp, openTask, SAMR, type CaseApp } from './case-support.js';
import { login } from './helper.js';
import { loggedEvents } from '../support/event-log.js';

let t: CaseApp;
let knex: Knex;
const postgres = () => knex.client.config.client === 'pg';

beforeAll(async () => {
  t = await buildCaseApp();
  knex = t.app.store.knex;
  if (postgres()) {
    await knex.raw(`create or replace function refuse_audit() returns trigger as $$
      begin
        if exists (select 1 from refused_actions where action = new.action) then raise exception 'injected failure of %', new.action; end if;
        return new;
      end $$ language plpgsql`);
    await knex.schema.createTable('refused_actions', (tb) => tb.string('action').primary());
    await knex.raw('create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()');
  } else {
    await knex.schema.createTable('refused_actions', (tb) => tb.string('action').primary());
    await knex.raw(`create trigger refuse_audit before insert on audit_log
      when exists (select 1 from refused_actions where action = new.action)
      begin select raise(abort, 'injected failure'); end`);
  }
});
afterAll(() => t.close());

/** Runs `work` while the insert of an entry with `action` fails. */
async function failing<T>(action: string, work: () => Promise<T>): Promise<T> {
  await knex('refused_actions').insert({ action });
  try {
    return await work();
  } finally {
    await knex('refused_actions').where({ action }).delete();
  }
}

const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
const entries = (action: string, target?: string) => knex('audit_log').where({ action, ...(target ? { target } : {}) });
const row = (table: string, where: Record<string, unknown>) => knex(table).where(where).first();

describe('writes and their audit entries', () => {
  it('creates a user only with its user.created entry', async () => {
    const user = { id: 'clerk-new', name: '李新', roles: ['department-staff'], groups: ['window-clerk'], department: SAMR, password: 'a-strong-passphrase-7' };
    expect((await failing('user.created', () => post('/api/users', t.tokens.admin, user))).statusCode).toBe(500);
    expect(await row('users', { id: 'clerk-new' })).toBeUndefined();
    expect(await entries('user.created', 'clerk-new')).toHaveLength(0);
    expect((await post('/api/users', t.tokens.admin, user)).statusCode).toBe(201);
    expect(await entries('user.created', 'clerk-new')).toHaveLength(1);
  });

  it('resets a password and revokes sessions only with the user.password-reset entry', async () => {
    const staff = await login(t.app, 'clerk-new', 'a-strong-passphrase-7');
    const hash = (await row('users', { id: 'clerk-new' })).password_hash;
    const res = await failing('user.password-reset', () => post('/api/users/clerk-new/password', t.tokens.admin, { password: 'temporary-passphrase-9' }));
    expect(res.statusCode).toBe(500);
    expect((await row('users', { id: 'clerk-new' })).password_hash).toBe(hash);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: staff })).statusCode).toBe(200);
    expect((await post('/api/users/clerk-new/password', t.tokens.admin, { password: 'temporary-passphrase-9' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: staff })).statusCode).toBe(401);
    expect(await entries('user.password-reset', 'clerk-new')).toHaveLength(1);
  });

  it('disables an account only with the user.disabled entry', async () => {
    expect((await failing('user.disabled', () => post('/api/users/clerk-new/disable', t.tokens.admin))).statusCode).toBe(500);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: t.tokens.admin })).json().find((u: { id: string }) => u.id === 'clerk-new')).toMatchObject({ disabled: false });
    expect((await post('/api/users/clerk-new/disable', t.tokens.admin)).statusCode).toBe(200);
    expect((await failing('user.enabled', () => post('/api/users/clerk-new/enable', t.tokens.admin))).statusCode).toBe(500);
    expect((await row('users', { id: 'clerk-new' })).disabled).toBeTruthy();
    expect((await post('/api/users/clerk-new/enable', t.tokens.admin)).json()).toMatchObject({ disabled: false });
    expect(await entries('user.disabled', 'clerk-new')).toHaveLength(1);
    expect(await entries('user.enabled', 'clerk-new')).toHaveLength(1);
  });

  it('issues a session only with its auth.logged-in entry, and records a refused login', async () => {
    const sessions = async () => (await knex('sessions').where({ user_id: 'auditor' })).length;
    const before = await sessions();
    const payload = { username: 'auditor', password: 'demo-password-1' };
    expect((await failing('auth.logged-in', () => post('/api/auth/login', {}, payload))).statusCode).toBe(500);
    expect(await sessions()).toBe(before);
    expect((await post('/api/auth/login', {}, payload)).statusCode).toBe(200);
    expect(await sessions()).toBe(before + 1);
    expect((await post('/api/auth/login', {}, { ...payload, password: 'wrong-password-1' })).statusCode).toBe(401);
    expect(await entries('auth.login-refused', 'auditor')).toHaveLength(1);
  });

  it('changes one\'s own password only with the auth.password-changed entry', async () => {
    const me = await login(t.app, 'market-staff');
    const change = { currentPassword: 'demo-password-1', newPassword: 'my-own-passphrase-3' };
    expect((await failing('auth.password-changed', () => post('/api/auth/password', me, change))).statusCode).toBe(500);
    await login(t.app, 'market-staff', 'demo-password-1');
    expect((await post('/api/auth/password', me, change)).statusCode).toBe(204);
    await login(t.app, 'market-staff', 'my-own-passphrase-3');
    expect(await entries('auth.password-changed', 'market-staff')).toHaveLength(1);
  });

  it('reserves an item code only with its item.reserved entry', async () => {
    const body = { code: 'ITEM-77', department: SAMR, name: '测试事项' };
    const res = await failing('item.reserved', () => post('/api/items/reservations', t.tokens.admin, body));
    expect(res.statusCode).toBe(500);
    expect(await row('item_reservations', { code: 'ITEM-77' })).toBeUndefined();
    expect((await post('/api/items/reservations', t.tokens.admin, body)).statusCode).toBe(201);
    expect((await post('/api/items/reservations', t.tokens.admin, body)).statusCode).toBe(200);
    expect(await entries('item.reserved', 'ITEM-77')).toHaveLength(1);
  });

  it('hands a task on (转办) only with its task.transferred entry', async () => {
    const caseNo = await applyFood(t.app, t.tokens.applicant);
    expect((await post(`/api/cases/${caseNo}/accept`, t.tokens['samr-staff'])).statusCode).toBe(200);
    const taskId = await openTask(t.app, t.tokens['samr-staff'], caseNo, 'review');
    expect((await post(`/api/tasks/${encodeURIComponent(taskId)}/claim`, t.tokens['samr-staff'])).statusCode).toBe(200);
    const events = async () => (await loggedEvents(knex, { caseNos: [caseNo] })).length;
    const before = await events();
    const transfer = { to: 'samr-admin', reason: '工作调整' };
    const refused = await failing('task.transferred', () => post(`/api/tasks/${encodeURIComponent(taskId)}/transfer`, t.tokens['samr-staff'], transfer));
    expect(refused.statusCode, refused.body).toBe(500);
    expect(await events()).toBe(before);
    const done = await post(`/api/tasks/${encodeURIComponent(taskId)}/transfer`, t.tokens['samr-staff'], transfer);
    expect(done.statusCode, done.body).toBe(200);
    expect(await entries('task.transferred', taskId)).toHaveLength(1);
    expect(await events()).toBeGreaterThan(before);
  });

  it('moves the clock only with its clock.moved entry, and records each case the sweep changes', async () => {
    const caseNo = await applyFood(t.app, t.tokens.applicant);
    expect((await post(`/api/cases/${caseNo}/accept`, t.tokens['samr-staff'])).statusCode).toBe(200);
    const clock = async () => (await t.app.inject({ method: 'GET', url: '/api/clock', headers: t.tokens.admin })).json().now as string;
    const before = await clock();
    // Wednesday 4 March 2026, 10:00 in Beijing: the review step (1 working day from Monday 2 March) is overdue.
    const pin = { pin: '2026-03-04T10:00:00+08:00' };
    expect((await failing('clock.moved', () => post('/api/clock', t.tokens.admin, pin))).statusCode).toBe(500);
    expect(await clock()).toBe(before);
    const notices = async () => (await knex('supervision_notices').where({ case_no: caseNo })).length;
    // The clock moves, but the sweep's write of the case fails with its entry: no notice without its entry.
    expect((await failing('supervision.evaluated', () => post('/api/clock', t.tokens.admin, pin))).statusCode).toBe(200);
    expect(await clock()).toBe('2026-03-04T02:00:00.000Z');
    expect(await notices()).toBe(0);
    expect(await entries('supervision.evaluated', caseNo)).toHaveLength(0);
    const swept = await post('/api/supervision/sweep', t.tokens.auditor);
    expect(swept.json()).toMatchObject({ failed: 0 });
    expect(swept.json().recorded).toBeGreaterThanOrEqual(1);
    expect(await notices()).toBe(1);
    expect(await entries('supervision.evaluated', caseNo)).toEqual([expect.objectContaining({ actor_id: 'auditor' })]);
    expect(await entries('clock.moved')).toHaveLength(1);
  });

  it('keeps the audit chain clean', async () => {
    expect(await verifyAuditChain(knex)).toMatchObject({ ok: true, breakCount: 0 });
  });
});
