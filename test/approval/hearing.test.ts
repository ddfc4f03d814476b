import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpecialProcedureNotice } from '../../engine/approval/documents/index.js';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import { Case, applicant, applyCommand, at, clerk, foodItem, foodProcess, types } from './support.js';

/** ITEM-02 with hearings allowed: promised 5 WD, statutory 10 WD. */
const item = { ...foodItem, specialProcedures: ['SITE_CHECK', 'HEARING'] };
const notify = { type: 'hearing.notify' as const, reason: '申请人与相邻住户之间存在重大利益关系', basis: '行政许可法第47条', parties: ['u-neighbour'], actor: clerk };
const byApplicant = { id: applicant.id, name: applicant.name };

let definition: ExecutableDefinition;
beforeAll(async () => {
  definition = await foodProcess();
});

/** Accepted Mon 2026-11-02 (no holidays in November): promised due 11-09, statutory 11-16. */
function accepted(): Case {
  const c = new Case(definition);
  c.when(applyCommand('SP-HEAR-1', [], item), at('2026-11-02', '09:00'));
  c.when({ type: 'case.accept', actor: clerk }, at('2026-11-02'));
  return c;
}

describe('hearing on request (行政许可法 第47条, 第48条, 第45条)', () => {
  it('runs notice, request, notice of time and place and hearing; the hearing time is not counted', () => {
    const c = accepted();
    expect([c.state.approval!.deadlines!.promised.date, c.state.approval!.deadlines!.statutory.date]).toEqual(['2026-11-09', '2026-11-16']);

    c.when(notify, at('2026-11-03'));
    // 5 working days after Tue 11-03: 11-04, 05, 06, 09, 10.
    expect(c.state.approval!.hearing!.requestBy.date).toBe('2026-11-10');

    const requested = c.when({ type: 'hearing.request', actor: byApplicant }, at('2026-11-04'));
    // The request day itself still counts (第45条 as counted in scenario S5), so the deadlines do not move yet.
    expect(c.lifecycle().slice(-2)).toEqual(['hearing.requested', 'special-procedure.started']);
    expect(types(requested.events)).toContain('case.suspended');
    const hearing = c.state.approval!.hearing!;
    // 20 working days after Wed 11-04: 11-05, 06, 09..13, 16..20, 23..27, 30, 12-01, 12-02.
    expect(hearing.holdBy!.date).toBe('2026-12-02');
    expect(c.state.approval!.ledger).toEqual([expect.objectContaining({
      id: 'hearing', type: 'HEARING', start: '2026-11-04', expectedEnd: '2026-12-02',
      // The reason the engine wrote, by code for the pages and the notice, beside its English record.
      reason: `hearing requested by ${applicant.name}`, reasonCode: 'hearing.requested-by', reasonParams: { by: applicant.name },
    })]);
    expect(renderSpecialProcedureNotice(c.state.approval!)).toContain(`启动理由：<span data-field="reason">${applicant.name}要求听证</span>`);
    expect(c.state.approval!.status).toBe(9);

    // Notified Thu 11-05, the hearing is 7 working days later at the earliest: 11-06, 09, 10, 11, 12, 13, 16.
    expect(c.refused({ type: 'hearing.schedule', day: '2026-11-13', place: '区市场监管局听证室', actor: clerk }, at('2026-11-05'))).toEqual({
      code: 'HEARING_NOTICE_TOO_LATE',
      message: "Expected the notice of the hearing's time and place 7 working days before it (行政许可法第48条第1款第1项: by 2026-11-04 for a hearing on 2026-11-13), but it is given on 2026-11-05",
      details: { earliest: '2026-11-16', holdBy: '2026-12-02' },
    });
    expect(c.refused({ type: 'hearing.schedule', day: '2026-12-03', place: '区市场监管局听证室', actor: clerk }, at('2026-11-05')).code).toBe('HEARING_BEYOND_LIMIT');
    c.when({ type: 'hearing.schedule', day: '2026-11-16', time: '09:30', place: '区市场监管局听证室', actor: clerk }, at('2026-11-05'));

    expect(c.refused({ type: 'hearing.hold', record: '双方陈述意见', actor: clerk }, at('2026-11-13')).code).toBe('HEARING_NOT_ON_NOTIFIED_DAY');
    c.when({ type: 'hearing.hold', record: '双方陈述意见，相邻住户撤回异议', actor: clerk }, at('2026-11-16', '11:00'));
    expect(c.state.approval!.hearing).toMatchObject({ heldOn: '2026-11-16', onTime: true });
    expect(c.state.approval!.ledger[0]!.end).toBe('2026-11-16');
    expect(c.state.approval!.status).toBe(10);
    expect(c.state.process.suspended).toBeFalsy();

    // Suspended (11-04, 11-16]: 8 working days. Promised 11-09 + 8 WD = 11-19; statutory 11-16 + 8 WD = 11-26.
    const d = c.state.approval!.deadlines!;
    expect([d.promised.date, d.promised.basis.suspendedDays, d.statutory.date]).toEqual(['2026-11-19', 8, '2026-11-26']);
    expect(c.replayed()).toEqual(c.state);
  });

  it('refuses a request after 5 working days of the notice, or by someone not told of the right', () => {
    const c = accepted();
    c.when(notify, at('2026-11-03'));
    expect(c.refused({ type: 'hearing.request', actor: clerk }, at('2026-11-04')).code).toBe('HEARING_NOT_A_PARTY');
    expect(c.refused({ type: 'hearing.request', actor: byApplicant }, at('2026-11-11', '09:00'))).toEqual({
      code: 'HEARING_REQUEST_LATE',
      message: 'Expected the hearing request within 5 working days of the notice (行政许可法第47条: by 2026-11-10), but it came on 2026-11-11',
      details: { by: '2026-11-10' },
    });
    // The interested party named in the notice may request it, on the last day.
    c.when({ type: 'hearing.request', actor: { id: 'u-neighbour', name: '王芳' } }, at('2026-11-10', '16:00'));
    expect(c.state.approval!.hearing!.requestedBy).toBe('u-neighbour');
    expect(c.refused({ type: 'hearing.request', actor: byApplicant }, at('2026-11-10', '16:30')).code).toBe('HEARING_ALREADY_REQUESTED');
  });

  it('refuses hearing commands out of order and on an item without hearings', () => {
    const c = accepted();
    expect(c.refused({ type: 'hearing.request', actor: byApplicant }, at('2026-11-03')).code).toBe('HEARING_NOT_NOTIFIED');
    c.when(notify, at('2026-11-03'));
    expect(c.refused(notify, at('2026-11-04')).code).toBe('HEARING_ALREADY_NOTIFIED');
    expect(c.refused({ type: 'hearing.schedule', day: '2026-11-20', place: '听证室', actor: clerk }, at('2026-11-04')).code).toBe('HEARING_NOT_REQUESTED');

    const plain = new Case(definition);
    plain.when(applyCommand('SP-HEAR-2'), at('2026-11-02', '09:00'));
    plain.when({ type: 'case.accept', actor: clerk }, at('2026-11-02'));
    expect(plain.refused(notify, at('2026-11-03')).code).toBe('SPECIAL_PROCEDURE_NOT_ALLOWED');
  });
});
