/**
 * E-certificates through HTTP on a controlled clock (ITEM-02, 食品经营许可证, 5 years): the approving decision on
 * Mon 2026-03-02 generates the certificate, valid from 03-02 to Sun 2031-03-01 (5 years less a day), sealed
 * with the department's SM2 key; anyone verifies it by its number; a copy with the holder changed, a seal by
 * another department's key and a certificate changed in the database all fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateText } from '../../engine/approval/index.js';
import { applyFood, buildCaseApp, completeTask, SAMR, type CaseApp } from './case-support.js';
import { caseDetail } from './clock-support.js';

let t: CaseApp;
let caseNo: string;
let number: string;

/** Whether the OpenSSL command line is installed (it checks the SM2 signature independently of Node). */
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  t = await buildCaseApp();
  caseNo = await applyFood(t.app, t.tokens.applicant);
  expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: t.tokens['samr-staff'], payload: {} })).statusCode).toBe(200);
  for (const step of ['review', 'siteCheck', 'audit']) await completeTask(t.app, t.tokens['samr-staff'], caseNo, step);
  await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'decide', { outcome: 'approve', opinion: '符合许可条件' });
  number = `ITEM-02-2026-${caseNo.slice(-8)}`;
}, 120_000);
afterAll(() => t.close());

const verify = (n: string) => t.app.inject({ method: 'GET', url: `/api/certificates/${encodeURIComponent(n)}/verify` });

describe('e-certificates', () => {
  it('generates the certificate at the approving decision, sealed with the department key', async () => {
    const c = await caseDetail(t.app, t.tokens.auditor, caseNo);
    expect(c.certificate).toMatchObject({
      number, name: '食品经营许可证', holder: '张三', issuer: SAMR, validFrom: '2026-03-02', validUntil: '2031-03-01',
      seal: { kind: 'e-seal', algorithm: 'SM2-SM3', signer: SAMR },
    });
    // Asking for it again answers the same certificate; the issue step can complete.
    const again = await t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/certificate`, headers: t.tokens['samr-staff'], payload: {} });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ certificateNumber: number });
    await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'issue');
  });

  it('publishes the public key and verifies the certificate by its number, without a login', async () => {
    const keys = await t.app.inject({ method: 'GET', url: `/api/certificates/keys?department=${encodeURIComponent(SAMR)}` });
    expect(keys.statusCode, keys.body).toBe(200);
    expect(keys.json()).toHaveLength(1);
    const key = keys.json()[0];
    expect(key).toMatchObject({ department: SAMR, algorithm: 'SM2-SM3', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(key.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const current = await t.app.inject({ method: 'GET', url: `/api/departments/${encodeURIComponent(SAMR)}/public-key` });
    expect(current.json()).toEqual(key);
    expect((await t.app.inject({ method: 'GET', url: `/api/departments/${encodeURIComponent('无此部门')}/public-key` })).statusCode).toBe(404);

    const res = await verify(number);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ number, authentic: true, reason: 'valid', status: 'valid', itemCode: 'ITEM-02', key: { keyId: key.keyId } });
    expect((await verify('ITEM-02-2026-NOSUCH00')).statusCode).toBe(404);
    // No private key leaves the server, and none is in the clear in the database.
    expect(keys.body).not.toContain('PRIVATE');
    const row = await t.app.store.knex('signing_keys').first('private_key');
    expect(row.private_key).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  });

  it.skipIf(!hasOpenssl)('makes a real SM2 signature that the OpenSSL command line verifies (skipped only without openssl)', async () => {
    const c = await caseDetail(t.app, t.tokens.auditor, caseNo);
    const key = (await t.app.inject({ method: 'GET', url: `/api/departments/${encodeURIComponent(SAMR)}/public-key` })).json();
    const dir = mkdtempSync(path.join(tmpdir(), 'shenpi-sm2-'));
    try {
      const { seal, ...content } = c.certificate;
      writeFileSync(path.join(dir, 'pub.pem'), key.publicKey);
      writeFileSync(path.join(dir, 'text'), certificateText(content, { caseNo, itemCode: 'ITEM-02' }));
      writeFileSync(path.join(dir, 'sig'), Buffer.from(seal.signature, 'base64'));
      const out = execFileSync('openssl', ['dgst', '-sm3', '-verify', path.join(dir, 'pub.pem'), '-signature', path.join(dir, 'sig'), path.join(dir, 'text')]).toString();
      expect(out.trim()).toBe('Verified OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails a presented copy with a changed field, and one sealed by another key', async () => {
    const c = await caseDetail(t.app, t.tokens.auditor, caseNo);
    const present = (certificate: object) => t.app.inject({ method: 'POST', url: '/api/certificates/verify', payload: certificate });
    const genuine = await present(c.certificate);
    expect(genuine.json()).toMatchObject({ authentic: true, reason: 'valid' });
    const tampered = await present({ ...c.certificate, holder: '李四' });
    expect(tampered.json()).toMatchObject({ authentic: false, reason: 'signature-mismatch', certificate: { holder: '李四' } });
    const longer = await present({ ...c.certificate, validUntil: '2036-03-01' });
    expect(longer.json()).toMatchObject({ authentic: false, reason: 'signature-mismatch' });
    const unknownKey = await present({ ...c.certificate, seal: { ...c.certificate.seal, keyId: '0000000000000000' } });
    expect(unknownKey.json()).toMatchObject({ authentic: false, reason: 'unknown-key' });
    const unsealed = await present({ ...c.certificate, seal: { kind: 'e-seal-placeholder', holder: SAMR } });
    expect(unsealed.json()).toMatchObject({ authentic: false, reason: 'unsealed' });
  });

  it('fails a certificate changed in the database after it was sealed', async () => {
    const knex = t.app.store.knex;
    const row = await knex('cases').where({ case_no: caseNo }).first('state');
    const state = typeof row.state === 'string' ? JSON.parse(row.state) : row.state;
    state.approval.certificate.holder = '王五';
    await knex('cases').where({ case_no: caseNo }).update({ state: JSON.stringify(state) });
    const res = await verify(number);
    expect(res.json()).toMatchObject({ authentic: false, reason: 'signature-mismatch', certificate: { holder: '王五' } });
  });
});
