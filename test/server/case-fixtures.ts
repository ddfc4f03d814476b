/**
 * Fresh ITEM-02 cases at a given point of their life, made through the case service (the routes under test
 * are exercised elsewhere; here a case is only the resource a request acts on).
 */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../engine/core/types.js';
import type { MaterialInput } from '../../server/cases/service-types.js';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import { toZoned } from '../../engine/calendar/dates.js';
import { foodFacts, LICENCE, SAMR } from './case-support.js';

/** Where a fresh case stands. */
export type Point = 'received' | 'incomplete' | 'correcting' | 'handling' | 'reviewed' | 'special' | 'decided' | 'concluded' | 'rectifying'
  | 'hearing-notified' | 'hearing-requested' | 'hearing-scheduled';

/** ITEM-02's package with HEARING among its special procedures, for the hearing routes' cases. */
export function withHearing(files: Record<string, string>): Record<string, string> {
  const listing = JSON.parse(files['item.json']!);
  listing.specialProcedures.push({ type: 'HEARING', name: '听证', countsTowardStatutory: false, countsTowardPromised: false, basis: '行政许可法第45条、第47条' });
  return { ...files, 'item.json': JSON.stringify(listing) };
}

/** A hearing day 7 working days after the app's today: the earliest the notice allows (第48条). */
export function hearingDay(app: FastifyInstance): string {
  const calendar = new ChineseWorkingCalendar();
  return calendar.addWorkingDays(toZoned(app.runtime.clock.now().toISOString(), calendar.zone).date, 7);
}

// The demo clerk holds every step role of ITEM-02 (as seeded), so one actor brings a case anywhere.
const clerk: Actor = { id: 'samr-staff', name: '区市场监督管理局 工作人员', department: SAMR, roles: ['department-staff', 'reviewer', 'inspector', 'section-chief', 'deputy-director', 'issuer'] };
const applicant: Actor = { id: 'applicant', name: '张三' };
const file = (material: string): MaterialInput => ({ material, file: { name: `${material}.pdf`, contentType: 'application/pdf', bytes: new TextEncoder().encode(`%PDF-1.7 ${material}`) } });

function ok<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(`fixture step refused: ${JSON.stringify(result)}`);
  return result;
}

/** A new ITEM-02 case of user `applicant` (ID number ending 1234), brought to `point`. */
export async function foodCase(app: FastifyInstance, point: Point, facts: Record<string, unknown> = {}): Promise<string> {
  const service = app.cases.service;
  const materials = point === 'incomplete' || point === 'correcting' ? [file('M1'), LICENCE, file('M4')] : [file('M1'), LICENCE, file('M3'), file('M4')];
  const { caseNo } = ok(await service.apply({
    itemCode: 'ITEM-02', channel: 'online', applicant: { id: 'applicant', name: '张三', kind: 'ENTERPRISE', idNumber: '110101199003071234' },
    facts: foodFacts(facts) as never, materials, actor: applicant,
  }));
  if (point === 'received' || point === 'incomplete') return caseNo;
  if (point === 'correcting') {
    ok(await service.notifyCorrection(caseNo, { actor: clerk }));
    return caseNo;
  }
  ok(await service.accept(caseNo, { actor: clerk }));
  const complete = async (elementId: string, extra: Record<string, string> = {}) => {
    const task = (await service.getCase(caseNo))!.openTasks.find((x) => x.elementId === elementId)!;
    ok(await service.completeTask(caseNo, { taskId: task.taskId, actor: clerk, ...extra }));
  };
  if (point === 'handling') return caseNo;
  if (point.startsWith('hearing-')) {
    ok(await service.hearing(caseNo, { type: 'hearing.notify', reason: '涉及相邻权人重大利益', basis: '行政许可法第47条', actor: clerk }));
    if (point === 'hearing-notified') return caseNo;
    ok(await service.hearing(caseNo, { type: 'hearing.request', actor: applicant }));
    if (point === 'hearing-requested') return caseNo;
    ok(await service.hearing(caseNo, { type: 'hearing.schedule', day: hearingDay(app), place: '区市场监管局听证室', actor: clerk }));
    return caseNo;
  }
  if (point === 'special') {
    ok(await service.startSpecialProcedure(caseNo, { id: 'sp-1', procedure: 'SITE_CHECK', reason: '核查', basis: '办法', actor: clerk }));
    return caseNo;
  }
  await complete('review');
  if (point === 'reviewed') return caseNo;
  await complete('siteCheck');
  await complete('audit');
  await complete('decide', { outcome: 'approve', opinion: '同意' });
  if (point === 'decided') return caseNo;
  ok(await service.issueCertificate(caseNo, { actor: clerk }));
  await complete('issue');
  if (point === 'concluded') return caseNo;
  ok(await service.evaluate(caseNo, { grade: 5, comment: '太慢', actor: applicant }));
  return caseNo;
}

/** A new ITEM-05 case (fees due) of user `applicant`. */
export async function feeCase(app: FastifyInstance): Promise<{ caseNo: string; fees: number }> {
  const result = ok(await app.cases.service.apply({
    itemCode: 'ITEM-05', channel: 'online', applicant: { id: 'applicant', name: '张三', kind: 'NATURAL_PERSON' },
    facts: { seller: { kind: 'PERSON', married: false }, buyer: { kind: 'PERSON', isSmallMicroEnterprise: false }, propertyUse: 'RESIDENTIAL', certificatesRequested: 2, byAgent: false, contract: { filed: true } },
    materials: [], actor: applicant,
  }));
  return { caseNo: result.caseNo, fees: (result as unknown as { fees: number }).fees };
}
