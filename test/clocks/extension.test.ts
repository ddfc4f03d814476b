import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import {
  caseDeadlines,
  decideExtension,
  extensionPolicyFor,
  lightOn,
  type ExtensionRequest,
  type GrantedExtension,
} from '../../engine/clocks/index.js';
import { item, limitOf } from './catalog.js';

const cal = new ChineseWorkingCalendar();
const base = { accepted: '2026-03-02', promised: { value: 10, unit: 'WD' as const } };
const statutory = caseDeadlines(cal, base).statutory; // 20 WD from 03-02
const head = { id: 'head-1', roles: ['agency-head'] };
const request = (over: Partial<ExtensionRequest> = {}): ExtensionRequest => ({
  requested: { value: 10, unit: 'WD' },
  approver: head,
  reason: '需要补充调查',
  at: '2026-03-20',
  ...over,
});
const decide = (over: Partial<ExtensionRequest> = {}, previous: GrantedExtension[] = []) =>
  decideExtension(request(over), { deadline: statutory, previous, zone: cal.zone });

describe('one capped extension (行政许可法 第42条)', () => {
  it('grants 10 WD by the agency head and moves the statutory deadline', () => {
    expect(statutory.date).toBe('2026-03-30');
    const r = decide();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.granted).toMatchObject({ approvedBy: 'head-1', article: '行政许可法第42条第1款', gbKind: '1' });
    const extended = caseDeadlines(cal, { ...base, extension: r.granted.extension });
    expect(extended.statutory.date).toBe('2026-04-14');
    expect(extended.statutory.basis.extension).toEqual({ value: 10, unit: 'WD' });
    expect(extended.promised.date).toBe(caseDeadlines(cal, base).promised.date);
  });

  it('grants on the last day of the limit, and refuses the day after', () => {
    expect(decide({ at: '2026-03-30' }).ok).toBe(true);
    expect(decide({ at: '2026-03-30T23:59:59+08:00' }).ok).toBe(true);
    expect(decide({ at: '2026-03-31' })).toMatchObject({ ok: false, code: 'extension.limit-expired' });
    expect(decide({ at: '2026-03-31T00:00:00+08:00' })).toMatchObject({ ok: false, code: 'extension.limit-expired' });
  });

  it('only once', () => {
    const first = decide();
    if (!first.ok) throw new Error(first.message);
    expect(decide({ requested: { value: 1, unit: 'WD' } }, [first.granted])).toMatchObject({ ok: false, code: 'extension.already-granted' });
  });

  it('never beyond the cap, never zero, never in another unit', () => {
    expect(decide({ requested: { value: 11, unit: 'WD' } })).toMatchObject({ ok: false, code: 'extension.over-cap' });
    expect(decide({ requested: { value: 0, unit: 'WD' } })).toMatchObject({ ok: false, code: 'extension.over-cap' });
    expect(decide({ requested: { value: 10, unit: 'CD' } })).toMatchObject({ ok: false, code: 'extension.unit' });
    expect(decide({ requested: { value: 5, unit: 'WD' } }).ok).toBe(true);
  });

  it('only by the right role, and with a reason', () => {
    expect(decide({ approver: { id: 'clerk', roles: ['reviewer'] } })).toMatchObject({ ok: false, code: 'extension.approver-role' });
    expect(decide({ reason: ' ' })).toMatchObject({ ok: false, code: 'extension.reason-required' });
  });

  it('joint approval: 15 WD by the government head; the agency head is not enough', () => {
    const policy = extensionPolicyFor({ joint: true });
    expect(policy.cap).toEqual({ value: 15, unit: 'WD' });
    const ctx = { deadline: statutory, previous: [], policy, zone: cal.zone };
    expect(decideExtension(request({ requested: { value: 15, unit: 'WD' } }), ctx)).toMatchObject({ ok: false, code: 'extension.approver-role' });
    expect(
      decideExtension(request({ requested: { value: 15, unit: 'WD' }, approver: { id: 'g', roles: ['government-head'] } }), ctx).ok,
    ).toBe(true);
  });

  it("uses the item's own law: ITEM-02 allows 5 WD", () => {
    const ext = item('ITEM-02').statutoryLimit.extension!;
    const policy = extensionPolicyFor({ extension: { ...limitOf(ext), approverRole: 'agency-head', article: '食品经营许可和备案管理办法' } });
    const ctx = { deadline: statutory, previous: [], policy, zone: cal.zone };
    expect(decideExtension(request({ requested: { value: 6, unit: 'WD' } }), ctx)).toMatchObject({ ok: false, code: 'extension.over-cap' });
    const ok = decideExtension(request({ requested: { value: 5, unit: 'WD' } }), ctx);
    expect(ok.ok && ok.granted.article).toBe('食品经营许可和备案管理办法');
  });

  it('an extension counts toward the light’s limit', () => {
    const extended = caseDeadlines(cal, { ...base, extension: { value: 10, unit: 'WD' } }).statutory;
    expect(lightOn(cal, { deadline: extended, on: '2026-03-31' })).toMatchObject({ light: 'green', limit: 30, elapsed: 20 });
    expect(lightOn(cal, { deadline: statutory, on: '2026-03-31' }).light).toBe('red');
  });
});
