import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import {
  SPECIAL_PROCEDURE_DEFAULTS,
  caseDeadlines,
  endSpecialProcedure,
  isSpecialProcedureType,
  openProcedures,
  pauseRuleFor,
  startSpecialProcedure,
  suspensionsFor,
  type StartProcedureRequest,
  type SuspensionLedger,
} from '../../engine/clocks/index.js';

const cal = new ChineseWorkingCalendar();
const full = (over: Partial<StartProcedureRequest> = {}): StartProcedureRequest => ({
  id: 'p1',
  type: 'HEARING',
  start: '2026-04-01',
  reason: '利害关系人申请听证',
  basis: '行政许可法第47条',
  expectedDuration: { value: 20, unit: 'WD' },
  ...over,
});

function started(ledger: SuspensionLedger, req: StartProcedureRequest): SuspensionLedger {
  const r = startSpecialProcedure(cal, ledger, req);
  if (!r.ok) throw new Error(r.message);
  return r.ledger;
}

describe('pause defaults (行政许可法 第45条)', () => {
  it.each(['HEARING', 'BID', 'AUCTION', 'INSPECT_TEST', 'APPRAISAL', 'EXPERT'] as const)('%s pauses both clocks', (type) => {
    expect(pauseRuleFor(type)).toMatchObject({ statutory: true, promised: true, basis: '行政许可法第45条' });
  });

  it('site inspection is not on the list and pauses neither clock', () => {
    expect(pauseRuleFor('SITE_CHECK')).toMatchObject({ statutory: false, promised: false });
  });

  it('an item may exclude site inspection from the promised limit only', () => {
    expect(pauseRuleFor('SITE_CHECK', { SITE_CHECK: { promised: true } })).toMatchObject({ statutory: false, promised: true });
  });

  it('knows the catalogue codes and not the extension', () => {
    expect(isSpecialProcedureType('EXPERT')).toBe(true);
    expect(isSpecialProcedureType('EXT')).toBe(false);
    expect(Object.keys(SPECIAL_PROCEDURE_DEFAULTS)).toHaveLength(9);
  });
});

describe('the suspension ledger', () => {
  it('starts an excluded procedure with its notice data and tells the expected end', () => {
    const r = startSpecialProcedure(cal, [], full());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entry).toMatchObject({ pauses: { statutory: true, promised: true }, expectedEnd: '2026-04-30' });
    expect(openProcedures(r.ledger)).toHaveLength(1);
  });

  it.each([
    [{ reason: '' }, 'reason'],
    [{ basis: '  ' }, 'basis'],
    [{ expectedDuration: undefined }, 'expected duration'],
    [{ expectedDuration: { value: 0, unit: 'WD' as const } }, 'expected duration'],
  ])('refuses an excluded procedure without %o', (over, missing) => {
    const r = startSpecialProcedure(cal, [], full(over));
    expect(r).toMatchObject({ ok: false, code: 'special-procedure.notice-incomplete' });
    if (!r.ok) expect(r.message).toContain(`${missing} missing`);
  });

  it('lets a counted procedure (site inspection) start without notice data', () => {
    const r = startSpecialProcedure(cal, [], { id: 's', type: 'SITE_CHECK', start: '2026-04-01' });
    expect(r.ok).toBe(true);
  });

  it('refuses a duplicate id, an unknown or ended procedure, and an end before the start', () => {
    const ledger = started([], full());
    expect(startSpecialProcedure(cal, ledger, full())).toMatchObject({ ok: false, code: 'special-procedure.duplicate' });
    expect(endSpecialProcedure(ledger, 'nope', '2026-04-10')).toMatchObject({ ok: false, code: 'special-procedure.unknown' });
    expect(endSpecialProcedure(ledger, 'p1', '2026-03-31')).toMatchObject({ ok: false, code: 'special-procedure.end-before-start' });
    const ended = endSpecialProcedure(ledger, 'p1', '2026-04-10');
    expect(ended.ok).toBe(true);
    if (!ended.ok) return;
    expect(endSpecialProcedure(ended.ledger, 'p1', '2026-04-11')).toMatchObject({ ok: false, code: 'special-procedure.already-ended' });
    expect(ledger[0]!.end).toBeUndefined();
  });

  it('pauses one clock, both, or neither, per entry', () => {
    let ledger = started([], full({ id: 'hearing', start: '2026-04-01' }));
    ledger = started(ledger, { id: 'site', type: 'SITE_CHECK', start: '2026-04-02' });
    const r = startSpecialProcedure(
      cal,
      ledger,
      { id: 'site2', type: 'SITE_CHECK', start: '2026-04-20', reason: '复查', basis: '本市规定', expectedDuration: { value: 2, unit: 'WD' } },
      { SITE_CHECK: { promised: true } },
    );
    if (!r.ok) throw new Error(r.message);
    expect(suspensionsFor(r.ledger, 'statutory').map((s) => s.start)).toEqual(['2026-04-01']);
    expect(suspensionsFor(r.ledger, 'promised').map((s) => s.start)).toEqual(['2026-04-01', '2026-04-20']);
  });

  it('a hearing over the 清明 and 劳动节 holidays adds only its working days', () => {
    let ledger = started([], full({ start: '2026-04-02' }));
    const ended = endSpecialProcedure(ledger, 'p1', '2026-05-08');
    if (!ended.ok) throw new Error(ended.message);
    ledger = ended.ledger;
    const d = caseDeadlines(cal, { accepted: '2026-03-30', promised: { value: 10, unit: 'WD' }, ledger });
    // (04-02, 05-08]: 04-03, then 04-07..30 (18 WD), then 05-06..08 (3) = 22; 04-04..06 and 05-01..05 are off.
    expect(d.statutory.basis.suspendedDays).toBe(22);
    // Statutory 20 WD: 03-31, 04-01, 04-02 used before it, then Sat 05-09 (调休), 05-11..15, 18..22, 25..29, 06-01.
    expect(d.statutory.date).toBe('2026-06-01');
  });
});
