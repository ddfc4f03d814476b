/** The intake of a case: application, one correction notice (行政许可法第32条), acceptance, non-acceptance, withdrawal. */
import { describe, expect, it } from 'vitest';
import { SPGL } from '../../engine/approval/index.js';
import { applicant, applyCommand, at, Case, clerk, foodProcess, types } from './support.js';

const D0 = '2026-03-02'; // Monday
const notice = (codes: string[]) => ({
  type: 'correction.notify' as const,
  items: codes.map((code) => ({ code, reason: `请补正：${code}`, basis: '《中华人民共和国行政许可法》第三十二条' })),
  actor: clerk,
});
const upload = (material: string) => ({ material, kind: 'upload' as const, name: `${material}.pdf`, ref: `files/${material}-2`, sha256: 'cd'.repeat(32), size: 2048, contentType: 'application/pdf' });

async function applied(missing: string[] = []): Promise<Case> {
  const c = new Case(await foodProcess());
  c.when(applyCommand('SP-TEST-1', missing), at(D0));
  return c;
}

describe('application', () => {
  it('opens the pre-acceptance window of 5 working days and schedules its timer', async () => {
    const c = new Case(await foodProcess());
    const { events, effects } = c.when(applyCommand(), at(D0));
    expect(types(events)).toEqual(['case.applied']);
    const s = c.state.approval!;
    const windowEnd = '2026-03-09'; // 5 WD after Mon 03-02: 03, 04, 05, 06, 09
    expect(s.window!.deadline.date).toBe(windowEnd);
    expect(s.status).toBe(SPGL.received);
    expect(effects).toEqual([{ type: 'timer.schedule', timerId: 'SP-TEST-1:window-1', dueAt: s.window!.deadline.instant, elementId: 'pre-acceptance' }]);
    expect(events[0]).toMatchObject({ actor: { id: applicant.id }, at: at(D0), why: 'application by online' });
  });

  it('refuses a second application and an application without a real-name actor', async () => {
    const c = await applied();
    expect(c.refused(applyCommand(), at(D0)).code).toBe('CASE_ALREADY_APPLIED');
    const fresh = new Case(c.definition);
    expect(fresh.refused({ ...applyCommand(), actor: { id: '' } } as never, at(D0)).code).toBe('ACTOR_REQUIRED');
  });
});

describe('correction notice', () => {
  it('tells everything at once, stops the window and restarts it from the supply', async () => {
    const c = await applied(['M3', 'M4']);
    const day2 = '2026-03-04';
    const { events, effects } = c.when(notice(['M3', 'M4']), at(day2));
    expect(types(events)).toEqual(['correction.notified']);
    expect(c.state.approval!.status).toBe(SPGL.correctionStarted);
    expect(effects).toEqual([{ type: 'timer.cancel', timerId: 'SP-TEST-1:window-1' }]);

    const day4 = '2026-03-06';
    const supplied = c.when({ type: 'correction.supply', materials: [upload('M3'), upload('M4')], actor: { id: applicant.id } }, at(day4));
    expect(c.state.approval!.status).toBe(SPGL.correctionEnded);
    expect(c.state.approval!.window!.deadline.date).toBe('2026-03-13'); // 5 WD after Fri 03-06: 09, 10, 11, 12, 13
    expect(supplied.effects).toMatchObject([{ type: 'timer.schedule', timerId: 'SP-TEST-1:window-2' }]);
  });

  it('refuses a later notice that asks for something new, but allows a reminder', async () => {
    const c = await applied(['M3', 'M4']);
    c.when(notice(['M3']), at(D0, '15:00'));
    c.when({ type: 'correction.supply', materials: [upload('M3')], actor: { id: applicant.id } }, at('2026-03-03'));
    const refusal = c.refused(notice(['M4']), at('2026-03-04'));
    expect(refusal.code).toBe('CORRECTION_NOTICE_NEW_ITEMS');
    expect(refusal.message).toMatch(/^Expected .* but it adds M4/);
    c.when(notice(['M3']), at('2026-03-04'));
    expect(c.state.approval!.corrections.map((n) => n.kind)).toEqual(['first', 'reminder']);
  });

  it('refuses a notice after the window: the application is already accepted from its receipt', async () => {
    const c = await applied(['M3']);
    const late = '2026-03-10'; // 6 WD after 03-02
    const refusal = c.refused(notice(['M3']), at(late));
    expect(refusal.code).toBe('CORRECTION_NOTICE_WINDOW_LAPSED');
    expect(refusal.message).toContain('2026-03-09'); // the window's last day, 5 WD after 03-02
  });
});

describe('acceptance', () => {
  it('accepts complete materials, starts the process and counts the limits from the acceptance day', async () => {
    const c = await applied();
    const day1 = '2026-03-03';
    const { events, effects } = c.when({ type: 'case.accept', actor: clerk }, at(day1));
    expect(types(events).filter((t) => !t.startsWith('element') && !t.startsWith('flow'))).toEqual([
      'case.accepted', 'handling.started', 'case.started', 'task.created', 'deadlines.computed', 'light.changed',
    ]);
    const s = c.state.approval!;
    expect(s.status).toBe(SPGL.handling);
    expect(s.acceptance).toMatchObject({ acceptedOn: day1, deemed: false, by: clerk.id });
    expect(s.deadlines!.promised.date).toBe('2026-03-10'); // 5 WD after Tue 03-03: 04, 05, 06, 09, 10
    expect(s.deadlines!.statutory.date).toBe('2026-03-17'); // 10 WD after 03-03: 04, 05, 06, 09, 10, 11, 12, 13, 16, 17
    expect(s.light).toBe('green');
    expect(effects).toContainEqual({ type: 'timer.cancel', timerId: 'SP-TEST-1:window-1' });
  });

  it('refuses acceptance while a required material is missing, unless it may be supplied later', async () => {
    const c = await applied(['M3', 'M4']);
    const refusal = c.refused({ type: 'case.accept', actor: clerk }, at(D0, '11:00'));
    expect(refusal).toMatchObject({ code: 'MATERIALS_MISSING', message: 'Expected every required material before acceptance, but M3, M4 missing' });
    expect(c.refused({ type: 'case.accept', deferred: ['M3'], actor: clerk }, at(D0, '11:00')).code).toBe('MATERIAL_NOT_DEFERRABLE');
  });

  it('deems the application accepted from its receipt when the window timer fires (行政许可法第32条)', async () => {
    const c = await applied(['M3']);
    const lapse = '2026-03-10'; // the day after the window's last day 03-09
    const { events } = c.when({ type: 'timer.fire', timerId: 'SP-TEST-1:window-1', actor: { id: 'system' } }, at(lapse, '00:05'));
    expect(types(events)).toContain('case.accepted');
    const s = c.state.approval!;
    expect(s.acceptance).toMatchObject({ acceptedOn: D0, deemed: true, by: 'system' });
    expect(s.deadlines!.promised.date).toBe('2026-03-09'); // 5 WD after Mon 03-02: 03, 04, 05, 06, 09
    expect(events.find((e) => e.type === 'case.accepted')!.why).toContain('行政许可法第32条');
  });

  it('back-dates a late acceptance to the receipt, and ignores a stale window timer', async () => {
    const c = await applied();
    const late = '2026-03-11'; // 7 WD after 03-02, past the window
    c.when({ type: 'case.accept', actor: clerk }, at(late));
    expect(c.state.approval!.acceptance).toMatchObject({ acceptedOn: D0, deemed: true });
    const stale = c.when({ type: 'timer.fire', timerId: 'SP-TEST-1:window-1', actor: { id: 'system' } }, at(late, '12:00'));
    expect(stale.events).toEqual([]);
  });
});

describe('non-acceptance and withdrawal', () => {
  it('rejects with reasons and legal basis, and only within the window', async () => {
    const c = await applied();
    expect(c.refused({ type: 'case.reject', reasons: [], actor: clerk }, at(D0)).code).toBe('REASONS_REQUIRED');
    const reasons = [{ code: 'AC0', reason: '仅销售预包装食品的，不需要取得许可', basis: '《中华人民共和国食品安全法》第三十五条' }];
    const late = await applied();
    expect(late.refused({ type: 'case.reject', reasons, actor: clerk }, at('2026-03-10')).code).toBe('PRE_ACCEPTANCE_WINDOW_LAPSED');
    c.when({ type: 'case.reject', reasons, actor: clerk }, at(D0, '16:00'));
    expect(c.state.approval).toMatchObject({ status: SPGL.notAccepted, phase: 'rejected', rejection: { on: D0, reasons } });
  });

  it('lets only the applicant withdraw: 已撤件 before acceptance, 撤回 in handling with the process cancelled', async () => {
    const before = await applied();
    expect(before.refused({ type: 'case.withdraw', reason: '不再经营', actor: clerk }, at(D0)).code).toBe('NOT_THE_APPLICANT');
    before.when({ type: 'case.withdraw', reason: '不再经营', actor: { id: applicant.id } }, at(D0, '11:00'));
    expect(before.state.approval!.status).toBe(SPGL.withdrawnBeforeAcceptance);

    const during = await applied();
    during.when({ type: 'case.accept', actor: clerk }, at(D0, '11:00'));
    const { events } = during.when({ type: 'case.withdraw', reason: '选址变更', actor: { id: applicant.id } }, at('2026-03-03'));
    expect(types(events)).toContain('case.cancelled');
    expect(during.state.approval!.status).toBe(SPGL.withdrawn);
    expect(during.state.process.status).toBe('cancelled');
    expect(during.refused({ type: 'case.accept', actor: clerk }, at('2026-03-03')).code).toBe('WRONG_PHASE');
  });
});
