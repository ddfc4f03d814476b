/**
 * Hearings on request (行政许可法 第47条, 第48条) through HTTP on a controlled clock, on ITEM-02 with HEARING
 * among its special procedures (10 WD statutory, 5 WD promised).
 *
 * Worked by hand on the official 2026 calendar (November has no holiday): accepted Mon 11-02, statutory due
 * Mon 11-16, promised due Mon 11-09. Notified Tue 11-03: a request is due by the 5th working day after it,
 * Tue 11-10. Requested Wed 11-04: held within 20 working days, by Wed 12-02 (11-05..06, 09..13, 16..20, 23..27,
 * 11-30, 12-01, 12-02); the notice given on 11-04 allows a hearing from the 7th working day on, Fri 11-13. Held
 * Mon 11-16: the working days in (11-04, 11-16] are 11-05, 06, 09, 10, 11, 12, 13, 16, so 8 are not counted
 * (第45条): statutory 11-16 + 8 WD = Thu 11-26, promised 11-09 + 8 WD = Thu 11-19. A request ended unheld on Fri
 * 11-06 suspends 11-05 and 11-06: statutory Wed 11-18, promised Wed 11-11.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFiles } from '../items/support.js';
import { withHearing } from './case-fixtures.js';
import { applyFood, buildCaseApp, pinClock, type CaseApp } from './case-support.js';
import { caseDetail, caseDocument } from './clock-support.js';
import { timelineWhyText } from '../../contracts/messages/index.js';
import { suspensionOut } from '../../server/http/case-view.js';

let t: CaseApp;
const c = { held: '', waived: '', late: '', ended: '' };

beforeAll(async () => {
  t = await buildCaseApp();
  const res = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens.admin, payload: { files: withHearing(await itemFiles('ITEM-02')) } });
  expect(res.statusCode, res.body).toBe(201);
  await pinClock(t.app, t.tokens.admin, '2026-11-02');
  for (const k of Object.keys(c) as (keyof typeof c)[]) {
    c[k] = await applyFood(t.app, t.tokens.applicant);
    expect((await post(c[k], 'accept', 'samr-staff')).statusCode).toBe(200);
  }
  await pinClock(t.app, t.tokens.admin, '2026-11-03');
  for (const caseNo of Object.values(c)) expect((await post(caseNo, 'hearing/notify', 'samr-staff', { reason: '涉及相邻住户重大利益', basis: '行政许可法第47条' })).statusCode).toBe(200);
}, 120_000);
afterAll(() => t.close());

function post(caseNo: string, path: string, who: keyof CaseApp['tokens'], payload?: object) {
  return t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/${path}`, headers: t.tokens[who], ...(payload ? { payload } : {}) });
}
const refusal = async (p: Promise<{ statusCode: number; json(): any }>) => { const r = await p; return [r.statusCode, r.json().code]; };
const dates = async (caseNo: string) => {
  const k = (await caseDetail(t.app, t.tokens.auditor, caseNo)).clocks;
  return { statutory: k.statutory.date, promised: k.promised.date };
};

describe('a hearing on request', () => {
  it('tells the parties of the right in writing, with the last day to ask', async () => {
    expect(await refusal(post(c.held, 'hearing/notify', 'samr-staff', { reason: '再次告知', basis: '第47条' }))).toEqual([409, 'HEARING_ALREADY_NOTIFIED']);
    const html = await caseDocument(t.app, t.tokens.applicant, c.held, 'hearing-right-notice');
    expect(html).toContain('听证告知书');
    expect(html).toContain('<strong data-field="requestBy">2026年11月10日</strong>');
  });

  it('takes the request of the applicant only, starts the hearing procedure and notifies time and place 7 WD ahead', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-11-04');
    expect(await refusal(post(c.held, 'hearing/request', 'samr-staff'))).toEqual([403, 'HEARING_NOT_A_PARTY']);
    const requested = await post(c.held, 'hearing/request', 'applicant');
    expect([requested.statusCode, requested.json().status]).toEqual([200, 9]);
    // The ledger words the reason the engine wrote by its code, the requesting party by name, here and in the notice.
    const [entry] = (await caseDetail(t.app, t.tokens.auditor, c.held)).clocks.suspensions;
    expect(entry).toMatchObject({ id: 'hearing', type: 'HEARING', reasonCode: 'hearing.requested-by', reasonParams: { by: '张三' } });
    expect(timelineWhyText(entry.reasonCode, entry.reasonParams)).toBe('张三要求听证');
    expect(await caseDocument(t.app, t.tokens.applicant, c.held, 'special-procedure-notice')).toContain('启动理由：<span data-field="reason">张三要求听证</span>');
    const early = await post(c.held, 'hearing/schedule', 'samr-staff', { day: '2026-11-12', place: '听证室' });
    expect([early.statusCode, early.json().code, early.json().message]).toEqual([422, 'HEARING_NOTICE_TOO_LATE', '应于举行听证七日前通知（行政许可法第四十八条），最早可定于2026-11-13']);
    const beyond = await post(c.held, 'hearing/schedule', 'samr-staff', { day: '2026-12-03', place: '听证室' });
    expect([beyond.statusCode, beyond.json().code]).toEqual([422, 'HEARING_BEYOND_LIMIT']);
    expect(beyond.json().message).toBe('应在申请后二十日内组织听证（行政许可法第四十七条），最迟2026-12-02');
    const scheduled = await post(c.held, 'hearing/schedule', 'samr-staff', { day: '2026-11-16', time: '09:30', place: '区市场监管局三楼听证室' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json().document).toBe(`/api/cases/${c.held}/documents/hearing-notice`);
    const html = await caseDocument(t.app, t.tokens.applicant, c.held, 'hearing-notice');
    expect(html).toContain('<strong data-field="day">2026年11月16日</strong><span data-field="time">09:30</span>');
    expect(html).toContain('<span data-field="holdBy">2026年12月2日</span>');
    expect(await refusal(post(c.held, 'hearing/hold', 'samr-staff', { record: '提前举行' }))).toEqual([422, 'HEARING_NOT_ON_NOTIFIED_DAY']);
  });

  it('records a waiver, after which that party cannot ask', async () => {
    expect((await post(c.waived, 'hearing/waive', 'applicant')).statusCode).toBe(200);
    expect(await refusal(post(c.waived, 'hearing/request', 'applicant'))).toEqual([409, 'HEARING_WAIVED']);
    expect((await caseDetail(t.app, t.tokens.auditor, c.waived)).hearing.waivedBy).toEqual(['applicant']);
  });

  it('ends a request unheld on 11-06: two working days are not counted', async () => {
    expect((await post(c.ended, 'hearing/request', 'applicant')).statusCode).toBe(200);
    await pinClock(t.app, t.tokens.admin, '2026-11-06');
    const ended = await post(c.ended, 'hearing/end', 'samr-staff', { reason: '申请人撤回听证申请' });
    expect([ended.statusCode, ended.json().status]).toEqual([200, 10]);
    expect(await dates(c.ended)).toEqual({ statutory: '2026-11-18', promised: '2026-11-11' });
    expect(await refusal(post(c.ended, 'hearing/end', 'samr-staff', { reason: '再次' }))).toEqual([409, 'HEARING_ALREADY_ENDED']);
  });

  it('refuses a request after its 5 working days, naming the limit', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-11-11');
    const late = await post(c.late, 'hearing/request', 'applicant');
    expect([late.statusCode, late.json().code]).toEqual([422, 'HEARING_REQUEST_LATE']);
    expect(late.json().message).toBe('已超过五日听证申请期限（行政许可法第四十七条），最迟应于2026-11-10提出');
    const english = await t.app.inject({ method: 'POST', url: `/api/cases/${c.late}/hearing/request`, headers: { ...t.tokens.applicant, 'accept-language': 'en' } });
    expect(english.json().message).toContain('行政许可法第47条: by 2026-11-10');
  });

  it('holds the hearing on its day: 8 working days not counted, statutory 11-26 and promised 11-19', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-11-16');
    const held = await post(c.held, 'hearing/hold', 'samr-staff', { record: '申请人与相邻住户陈述意见，同意加装隔音设施' });
    expect([held.statusCode, held.json().status]).toEqual([200, 10]);
    expect(await dates(c.held)).toEqual({ statutory: '2026-11-26', promised: '2026-11-19' });
    expect(await refusal(post(c.held, 'hearing/hold', 'samr-staff', { record: '再次' }))).toEqual([409, 'HEARING_ALREADY_HELD']);
  });
});

describe('a hearing requested before the ledger carried the code of its reason', () => {
  it('is worded from the English reason it recorded; a reason staff typed keeps no code', () => {
    const old = { id: 'hearing', type: 'HEARING' as const, start: '2026-11-04', reason: 'hearing requested by 张三', pauses: { statutory: true, promised: true }, pauseBasis: '行政许可法第45条' };
    expect(suspensionOut(old)).toEqual({ ...old, reasonCode: 'hearing.requested-by', reasonParams: { by: '张三' } });
    const typed = { ...old, id: 'sp-1', type: 'EXPERT' as const, reason: '需专家论证' };
    expect(suspensionOut(typed)).toBe(typed);
    const coded = { ...old, reasonCode: 'hearing.requested-by', reasonParams: { by: '李四' } };
    expect(suspensionOut(coded)).toBe(coded);
  });
});
