/**
 * The applicant's notification centre (站内消息) and its SMS channel: one ITEM-02 case from a correction notice
 * to the evaluation request, each step that concerns the applicant becoming one message in Chinese, read and
 * unread per applicant; the SMS of each going through the HTTP gateway adapter to a local stub server that
 * refuses the first post (retried) and checks the key, which never reaches the log.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../engine/core/types.js';
import { HttpSmsGateway } from '../../server/notify/sms-gateway.js';
import { mobileNumber } from '../../server/notify/applicant-notices.js';
import { buildCaseApp, foodFacts, LICENCE, multipart, pdf, SAMR, type CaseApp } from './case-support.js';

const ITEM = '食品经营许可（新办，餐饮服务—热食类食品制售）';
const KEY = 'sms-key-9f2c41d7e0b84a6f';
const clerk: Actor = { id: 'samr-staff', name: '区市场监督管理局 工作人员', department: SAMR, roles: ['department-staff', 'reviewer', 'inspector', 'section-chief', 'deputy-director', 'issuer'] };
const head: Actor = { id: 'samr-admin', name: '区市场监督管理局 管理员', department: SAMR, roles: ['department-admin', 'agency-head'] };
const applicant: Actor = { id: 'applicant', name: '张三' };

interface Received { authorization?: string; body: { to: string; text: string; ref: string } }

/** A stub SMS gateway: answers `plan` in turn (then 200), and records what it received. */
async function stubGateway(plan: number[]): Promise<{ server: Server; url: string; received: Received[]; plan: number[] }> {
  const received: Received[] = [];
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => { let s = ''; req.on('data', (c) => (s += c)); req.on('end', () => resolve(s)); });
  const server = createServer((req, res) => {
    void read(req).then((body) => {
      received.push({ ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body: JSON.parse(body) });
      res.statusCode = plan.shift() ?? 200;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send?account=demo`, received, plan };
}

let t: CaseApp;
let stub: Awaited<ReturnType<typeof stubGateway>>;
let caseNo: string;

beforeAll(async () => {
  stub = await stubGateway([503]);
  t = await buildCaseApp({ SHENPI_SMS_URL: stub.url, SHENPI_SMS_KEY: KEY, SHENPI_SMS_ATTEMPTS: '2', SHENPI_SMS_SIGN: '政务服务' });
  // Online, with M3 missing: the department will ask for it.
  const application = { itemCode: 'ITEM-02', channel: 'online', facts: foodFacts(), applicant: { kind: 'ENTERPRISE', phone: '138 0013 8000' }, materials: [LICENCE] };
  const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...['M1', 'M4'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
  const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { ...t.tokens.applicant, ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  caseNo = res.json<{ caseNo: string }>().caseNo;
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => stub?.server.close(resolve));
});

type Item = { id: string; caseNo: string; kind: string; title: string; text: string; at: string; read: boolean };
const mine = async (who: keyof CaseApp['tokens'] = 'applicant', query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: t.tokens[who] });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ total: number; unread: number; items: Item[] }>();
};
const ok = (result: { ok: boolean }) => expect(result, JSON.stringify(result)).toMatchObject({ ok: true });

describe('the notification centre', () => {
  it('tells the applicant of the correction notice, naming the material, unread', async () => {
    expect((await mine()).total).toBe(0);
    ok(await t.app.cases.service.notifyCorrection(caseNo, { actor: clerk }));
    const list = await mine();
    expect(list).toMatchObject({ total: 1, unread: 1 });
    expect(list.items[0]).toMatchObject({ caseNo, kind: 'correction', title: '补正材料通知', read: false, at: '2026-03-02T01:00:00.000Z' });
    expect(list.items[0]!.text).toBe(`您申请的“${ITEM}”（受理编号 ${caseNo}）需要补正材料：与食品经营相适应的主要设备设施布局、操作流程等文件（请补正：与食品经营相适应的主要设备设施布局、操作流程等文件）。请一次性补齐后在网上办事大厅提交。`);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/unread', headers: t.tokens.applicant })).json()).toEqual({ unread: 1 });
    // Staff have none of the applicant's messages
    expect((await mine('samr-staff')).total).toBe(0);
  });

  it('sends the SMS through the gateway with the key, retrying a refused post, and marks it sent', async () => {
    expect(await t.app.sms.round()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(stub.received).toHaveLength(2);
    for (const r of stub.received) expect(r.authorization).toBe(`Bearer ${KEY}`);
    expect(stub.received[1]!.body.to).toBe('13800138000');
    expect(stub.received[1]!.body.text).toBe(`【政务服务】补正材料通知：${(await mine()).items[0]!.text}`);
    const row = await t.app.store.knex('applicant_notifications').first('sms_state', 'sms_attempts', 'sms_to');
    expect(row).toMatchObject({ sms_state: 'sent', sms_to: '13800138000' });
    // Nothing more is due
    expect(await t.app.sms.round()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('tells of the acceptance with the promised date, the special procedure with its expected duration, the extension and the decision', async () => {
    ok(await t.app.cases.service.supplyCorrection(caseNo, { actor: applicant, materials: [{ material: 'M3', file: { name: 'M3.pdf', contentType: 'application/pdf', bytes: pdf('M3') } }] }));
    ok(await t.app.cases.service.accept(caseNo, { actor: clerk }));
    ok(await t.app.cases.service.startSpecialProcedure(caseNo, { id: 'sp-1', procedure: 'SITE_CHECK', reason: '现场核查经营场所', basis: '食品经营许可管理办法', actor: clerk }));
    ok(await t.app.cases.service.endSpecialProcedure(caseNo, { id: 'sp-1', result: '核查一致', actor: clerk } as never));
    ok(await t.app.cases.service.approveExtension(caseNo, { requested: { value: 5, unit: 'WD' }, reason: '需补充核查', actor: head }));
    const texts = (await mine()).items.map((i) => `${i.title}｜${i.text}`).reverse();
    // Accepted Monday 2 March 2026: 5 working days are 3, 4, 5, 6 and 9 March
    expect(texts[1]).toBe(`受理通知｜您申请的“${ITEM}”（受理编号 ${caseNo}）已于 2026-03-02 受理，承诺于 2026-03-09 前办结。`);
    // 2 working days from Monday 2 March: Tuesday 3 and Wednesday 4; site checks count toward the limits
    expect(texts[2]).toBe(`特别程序告知｜您的办件 ${caseNo}（${ITEM}）自 2026-03-02 起进入现场踏勘程序，预计需要 2个工作日，预计于 2026-03-04 结束；审批期限照常计算。`);
    expect(texts[3]).toBe(`特别程序结束｜您的办件 ${caseNo}（${ITEM}）的现场踏勘程序已于 2026-03-02 结束，审批继续办理。`);
    // 10 working days from 2 March end on 16 March; 5 more: 17, 18, 19, 20 and 23 March
    expect(texts[4]).toBe(`延长审批期限告知｜经批准，您的办件 ${caseNo}（${ITEM}）的审批期限延长 5个工作日，延长后于 2026-03-23 前作出决定，理由：需补充核查。`);
    expect(texts).toHaveLength(5);
  });

  it('tells of the decision, the certificate, the delivery and asks for the evaluation', async () => {
    const service = t.app.cases.service;
    const complete = async (elementId: string, extra: Record<string, string> = {}) => {
      const task = (await service.getCase(caseNo))!.openTasks.find((x) => x.elementId === elementId)!;
      ok(await service.completeTask(caseNo, { taskId: task.taskId, actor: clerk, ...extra }));
    };
    for (const step of ['review', 'siteCheck', 'audit']) await complete(step);
    // The approving decision generates the certificate, numbered after the case.
    await complete('decide', { outcome: 'approve', opinion: '同意' });
    await complete('issue');
    ok(await service.recordDelivery(caseNo, { method: 'express', carrier: 'EMS', trackingNumber: 'EMS1234567890', actor: clerk }));
    const items = (await mine()).items;
    const kinds = items.map((i) => i.kind).reverse();
    expect(kinds).toEqual(['correction', 'accepted', 'procedure-started', 'procedure-ended', 'extension', 'decided', 'certificate', 'evaluation', 'delivered']);
    const text = (kind: string) => items.find((i) => i.kind === kind)!.text;
    // Decided on Monday 2 March; delivery within 5 working days: 3, 4, 5, 6 and 9 March (行政许可法 第44条)
    expect(text('decided')).toBe(`您的办件 ${caseNo}（${ITEM}）已作出决定：准予许可。办理结果将于 2026-03-09 前送达。`);
    expect(text('certificate')).toBe(`您的“食品经营许可证”（编号 ITEM-02-2026-${caseNo.slice(-8)}）已制发，可在网上办事大厅查看和下载电子证照。`);
    expect(text('delivered')).toBe(`您的办件 ${caseNo}（${ITEM}）的办理结果已送达：邮寄送达，EMS，快递单号 EMS1234567890。`);
    expect(text('evaluation')).toBe(`您的办件 ${caseNo}（${ITEM}）已办结，欢迎对本次服务作出评价（好差评）。`);
    // No English word and no raw code in any text
    for (const i of items) expect(`${i.title}${i.text}`, i.kind).not.toMatch(/\b[a-z]{3,}\b|SITE_CHECK|approved|express/);
    expect((await mine()).unread).toBe(9);
  });

  it('marks one read, refuses another user\'s message as not found, and marks all read', async () => {
    const first = (await mine()).items.at(-1)!;
    const read = await t.app.inject({ method: 'POST', url: `/api/notifications/${first.id}/read`, headers: t.tokens.applicant });
    expect(read.json()).toEqual({ unread: 8 });
    expect((await mine()).items.at(-1)!.read).toBe(true);
    expect((await mine('applicant', '?unread=true')).total).toBe(8);
    const other = await t.app.inject({ method: 'POST', url: `/api/notifications/${first.id}/read`, headers: t.tokens['samr-staff'] });
    expect(other.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: t.tokens.applicant })).json()).toEqual({ unread: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('retries a message the gateway keeps refusing in a later round, then marks it failed', async () => {
    stub.received.length = 0;
    stub.plan.push(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
    const first = await t.app.sms.round();
    expect(first.sent + first.retrying).toBe(8);
    expect(first.retrying).toBeGreaterThan(0);
    const row = await t.app.store.knex('applicant_notifications').where({ sms_state: 'pending' }).first('sms_attempts', 'sms_error');
    expect(row.sms_attempts).toBe(1);
    expect(row.sms_error).toContain('HTTP 500');
    expect(row.sms_error).not.toContain(KEY);
    expect(row.sms_error).not.toContain('account=demo');
  });
});

describe('the SMS gateway adapter', () => {
  it('never writes the key or the full URL to the log or into its error', async () => {
    const gateway = await stubGateway([500, 500]);
    try {
      const lines: string[] = [];
      const log = { info: (o: object, m: string) => lines.push(JSON.stringify(o) + m), warn: (o: object, m: string) => lines.push(JSON.stringify(o) + m) };
      const sms = new HttpSmsGateway({ url: gateway.url, key: KEY, attempts: 2, timeoutMs: 2000, log, retryDelayMs: () => 1 });
      const error = await sms.send({ to: '13800138000', text: '测试', ref: 'n-1' }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain('2 attempt(s) failed: HTTP 500');
      const logged = lines.join('\n');
      expect(lines).toHaveLength(2);
      for (const text of [logged, (error as Error).message]) {
        expect(text).not.toContain(KEY);
        expect(text).not.toContain('account=demo');
        expect(text).not.toContain('13800138000');
      }
      expect(logged).toContain('138****8000');
      // A gateway that is not there at all: the error names the origin only
      const down = new HttpSmsGateway({ url: `http://127.0.0.1:1/x?key=${KEY}`, key: KEY, attempts: 1, timeoutMs: 2000, log, retryDelayMs: () => 1 });
      const refused = await down.send({ to: '13800138000', text: '测试', ref: 'n-2' }).catch((e: Error) => e);
      expect((refused as Error).message).not.toContain(KEY);
      expect(lines.join('\n')).not.toContain(KEY);
    } finally {
      await new Promise((resolve) => gateway.server.close(resolve));
    }
  });

  it('takes mobile numbers only', () => {
    expect(mobileNumber('138 0013 8000')).toBe('13800138000');
    expect(mobileNumber('+8613800138000')).toBe('13800138000');
    expect(mobileNumber('0571-88880001')).toBeUndefined();
    expect(mobileNumber(undefined)).toBeUndefined();
  });
});
