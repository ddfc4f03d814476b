/**
 * Every role against every route: allowed (2xx), or refused with 401 (no login), 403 (the policy says no)
 * or 404 (a task or case the caller may not even see). Each cell runs on a fresh resource. Two departments:
 * `market-*` owns the plain BPMN example, `samr-*` (区市场监督管理局) implements the food licence ITEM-02;
 * each is the other department for the other's resources.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFiles } from '../items/support.js';
import { CASE_DEPARTMENTS, foodFacts, multipart, pdf, SAMR } from './case-support.js';
import { feeCase, foodCase, hearingDay, withHearing } from './case-fixtures.js';
import { buildTestApp, fixture, login, type TestApp } from './helper.js';

const WHO = ['anonymous', 'admin', 'market-admin', 'market-staff', 'samr-admin', 'samr-staff', 'applicant', 'auditor'] as const;
type Who = (typeof WHO)[number];
/** 422: allowed by the policy, then refused by a limit of the law (the hearing held before its notified day). */
type Outcome = 'ok' | 401 | 403 | 404 | 409 | 422;

let t: TestApp;
const tokens = {} as Record<Who, Record<string, string>>;
let serial = 0;

let foodFiles: Record<string, string>;
beforeAll(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' }, { demoDepartments: CASE_DEPARTMENTS });
  tokens.anonymous = {};
  for (const who of WHO.slice(1)) tokens[who] = await login(t.app, who);
  const deployed = await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...tokens.admin, 'content-type': 'application/xml' }, payload: fixture('review.bpmn') });
  expect(deployed.statusCode).toBe(201);
  // The food licence here may also hold hearings (行政许可法 第47条), so that the hearing routes have cases to act on.
  foodFiles = withHearing(await itemFiles('ITEM-02'));
  for (const code of ['ITEM-02', 'ITEM-01', 'ITEM-05']) {
    const item = await t.app.inject({ method: 'POST', url: `/api/items/${code}/versions`, headers: tokens.admin, payload: { files: code === 'ITEM-02' ? foodFiles : await itemFiles(code) } });
    expect(item.statusCode, item.body).toBe(201);
  }
});
afterAll(() => t.close());

/** A fresh case of the applicant, waiting at the review task. */
async function freshCase(): Promise<{ caseNo: string; taskId: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: tokens.applicant, payload: { definitionKey: 'permit', caseNo: `M-${++serial}` } });
  const caseNo = res.json<{ caseNo: string }>().caseNo;
  const tasks = await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: tokens.admin });
  return { caseNo, taskId: tasks.json<Array<{ taskId: string }>>()[0]!.taskId };
}

/** A fresh case past review, waiting for the fee-paid message. */
async function caseAwaitingMessage(): Promise<string> {
  const { caseNo, taskId } = await freshCase();
  await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: tokens['market-staff'], payload: {} });
  return caseNo;
}

/** A fresh task claimed by market-staff, after `before` (operations as market-staff) ran on it. */
const held = (action: string, payload: object, before: Array<[string, object]> = [], as: (typeof WHO)[number] = 'market-staff') => async (): Promise<InjectOptions> => {
  const { taskId } = await freshCase();
  const url = (a: string) => `/api/tasks/${encodeURIComponent(taskId)}/${a}`;
  await t.app.inject({ method: 'POST', url: url('claim'), headers: tokens['market-staff'], payload: {} });
  for (const [a, body] of before) await t.app.inject({ method: 'POST', url: url(a), headers: tokens[as], payload: body });
  return { method: 'POST', url: url(action), payload };
};
/** Only the one holding the task (market-staff) operates it; readers are refused, others do not see it. */
const HOLDER = [401, 403, 403, 'ok', 404, 404, 404, 403] as const;

const task = (action: string) => async (): Promise<InjectOptions> => ({ method: 'POST', url: `/api/tasks/${encodeURIComponent((await freshCase()).taskId)}/${action}`, payload: {} });

interface Row {
  route: string;
  request: () => Promise<InjectOptions> | InjectOptions;
  expected: Record<Who, Outcome>;
}

const row = (route: string, request: Row['request'], outcomes: Outcome[]): Row => {
  if (outcomes.length !== WHO.length) throw new Error(`${route}: expected ${WHO.length} outcomes`);
  return { route, request, expected: Object.fromEntries(WHO.map((who, i) => [who, outcomes[i]])) as Record<Who, Outcome> };
};

/** The reform office (审改办) alone. */
const ONLY_REFORM_OFFICE: Outcome[] = [401, 'ok', 403, 403, 403, 403, 403, 403];
/** A test arrangement for 2027 (the State Council has published none yet): the fixed-date holidays, a make-up Saturday. */
const ARRANGEMENT_2027 = { year: 2027, holidays: ['2027-01-01', '2027-05-01', '2027-10-01', '2027-10-02', '2027-10-03'], makeUpDays: ['2027-10-09'], notice: '测试用节假日安排' };

/** A new staff account to reset, disable or enable. */
async function freshUser(): Promise<string> {
  const id = `account-${++serial}`;
  const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: tokens.admin, payload: { id, name: '钱七', department: 'market-supervision', roles: ['department-staff'], password: 'long-enough-pw' } });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}

/** A new position of market-supervision (held by market-staff when `held`), a department or a street to act on. */
async function freshOrg(what: 'position' | 'department' | 'region', held = false): Promise<string> {
  const at = new Date().toISOString();
  const org = t.app.identity.org;
  const knex = t.app.store.knex;
  if (what === 'region') return (await org.createRegion(knex, { code: `330106${String(100 + ++serial).slice(-3)}`, name: `街道${serial}`, parent: '330106', centre: '便民服务中心' }, at, 'admin')).code;
  if (what === 'department') return (await org.createDepartment(knex, { id: `dept-${++serial}`, name: `部门${serial}`, region: '330106' }, at, 'admin')).id;
  const id = (await org.createPosition(knex, { id: `pos-${++serial}`, department: 'market-supervision', kind: 'clerk', name: '科员' }, at, 'admin')).id;
  if (held) await org.addHolder(knex, id, { id: 'market-staff', department: 'market-supervision' }, at);
  return id;
}

const ALL_OK: Outcome[] = WHO.map(() => 'ok');
const LOGGED_IN: Outcome[] = [401, ...WHO.slice(1).map((): Outcome => 'ok')];
/** Staff of the implementing department (admin and clerk); a case of another department is not found. */
const LEAD: Outcome[] = [401, 403, 404, 404, 'ok', 'ok', 403, 403];
/** The applicant only; staff of the department may read the case but not act in the applicant's name. */
const APPLICANT: Outcome[] = [401, 403, 404, 404, 403, 403, 'ok', 403];
/** Those who may read the case. */
const READERS: Outcome[] = [401, 'ok', 404, 404, 'ok', 'ok', 'ok', 'ok'];
/** The item's department admin and the reform office. */
const ITEM_ADMIN: Outcome[] = [401, 'ok', 403, 403, 'ok', 403, 403, 403];
/** The reform office and supervision. */
const SUPERVISORS: Outcome[] = [401, 'ok', 403, 403, 403, 403, 403, 'ok'];

/** The number of a fresh concluded case's certificate. */
const certificateOf = async (): Promise<string> => (await t.app.cases.service.getCase(await foodCase(t.app, 'concluded')))!.lifecycle.certificate!.number;
const onCase = (point: Parameters<typeof foodCase>[1], path: string, payload: object = {}, facts: Record<string, unknown> = {}) => async (): Promise<InjectOptions> =>
  ({ method: 'POST', url: `/api/cases/${await foodCase(t.app, point, facts)}/${path}`, payload });

async function freshNotice(): Promise<string> {
  const caseNo = await foodCase(t.app, 'handling');
  const [id] = await t.app.store.knex('supervision_notices').insert({
    key: `${caseNo}|case-overdue|-`, case_no: caseNo, rule: 'case-overdue', warning_type: 'overdue', content: '超期', department: SAMR,
    issued_on: '2026-03-10', response_due: '2026-03-17', response_due_at: '2026-03-17T16:00:00.000Z', created_at: '2026-03-10T01:00:00.000Z',
  }).returning('id');
  return String(typeof id === 'object' ? (id as { id: number }).id : id);
}

const CASE_ROWS: Row[] = [
  row('GET /api/items', () => ({ method: 'GET', url: '/api/items' }), ALL_OK),
  row('GET /api/items/:code', () => ({ method: 'GET', url: '/api/items/ITEM-02' }), ALL_OK),
  row('POST /api/items/reservations', () => ({ method: 'POST', url: '/api/items/reservations', payload: { code: `ITEM-R${++serial}`, department: SAMR } }), [401, 'ok', 403, 403, 403, 403, 403, 403]),
  row('GET /api/items/reservations', () => ({ method: 'GET', url: '/api/items/reservations' }), [401, 'ok', 'ok', 403, 'ok', 403, 403, 'ok']),
  row('GET /api/items/:code/versions', () => ({ method: 'GET', url: '/api/items/ITEM-02/versions' }), LOGGED_IN),
  row('GET /api/items/:code/versions/:v/bpmn', () => ({ method: 'GET', url: '/api/items/ITEM-02/versions/1/bpmn' }), LOGGED_IN),
  row('POST /api/items/:code/versions', () => ({ method: 'POST', url: '/api/items/ITEM-02/versions', payload: { files: foodFiles } }), ITEM_ADMIN),
  row('PUT /api/items/:code/process', () => ({ method: 'PUT', url: '/api/items/ITEM-02/process', headers: { 'content-type': 'application/xml' }, payload: foodFiles['process.bpmn'] }), ITEM_ADMIN),
  row('PATCH /api/items/:code/listing', () => ({ method: 'PATCH', url: '/api/items/ITEM-02/listing', payload: { onsiteVisits: 0 } }), ITEM_ADMIN),
  row('PUT /api/items/:code/rules/:tableId', () => ({ method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.fees', payload: { yaml: foodFiles['rules/fees.yaml'] } }), ITEM_ADMIN),
  row('POST /api/items/:code/disable', () => ({ method: 'POST', url: '/api/items/ITEM-01/disable' }), ITEM_ADMIN),
  row('POST /api/items/:code/enable', () => ({ method: 'POST', url: '/api/items/ITEM-01/enable' }), ITEM_ADMIN),
  row('POST /api/items/:code/materials/check', () => ({ method: 'POST', url: '/api/items/ITEM-02/materials/check', payload: { facts: foodFacts() } }), ALL_OK),
  row('POST /api/cases', () => ({ method: 'POST', url: '/api/cases', payload: { itemCode: 'ITEM-02', channel: 'online', facts: foodFacts() } }), [401, 403, 403, 403, 403, 403, 'ok', 403]),
  row('GET /api/cases', () => ({ method: 'GET', url: '/api/cases' }), LOGGED_IN),
  row('GET /api/cases/:caseNo', async () => ({ method: 'GET', url: `/api/cases/${await foodCase(t.app, 'handling')}` }), READERS),
  row('GET /api/cases/:caseNo/timeline', async () => ({ method: 'GET', url: `/api/cases/${await foodCase(t.app, 'received')}/timeline` }), READERS),
  row('GET /api/cases/:caseNo/materials/:material', async () => ({ method: 'GET', url: `/api/cases/${await foodCase(t.app, 'handling')}/materials/M1` }), READERS),
  row('GET /api/cases/:caseNo/documents/:kind', async () => ({ method: 'GET', url: `/api/cases/${await foodCase(t.app, 'handling')}/documents/acceptance-notice` }), READERS),
  row('POST /api/cases/:caseNo/materials', async () => {
    const body = multipart([{ name: 'M3', filename: 'm3.pdf', type: 'application/pdf', bytes: pdf('M3') }]);
    return { method: 'POST', url: `/api/cases/${await foodCase(t.app, 'incomplete')}/materials`, headers: body.headers, payload: body.payload };
  }, APPLICANT),
  row('POST /api/cases/:caseNo/correction-notice', onCase('incomplete', 'correction-notice'), LEAD),
  row('POST /api/cases/:caseNo/correction', onCase('correcting', 'correction', { materials: [{ material: 'M3', shared: { type: '布局图', number: 'B-1', issuer: SAMR } }] }), APPLICANT),
  row('POST /api/cases/:caseNo/accept', onCase('received', 'accept'), LEAD),
  row('POST /api/cases/:caseNo/reject', onCase('received', 'reject', {}, { onlyPrepackagedFood: true }), LEAD),
  row('POST /api/cases/:caseNo/withdraw', onCase('received', 'withdraw', { reason: '不再经营' }), APPLICANT),
  row('POST /api/cases/:caseNo/return', onCase('reviewed', 'return', { toElementId: 'review', reason: '补充审查' }), LEAD),
  // The extension needs the head of the agency (agency-head): the department admin, not the clerk.
  row('POST /api/cases/:caseNo/extension', onCase('handling', 'extension', { requested: { value: 5, unit: 'WD' }, reason: '需补充论证' }), [401, 403, 404, 404, 'ok', 403, 403, 403]),
  row('POST /api/cases/:caseNo/special-procedures', onCase('handling', 'special-procedures', { procedure: 'SITE_CHECK', reason: '核查', basis: '办法' }), LEAD),
  row('POST /api/cases/:caseNo/special-procedures/:id/end', onCase('special', 'special-procedures/sp-1/end', { result: '符合' }), LEAD),
  row('POST /api/cases/:caseNo/hearing/notify', onCase('handling', 'hearing/notify', { reason: '涉及相邻权人重大利益', basis: '行政许可法第47条' }), LEAD),
  // The request and the waiver are the applicant's (or a named party's); staff who read the case are not parties.
  row('POST /api/cases/:caseNo/hearing/request', onCase('hearing-notified', 'hearing/request'), APPLICANT),
  row('POST /api/cases/:caseNo/hearing/waive', onCase('hearing-notified', 'hearing/waive'), APPLICANT),
  row('POST /api/cases/:caseNo/hearing/schedule', async () => ({ method: 'POST', url: `/api/cases/${await foodCase(t.app, 'hearing-requested')}/hearing/schedule`, payload: { day: hearingDay(t.app), place: '区市场监管局听证室' } }), LEAD),
  row('POST /api/cases/:caseNo/hearing/hold', onCase('hearing-scheduled', 'hearing/hold', { record: '听证笔录' }), [401, 403, 404, 404, 422, 422, 403, 403]),
  row('POST /api/cases/:caseNo/hearing/end', onCase('hearing-requested', 'hearing/end', { reason: '申请人撤回听证申请' }), LEAD),
  row('POST /api/cases/:caseNo/certificate', onCase('decided', 'certificate'), LEAD),
  row('POST /api/cases/:caseNo/delivery', onCase('concluded', 'delivery', { method: 'pickup' }), LEAD),
  row('POST /api/cases/:caseNo/payments', async () => {
    const { caseNo, fees } = await feeCase(t.app);
    return { method: 'POST', url: `/api/cases/${caseNo}/payments`, payload: { amount: fees, reference: `PAY-${++serial}` } };
  }, [401, 403, 404, 404, 404, 404, 'ok', 403]),
  row('POST /api/cases/:caseNo/evaluation', onCase('concluded', 'evaluation', { grade: 1 }), APPLICANT),
  row('POST /api/cases/:caseNo/rectification', onCase('rectifying', 'rectification', { note: '增设窗口' }), LEAD),
  // 撤销行政许可 (第69条): only the granting department's admin, not its clerks, the reform office or supervision
  row('POST /api/cases/:caseNo/revocation', onCase('concluded', 'revocation', { reason: '以欺骗手段取得许可', basis: '《中华人民共和国行政许可法》第六十九条第二款' }), [401, 403, 404, 404, 'ok', 403, 403, 403]),
  row('GET /api/public/progress', async () => ({ method: 'GET', url: `/api/public/progress?caseNo=${await foodCase(t.app, 'received')}&idSuffix=1234` }), ALL_OK),
  row('GET /api/certificates/keys', () => ({ method: 'GET', url: '/api/certificates/keys' }), ALL_OK),
  row('GET /api/departments/:department/public-key', async () => {
    await foodCase(t.app, 'concluded');
    return { method: 'GET', url: `/api/departments/${encodeURIComponent('区市场监督管理局')}/public-key` };
  }, ALL_OK),
  row('GET /api/certificates/:number/verify', async () => ({ method: 'GET', url: `/api/certificates/${encodeURIComponent(await certificateOf())}/verify` }), ALL_OK),
  row('POST /api/certificates/verify', async () => {
    const caseNo = await foodCase(t.app, 'concluded');
    return { method: 'POST', url: '/api/certificates/verify', payload: (await t.app.cases.service.getCase(caseNo))!.lifecycle.certificate! };
  }, ALL_OK),
  row('GET /api/supervision/lights', () => ({ method: 'GET', url: '/api/supervision/lights' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('GET /api/supervision/notices', () => ({ method: 'GET', url: '/api/supervision/notices' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('POST /api/supervision/notices/:id/response', async () => ({ method: 'POST', url: `/api/supervision/notices/${await freshNotice()}/response`, payload: { response: '已整改' } }), [401, 403, 403, 403, 'ok', 'ok', 403, 403]),
  row('GET /api/settings/locality', () => ({ method: 'GET', url: '/api/settings/locality' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('GET /api/calendar', () => ({ method: 'GET', url: '/api/calendar' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('POST /api/calendar/preview', () => ({ method: 'POST', url: '/api/calendar/preview', payload: ARRANGEMENT_2027 }), ONLY_REFORM_OFFICE),
  row('POST /api/calendar/years', () => ({ method: 'POST', url: '/api/calendar/years', payload: ARRANGEMENT_2027 }), ONLY_REFORM_OFFICE),
  row('GET /api/settings/locality/versions', () => ({ method: 'GET', url: '/api/settings/locality/versions' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('PATCH /api/settings/locality', () => ({ method: 'PATCH', url: '/api/settings/locality', payload: { lightThresholds: { warnAtPercent: 75 }, reason: '预警提前' } }), ONLY_REFORM_OFFICE),
  row('POST /api/supervision/sweep', () => ({ method: 'POST', url: '/api/supervision/sweep' }), SUPERVISORS),
  row('GET /api/reports/monthly', () => ({ method: 'GET', url: '/api/reports/monthly?month=2026-03' }), SUPERVISORS),
];

const MATRIX: Row[] = [
  row('GET /', () => ({ method: 'GET', url: '/' }), ALL_OK),
  row('GET /healthz', () => ({ method: 'GET', url: '/healthz' }), ALL_OK),
  row('GET /readyz', () => ({ method: 'GET', url: '/readyz' }), ALL_OK),
  row('GET /metrics', () => ({ method: 'GET', url: '/metrics' }), ALL_OK),
  row('GET /openapi.json', () => ({ method: 'GET', url: '/openapi.json' }), ALL_OK),
  row('GET /api/auth/me', () => ({ method: 'GET', url: '/api/auth/me' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('POST /api/users/:id/password', async () => ({ method: 'POST', url: `/api/users/${await freshUser()}/password`, payload: { password: 'Temporary-pass-2026' } }), ONLY_REFORM_OFFICE),
  row('POST /api/users/:id/disable', async () => ({ method: 'POST', url: `/api/users/${await freshUser()}/disable` }), ONLY_REFORM_OFFICE),
  row('POST /api/users/:id/enable', async () => ({ method: 'POST', url: `/api/users/${await freshUser()}/enable` }), ONLY_REFORM_OFFICE),
  row('GET /api/users', () => ({ method: 'GET', url: '/api/users' }), [401, 'ok', 'ok', 403, 'ok', 403, 403, 'ok']),
  row('POST /api/users', () => ({ method: 'POST', url: '/api/users', payload: { id: `user-${++serial}`, name: '赵六', department: 'market-supervision', roles: ['department-staff'], password: 'long-enough-pw' } }), [401, 'ok', 'ok', 403, 403, 403, 403, 403]),
  // The organisation: staff and supervision read it; the reform office alone keeps it.
  row('GET /api/org', () => ({ method: 'GET', url: '/api/org' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('POST /api/org/regions', () => ({ method: 'POST', url: '/api/org/regions', payload: { code: `330106${String(100 + ++serial).slice(-3)}`, name: '新街道', parent: '330106', centre: '便民服务中心' } }), ONLY_REFORM_OFFICE),
  row('POST /api/org/departments', () => ({ method: 'POST', url: '/api/org/departments', payload: { id: `dept-${++serial}`, name: '新部门', region: '330106' } }), ONLY_REFORM_OFFICE),
  row('POST /api/org/positions', () => ({ method: 'POST', url: '/api/org/positions', payload: { id: `pos-${++serial}`, department: 'market-supervision', kind: 'clerk' } }), ONLY_REFORM_OFFICE),
  row('POST /api/org/positions/:id/leader', async () => ({ method: 'POST', url: `/api/org/positions/${await freshOrg('position')}/leader`, payload: { leader: 'market.chief' } }), ONLY_REFORM_OFFICE),
  ...(['region', 'department', 'position'] as const).flatMap((what) => (['disable', 'enable'] as const).map((op) =>
    row(`POST /api/org/${what}s/:id/${op}`, async () => ({ method: 'POST', url: `/api/org/${what}s/${encodeURIComponent(await freshOrg(what))}/${op}` }), ONLY_REFORM_OFFICE))),
  ...(['region', 'department', 'position'] as const).map((what) =>
    row(`PATCH /api/org/${what}s/:id`, async () => ({ method: 'PATCH', url: `/api/org/${what}s/${encodeURIComponent(await freshOrg(what))}`, payload: { name: '新名称' } }), ONLY_REFORM_OFFICE)),
  row('PATCH /api/users/:id', async () => ({ method: 'PATCH', url: `/api/users/${await freshUser()}`, payload: { name: '钱七七' } }), ONLY_REFORM_OFFICE),
  row('POST /api/org/positions/:id/holders', async () => ({ method: 'POST', url: `/api/org/positions/${await freshOrg('position')}/holders`, payload: { user: 'market-staff' } }), ONLY_REFORM_OFFICE),
  row('POST /api/org/positions/:id/holders/remove', async () => ({ method: 'POST', url: `/api/org/positions/${await freshOrg('position', true)}/holders/remove`, payload: { user: 'market-staff' } }), ONLY_REFORM_OFFICE),
  row('POST /api/definitions', () => ({ method: 'POST', url: '/api/definitions', payload: { xml: fixture('review.bpmn'), department: 'market-supervision' } }), [401, 'ok', 'ok', 403, 403, 403, 403, 403]),
  row('GET /api/definitions', () => ({ method: 'GET', url: '/api/definitions' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('GET /api/definitions/:key/versions/:v/bpmn', () => ({ method: 'GET', url: '/api/definitions/permit/versions/1/bpmn' }), LOGGED_IN),
  row('POST /api/process-cases', () => ({ method: 'POST', url: '/api/process-cases', payload: { definitionKey: 'permit' } }), [401, 'ok', 403, 'ok', 403, 'ok', 'ok', 403]),
  row('GET /api/process-cases/:caseNo', async () => ({ method: 'GET', url: `/api/process-cases/${(await freshCase()).caseNo}` }), [401, 'ok', 'ok', 'ok', 404, 404, 'ok', 'ok']),
  row('GET /api/tasks', () => ({ method: 'GET', url: '/api/tasks' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('GET /api/tasks/:id', async () => ({ method: 'GET', url: `/api/tasks/${encodeURIComponent((await freshCase()).taskId)}` }), [401, 'ok', 'ok', 'ok', 404, 404, 404, 'ok']),
  // The colleagues who may hold the step: whoever may read the task.
  row('GET /api/tasks/:id/candidates', async () => ({ method: 'GET', url: `/api/tasks/${encodeURIComponent((await freshCase()).taskId)}/candidates` }), [401, 'ok', 'ok', 'ok', 404, 404, 404, 'ok']),
  row('GET /api/tasks/:id/reject-targets', async () => ({ method: 'GET', url: `/api/tasks/${encodeURIComponent((await freshCase()).taskId)}/reject-targets` }), [401, 'ok', 'ok', 'ok', 404, 404, 404, 'ok']),
  row('POST /api/tasks/:id/claim', task('claim'), [401, 403, 'ok', 'ok', 404, 404, 404, 403]),
  row('POST /api/tasks/:id/complete', task('complete'), [401, 403, 'ok', 'ok', 404, 404, 404, 403]),
  // The operations on a task: only the holder; the delegate resolves; the previous approver reclaims.
  row('POST /api/tasks/:id/transfer', held('transfer', { to: 'market-admin', reason: '出差' }), [...HOLDER]),
  row('POST /api/tasks/:id/delegate', held('delegate', { to: 'market-admin', reason: '请核对' }), [...HOLDER]),
  row('POST /api/tasks/:id/resolve', held('resolve', { opinion: '已核对' }, [['delegate', { to: 'market-admin', reason: '请核对' }]]), [401, 403, 'ok', 403, 404, 404, 404, 403]),
  row('POST /api/tasks/:id/signers', held('signers', { signers: ['market-admin'], mode: 'after', reason: '科长复核' }), [...HOLDER]),
  row('POST /api/tasks/:id/signers/remove', held('signers/remove', { signers: ['market-admin'], reason: '无需复核' }, [['signers', { signers: ['market-admin'], mode: 'after', reason: '复核' }]]), [...HOLDER]),
  // The first step has no step before it: the holder passes the policy and the engine refuses (422).
  row('POST /api/tasks/:id/reject', held('reject', { to: 'previous', resume: 'through', reason: '退回' }), [401, 403, 403, 422, 404, 404, 404, 403]),
  // The permit's next step waits for a message, not a task: the previous approver passes the policy, the engine refuses (409).
  row('POST /api/tasks/:id/reclaim', held('reclaim', { reason: '漏填意见' }, [['complete', {}]]), [401, 403, 403, 409, 404, 404, 404, 403]),
  // 催办 and 抄送 are recorded by approval cases; on a plain process case the engine refuses them (422).
  row('POST /api/tasks/:id/urge', held('urge', { note: '请尽快' }), [401, 422, 422, 403, 404, 404, 404, 422]),
  row('POST /api/tasks/:id/copies', held('copies', { users: ['samr-staff'] }), [401, 403, 403, 422, 404, 404, 404, 403]),
  row('GET /api/copies', () => ({ method: 'GET', url: '/api/copies' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('POST /api/copies/read', () => ({ method: 'POST', url: '/api/copies/read', payload: { caseNo: 'no-such-case' } }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 403, 'ok']),
  row('POST /api/messages', async () => ({ method: 'POST', url: '/api/messages', payload: { caseNo: await caseAwaitingMessage(), name: 'fee-paid' } }), [401, 'ok', 'ok', 'ok', 404, 404, 403, 403]),
  // 站内消息: everyone reads their own; a message of the applicant is not found for anybody else.
  row('GET /api/notifications', () => ({ method: 'GET', url: '/api/notifications' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('GET /api/notifications/unread', () => ({ method: 'GET', url: '/api/notifications/unread' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('POST /api/notifications/:id/read', async () => {
    const caseNo = await foodCase(t.app, 'correcting');
    const row = await t.app.store.knex('applicant_notifications').where({ case_no: caseNo, recipient: 'applicant' }).first('id');
    return { method: 'POST', url: `/api/notifications/${row.id}/read` };
  }, [401, 404, 404, 404, 404, 404, 'ok', 404]),
  row('POST /api/notifications/read-all', () => ({ method: 'POST', url: '/api/notifications/read-all' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('GET /api/clock', () => ({ method: 'GET', url: '/api/clock' }), [401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']),
  row('POST /api/clock', () => ({ method: 'POST', url: '/api/clock', payload: { advanceMs: 1000 } }), [401, 'ok', 403, 403, 403, 403, 403, 403]),
  row('GET /api/audit', () => ({ method: 'GET', url: '/api/audit' }), [401, 'ok', 403, 403, 403, 403, 403, 'ok']),
  row('GET /api/audit/verify', () => ({ method: 'GET', url: '/api/audit/verify' }), [401, 'ok', 403, 403, 403, 403, 403, 'ok']),
  ...CASE_ROWS,
];

describe('permission matrix', () => {
  it('covers every route the server has', async () => {
    const covered = new Set(MATRIX.map((r) => r.route));
    // Every route but the docs UI is in the OpenAPI document, so the document lists what must be covered.
    const doc = (await t.app.inject('/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.length).toBeGreaterThan(50);
    expect(documented.filter((r) => !covered.has(r) && !isExempt(r))).toEqual([]);
  });

  for (const r of MATRIX) {
    it.each(WHO.map((who) => [who, r.expected[who]] as const))(`${r.route} as %s → %s`, async (who, expected) => {
      const options = await r.request();
      const res = await t.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...tokens[who] } });
      if (expected === 'ok') expect(res.statusCode, res.body).toBeLessThan(300);
      else expect(res.statusCode, res.body).toBe(expected);
    });
  }

  // Issue 10: Idempotency-Key on every mutating route. Each mutating row is sent once more by the first
  // signed-in role the matrix lets through (anonymous answers are never remembered, so one anonymous caller
  // cannot be answered with another's), twice with one key: the second answer is the first, as a replay.
  const signedIn = WHO.filter((w) => w !== 'anonymous');
  const MUTATING_ROWS = MATRIX.filter((r) => /^(POST|PUT|PATCH|DELETE) /.test(r.route) && signedIn.some((w) => r.expected[w] === 'ok'));
  it.each(MUTATING_ROWS.map((r, i) => [r.route, r, i] as const))('answers a replay of %s with the first answer', async (_route, r, i) => {
    const who = signedIn.find((w) => r.expected[w] === 'ok')!;
    const options = await r.request();
    const send = () => t.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...tokens[who], 'idempotency-key': `matrix-replay-${i}-${who}` } });
    const first = await send();
    // A row may find the state the matrix left (the same settings patch twice is refused): a refusal is
    // remembered too, except the retryable 409 and 429.
    expect(first.statusCode, first.body).toBeLessThan(500);
    expect([409, 429], first.body).not.toContain(first.statusCode);
    const again = await send();
    expect(again.headers['idempotent-replayed'], `${r.route}: ${again.statusCode} ${again.body.slice(0, 200)}`).toBe('true');
    expect([again.statusCode, again.body]).toEqual([first.statusCode, first.body]);
  });

  it('logs out any role, and only with a token', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
    for (const who of WHO.slice(1)) {
      const fresh = await login(t.app, who);
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: fresh })).statusCode, who).toBe(204);
    }
  });
});

/**
 * Routes outside the matrix: login (everyone logs in above), logout (its own test) and changing one's own
 * password (every logged-in user may; test/server/accounts.test.ts changes it, which the shared tokens here
 * must not).
 */
function isExempt(route: string): boolean {
  return route === 'POST /api/auth/login' || route === 'POST /api/auth/logout' || route === 'POST /api/auth/password';
}
