/** The worked scenarios of domain/scenarios.md, computed through the clocks. */
import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import {
  assessCompletion,
  caseDeadlines,
  computeDeadline,
  decideExtension,
  endSpecialProcedure,
  extensionPolicyFor,
  jointDeadlines,
  jointProgress,
  lightOn,
  newSupervisionRecords,
  overdueViolations,
  startSpecialProcedure,
  stepDeadline,
  suspensionsFor,
  type SuspensionLedger,
} from '../../engine/clocks/index.js';
import { item, limitOf } from './catalog.js';

const cal = new ChineseWorkingCalendar();

describe('S1: submission on a public holiday just before National Day', () => {
  const promised = limitOf(item('ITEM-06').promisedLimit);
  const clock = (trigger: string, policy?: 'C1' | 'C2') =>
    computeDeadline(cal, { rule: 'promised', article: 'promised limit', trigger, limit: promised, ...(policy ? { policy } : {}) });

  it('C1: accepted on the 中秋 holiday Fri 09-25 17:30, 5 WD are due Fri 10-09 at the end of the day', () => {
    expect(promised).toEqual({ value: 5, unit: 'WD' });
    const d = clock('2026-09-25T17:30:00+08:00');
    expect(d.date).toBe('2026-10-09');
    expect(d.instant).toBe('2026-10-10T00:00:00+08:00');
    expect(d.basis.policy).toBe('C1');
    expect(d.basis.countFrom).toBe('2026-09-25');
    expect(d.calendarVersion).toBe('cn-official@1.5.7:2004-2026');
    expect(d.provisional).toBe(false);
  });

  it('C1: accepted on working day Thu 09-24 at 17:30 is also due 10-09; the time of day does not matter', () => {
    expect(clock('2026-09-24T17:30:00+08:00').date).toBe('2026-10-09');
    expect(clock('2026-09-24T08:00:00+08:00').date).toBe('2026-10-09');
    expect(clock('2026-09-24').date).toBe('2026-10-09');
  });

  it('C2: the holiday receipt is deemed received Mon 09-28, due Sat 10-10 (a 调休 working day), and says so', () => {
    const d = clock('2026-09-25T17:30:00+08:00', 'C2');
    expect(d.date).toBe('2026-10-10');
    expect(d.basis.policy).toBe('C2');
    expect(d.basis.deemedReceipt).toBe('2026-09-28');
    expect(d.basis.countFrom).toBe('2026-09-28');
  });

  it('reads the instant in Beijing time: 09-24 10:00 UTC is 09-24 18:00 in Shanghai', () => {
    expect(clock('2026-09-24T10:00:00Z').basis.countFrom).toBe('2026-09-24');
    expect(clock('2026-09-24T17:00:00Z').basis.countFrom).toBe('2026-09-25');
  });
});

describe('S2: 调休 make-up days are working days', () => {
  const task = (created: string, n: number) =>
    stepDeadline(cal, { stepId: 'task', started: created, limit: { value: n, unit: 'WD' } }).date;
  it.each([
    ['2026-10-09', 1, '2026-10-10', '2026-10-12'],
    ['2026-02-13', 3, '2026-02-25', '2026-02-24'],
    ['2026-09-18', 5, '2026-09-24', '2026-09-25'],
    ['2026-01-02', 1, '2026-01-04', '2026-01-05'],
  ])('a task created %s with %i WD is due %s, never %s', (created, n, due, wrong) => {
    expect(task(created, n)).toBe(due);
    expect(task(created, n)).not.toBe(wrong);
  });
});

describe('S5: expert review stops the clock; site inspection does not', () => {
  const it04 = item('ITEM-04');
  const base = { accepted: '2026-06-01', statutory: limitOf(it04.statutoryLimit), promised: limitOf(it04.promisedLimit) };

  function ledgerWithExpertReview(): SuspensionLedger {
    const started = startSpecialProcedure(cal, [], {
      id: 'tech-eval',
      type: 'EXPERT',
      start: '2026-06-05',
      reason: '技术评估',
      basis: '行政许可法第45条',
      expectedDuration: { value: 15, unit: 'WD' },
    });
    if (!started.ok) throw new Error(started.message);
    const ended = endSpecialProcedure(started.ledger, 'tech-eval', '2026-06-26');
    if (!ended.ok) throw new Error(ended.message);
    return ended.ledger;
  }

  it('without suspension: promised 06-30, statutory 08-25', () => {
    const d = caseDeadlines(cal, base);
    expect(d.promised.date).toBe('2026-06-30');
    expect(d.statutory.date).toBe('2026-08-25');
  });

  it('technical evaluation 06-05..06-26 suspends 14 WD (端午 06-19 not counted twice): promised 07-20, statutory 09-14', () => {
    const ledger = ledgerWithExpertReview();
    const d = caseDeadlines(cal, { ...base, ledger });
    expect(d.promised.basis.suspendedDays).toBe(14);
    expect(d.promised.date).toBe('2026-07-20');
    expect(d.statutory.date).toBe('2026-09-14');
    expect(d.statutory.basis.suspendedDays).toBe(14);
  });

  it('cross-check: 4 WD used before the pause and 16 after 06-26 also give 07-20', () => {
    expect(cal.countWorkingDays('2026-06-01', '2026-06-05')).toBe(4);
    expect(cal.addWorkingDays('2026-06-26', 16)).toBe('2026-07-20');
  });

  it('refuses to start the expert review without reason, basis and expected duration', () => {
    const r = startSpecialProcedure(cal, [], { id: 'x', type: 'EXPERT', start: '2026-06-05', reason: '技术评估' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('special-procedure.notice-incomplete');
      expect(r.message).toContain('basis, expected duration');
    }
  });

  it('counter-case ITEM-02: a 现场核查 from 03-17 to 03-19 does not move the due dates', () => {
    const it02 = item('ITEM-02');
    const started = startSpecialProcedure(cal, [], { id: 'site', type: 'SITE_CHECK', start: '2026-03-17' });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const ended = endSpecialProcedure(started.ledger, 'site', '2026-03-19');
    if (!ended.ok) throw new Error(ended.message);
    const input = { accepted: '2026-03-16', statutory: limitOf(it02.statutoryLimit), promised: limitOf(it02.promisedLimit) };
    const without = caseDeadlines(cal, input);
    const withSiteCheck = caseDeadlines(cal, { ...input, ledger: ended.ledger });
    expect(withSiteCheck.promised.date).toBe(without.promised.date);
    expect(withSiteCheck.statutory.date).toBe(without.statutory.date);
    expect(withSiteCheck.promised.date).toBe('2026-03-23');
  });

  it('a locality that excludes 现场核查 from the promised limit moves only the promised date', () => {
    const overrides = { SITE_CHECK: { promised: true, basis: '本市规定: 现场核查时间不计入承诺时限' } };
    const started = startSpecialProcedure(
      cal,
      [],
      { id: 'site', type: 'SITE_CHECK', start: '2026-03-17', reason: '现场核查', basis: '本市规定', expectedDuration: { value: 2, unit: 'WD' } },
      overrides,
    );
    if (!started.ok) throw new Error(started.message);
    const ended = endSpecialProcedure(started.ledger, 'site', '2026-03-19');
    if (!ended.ok) throw new Error(ended.message);
    const d = caseDeadlines(cal, { accepted: '2026-03-16', statutory: { value: 10, unit: 'WD' }, promised: { value: 5, unit: 'WD' }, ledger: ended.ledger });
    expect(d.promised.date).toBe('2026-03-25');
    expect(d.statutory.date).toBe('2026-03-30');
    expect(suspensionsFor(ended.ledger, 'statutory')).toEqual([]);
  });
});

describe('S7: joint approval is complete only when every co-department is done', () => {
  const it03 = item('ITEM-03');
  const co = (dept: string, value: number) => ({ department: dept, started: '2026-09-02', limit: { value, unit: 'WD' as const } });
  const joint = jointDeadlines(cal, {
    accepted: '2026-09-01',
    promised: limitOf(it03.promisedLimit),
    coDepartments: [co('卫健', 5), co('公安', 7), co('消防', 7)],
  });
  const stage1 = stepDeadline(cal, { stepId: 'registration', started: '2026-09-01', limit: { value: 1, unit: 'WD' } });

  it('computes the overall, stage and co-department deadlines', () => {
    expect(joint.promised.date).toBe('2026-09-15');
    expect(joint.statutory.date).toBe('2026-11-09');
    expect(joint.statutory.value).toBe(45);
    expect(stage1.date).toBe('2026-09-02');
    expect(joint.departments['卫健']!.date).toBe('2026-09-09');
    expect(joint.departments['公安']!.date).toBe('2026-09-11');
    expect(joint.departments['消防']!.date).toBe('2026-09-11');
  });

  it('the 15-WD extension approved by the government head makes the statutory limit 11-30', () => {
    const policy = extensionPolicyFor({ joint: true });
    const decided = decideExtension(
      { requested: { value: 15, unit: 'WD' }, approver: { id: 'vice-mayor', roles: ['government-head'] }, reason: '多部门联合审查', at: '2026-10-30' },
      { deadline: joint.statutory, previous: [], policy, zone: cal.zone },
    );
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    const extended = jointDeadlines(cal, { accepted: '2026-09-01', promised: limitOf(it03.promisedLimit), coDepartments: [], extension: decided.granted.extension });
    expect(extended.statutory.date).toBe('2026-11-30');
  });

  const results = [
    { department: '卫健', completedOn: '2026-09-08', outcome: 'approved' as const },
    { department: '公安', completedOn: '2026-09-16', outcome: 'approved' as const },
    { department: '消防', completedOn: '2026-09-10', outcome: 'approved' as const },
  ];

  it('is not complete on 09-08 or 09-10 (2/3), complete on 09-16', () => {
    expect(jointProgress(results, '2026-09-08')).toMatchObject({ done: 1, total: 3, complete: false });
    expect(jointProgress(results, '2026-09-10')).toMatchObject({ done: 2, total: 3, complete: false });
    expect(jointProgress(results, '2026-09-16')).toMatchObject({ complete: true, completedOn: '2026-09-16', outcome: 'approved' });
  });

  it('the 公安 sub-task is RED from 09-12 00:00 on its own limit', () => {
    const police = (on: string) => lightOn(cal, { deadline: joint.departments['公安']!, completedOn: '2026-09-16', on }).light;
    expect(police('2026-09-11T23:59:59+08:00')).not.toBe('red');
    expect(police('2026-09-12T00:00:00+08:00')).toBe('red');
  });

  it('the case is RED from 09-16 00:00 and completes 1 WD late, within the statutory limit', () => {
    const caseLight = (on: string) => lightOn(cal, { deadline: joint.promised, completedOn: '2026-09-16', on });
    expect(caseLight('2026-09-15').light).toBe('yellow');
    expect(caseLight('2026-09-16T00:00:00+08:00').light).toBe('red');
    expect(caseLight('2026-09-20')).toMatchObject({ light: 'red', completed: true, overdue: true });
    expect(assessCompletion(cal, joint.promised, '2026-09-16')).toMatchObject({ onTime: false, lateDays: 1 });
    expect(assessCompletion(cal, joint.statutory, '2026-09-16')).toMatchObject({ onTime: true, lateDays: 0 });
  });

  it('a refusal by one co-department ends the case as partially refused', () => {
    const mixed = results.map((r) => (r.department === '消防' ? { ...r, outcome: 'refused' as const } : r));
    expect(jointProgress(mixed, '2026-09-16').outcome).toBe('partially-refused');
  });

  it('creates one supervision record for the late 公安 step, however often it is evaluated', () => {
    const evaluate = (on: string) =>
      overdueViolations({
        caseNo: 'C-2026-0901',
        department: '市场监管局',
        on,
        steps: [{ stepId: 'S4b', department: '公安', light: lightOn(cal, { deadline: joint.departments['公安']!, on }) }],
      });
    const first = newSupervisionRecords(cal, [], evaluate('2026-09-12'));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ key: 'C-2026-0901|step-overdue|S4b', department: '公安', responseDue: '2026-09-18' });
    expect(newSupervisionRecords(cal, first, evaluate('2026-09-14'))).toEqual([]);
  });
});

describe('S8: early-warning light at 80%', () => {
  const promised = { value: 10, unit: 'WD' as const };

  it('promised 10 WD from Mon 03-02 is due 03-16; lights follow the table', () => {
    const deadline = computeDeadline(cal, { rule: 'promised', article: 'promised', trigger: '2026-03-02', limit: promised });
    expect(deadline.date).toBe('2026-03-16');
    const at = (on: string) => lightOn(cal, { deadline, on });
    expect(at('2026-03-12')).toMatchObject({ elapsed: 7, light: 'green' });
    expect(at('2026-03-13')).toMatchObject({ elapsed: 8, light: 'yellow' });
    expect(at('2026-03-16')).toMatchObject({ elapsed: 9, light: 'yellow' });
    expect(at('2026-03-16T23:59:59+08:00').light).toBe('yellow');
    expect(at('2026-03-17T00:00:00+08:00')).toMatchObject({ elapsed: 10, light: 'red' });
  });

  it('variant: suspension 03-10..03-12 moves the due date to 03-18 and shifts the lights', () => {
    const suspensions = [{ start: '2026-03-10', end: '2026-03-12' }];
    const deadline = computeDeadline(cal, { rule: 'promised', article: 'promised', trigger: '2026-03-02', limit: promised, suspensions });
    expect(deadline.date).toBe('2026-03-18');
    expect(deadline.basis.suspendedDays).toBe(2);
    const at = (on: string) => lightOn(cal, { deadline, suspensions, on });
    expect(at('2026-03-10').light).toBe('green');
    expect(at('2026-03-11').light).toBe('paused');
    expect(at('2026-03-12').light).toBe('paused');
    expect(at('2026-03-13')).toMatchObject({ elapsed: 6, light: 'green' });
    expect(at('2026-03-16')).toMatchObject({ elapsed: 7, light: 'green' });
    expect(at('2026-03-17')).toMatchObject({ elapsed: 8, light: 'yellow' });
    expect(at('2026-03-18')).toMatchObject({ elapsed: 9, light: 'yellow' });
    expect(at('2026-03-19').light).toBe('red');
  });

  it('variant with the suspension still open: PAUSED on 03-11 while it runs', () => {
    const deadline = computeDeadline(cal, {
      rule: 'promised', article: 'promised', trigger: '2026-03-02', limit: promised,
      suspensions: [{ start: '2026-03-10' }], now: '2026-03-11',
    });
    expect(deadline.date).toBe('2026-03-17');
    expect(lightOn(cal, { deadline, suspensions: [{ start: '2026-03-10' }], on: '2026-03-11' }).light).toBe('paused');
  });
});
