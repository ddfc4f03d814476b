/**
 * Helpers for the item and case route tests: an app with the ITEM-02 food licence deployed through the API,
 * demo users of its department (区市场监督管理局, ids `samr-*`) beside the plain-BPMN department
 * (`market-*`), the stated facts of an application, and multipart bodies built by hand.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { itemFiles } from '../items/support.js';
import { buildTestApp, login, type TestApp } from './helper.js';

/** The department of ITEM-02 and its demo users' id prefix. */
export const SAMR = '区市场监督管理局';

/** Departments with demo users: the plain BPMN examples' and the food licence's (whose admin approves extensions). */
export const CASE_DEPARTMENTS = [
  { department: 'market-supervision', slug: 'market', groups: ['clerk', 'reviewer', 'chief'] },
  { department: SAMR, slug: 'samr', groups: ['reviewer', 'inspector', 'section-chief', 'deputy-director', 'issuer'], adminGroups: ['agency-head'] },
];

/** The facts of a food business applying itself, offline only. */
export function foodFacts(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { applicant: { kind: 'ENTERPRISE', hasBusinessLicence: true }, onlyPrepackagedFood: false, operatesOnline: false, usesVendingMachine: false, byAgent: false, ...over };
}

/** The business licence, shared by the department that issued it (never uploaded). */
export const LICENCE = { material: 'M2', shared: { type: '营业执照', number: '91330100MA2XXXXX1', issuer: SAMR } };

/** A PDF's bytes. */
export function pdf(text = 'material'): Buffer {
  return Buffer.from(`%PDF-1.7 ${text}`);
}

/** A multipart/form-data body: text fields and files. */
export function multipart(parts: Array<{ name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----shenpi${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head = 'filename' in p
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`;
    chunks.push(Buffer.from(head), 'filename' in p ? p.bytes : Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An app with ITEM-02 deployed, and tokens of everyone involved. */
export interface CaseApp extends TestApp {
  tokens: Record<'admin' | 'samr-admin' | 'samr-staff' | 'market-admin' | 'market-staff' | 'applicant' | 'auditor', Record<string, string>>;
}

/** Builds the app, deploys ITEM-02 (and `more` items) as the reform office, and logs everyone in. */
export async function buildCaseApp(env: Record<string, string> = {}, more: string[] = []): Promise<CaseApp> {
  const t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000', ...env }, { demoDepartments: CASE_DEPARTMENTS });
  const tokens = {} as CaseApp['tokens'];
  for (const who of ['admin', 'samr-admin', 'samr-staff', 'market-admin', 'market-staff', 'applicant', 'auditor'] as const) tokens[who] = await login(t.app, who);
  for (const code of ['ITEM-02', ...more]) {
    const res = await t.app.inject({ method: 'POST', url: `/api/items/${code}/versions`, headers: tokens.admin, payload: { files: await itemFiles(code) } });
    expect(res.statusCode, res.body).toBe(201);
  }
  return Object.assign(t, { tokens });
}

/**
 * Applies online for ITEM-02 as the caller (the demo `applicant`, real name 张三, ID ending 1234) with the
 * materials given (all four by default); returns the case number.
 */
export async function applyFood(app: FastifyInstance, token: Record<string, string>, options: { facts?: Record<string, unknown>; files?: string[] } = {}): Promise<string> {
  const files = options.files ?? ['M1', 'M3', 'M4'];
  const application = { itemCode: 'ITEM-02', channel: 'online', facts: foodFacts(options.facts), applicant: { kind: 'ENTERPRISE' }, materials: [LICENCE] };
  const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...files.map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
  const res = await app.inject({ method: 'POST', url: '/api/cases', headers: { ...token, ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ caseNo: string }>().caseNo;
}

/** The open task of `elementId` in a case, as the inbox shows it to `token`. */
export async function openTask(app: FastifyInstance, token: Record<string, string>, caseNo: string, elementId: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: token });
  const task = res.json<Array<{ taskId: string; elementId: string }>>().find((x) => x.elementId === elementId);
  if (!task) throw new Error(`no open task ${elementId} in ${caseNo}: ${res.body}`);
  return task.taskId;
}

/** Completes the open task `elementId` as `token`; expects success. */
export async function completeTask(app: FastifyInstance, token: Record<string, string>, caseNo: string, elementId: string, body: Record<string, unknown> = {}): Promise<void> {
  const taskId = await openTask(app, token, caseNo, elementId);
  const res = await app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: token, payload: body });
  expect(res.statusCode, res.body).toBe(200);
}

/** Pins the controlled clock to Beijing `date` `time` (moving it runs the timers and the supervision sweep). */
export async function pinClock(app: FastifyInstance, admin: Record<string, string>, date: string, time = '10:00'): Promise<void> {
  const res = await app.inject({ method: 'POST', url: '/api/clock', headers: admin, payload: { pin: `${date}T${time}:00+08:00` } });
  expect(res.statusCode, res.body).toBe(200);
}
