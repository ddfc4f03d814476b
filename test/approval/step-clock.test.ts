import { beforeAll, describe, expect, it } from 'vitest';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import { stepLights, type ItemSnapshot } from '../../engine/approval/index.js';
import { timeline } from '../../engine/approval/timeline.js';
import { timelineWhyText } from '../../contracts/messages/index.js';
import { Case, applyCommand, at, calendar, clerk, foodItem, foodProcess } from './support.js';

/**
 * An item decided by the upper level after a lower-level review (行政许可法 第43条): the `review` step is the
 * lower agency's, with 20 working days from its acceptance; the case itself has 40 (statutory) and 30 (promised).
 */
const item: ItemSnapshot = {
  ...foodItem,
  statutoryLimit: { value: 40, unit: 'WD' }, promisedLimit: { value: 30, unit: 'WD' },
  specialProcedures: ['SITE_CHECK', 'EXPERT'],
  stepLimits: [{ step: 'review', limit: { value: 20, unit: 'WD' }, article: '行政许可法第43条', from: 'acceptance' }],
};
const sweep = { type: 'supervision.evaluate' as const, actor: { id: 'system', name: 'supervision' } };

let definition: ExecutableDefinition;
beforeAll(async () => {
  definition = await foodProcess();
});

/** Accepted Mon 2026-11-02; the review task opens at once. */
function accepted(): Case {
  const c = new Case(definition);
  c.when(applyCommand('SP-L43-1', [], item), at('2026-11-02', '09:00'));
  c.when({ type: 'case.accept', actor: clerk }, at('2026-11-02'));
  return c;
}

describe('the lower-level review sub-clock (行政许可法 第43条)', () => {
  it('runs the review step on its own 20 working days from acceptance, with its own light and supervision record', () => {
    const c = accepted();
    expect(c.lifecycle()).toContain('step-clock.started');
    const review = c.state.approval!.deadlines!.steps!.review!;
    // 11-03..06, 09..13, 16..20, 23..27, 30: the 20th working day is 11-30.
    expect([review.date, review.basis.rule, review.basis.article, review.basis.trigger]).toEqual(['2026-11-30', 'step:review', '行政许可法第43条', '2026-11-02']);
    expect(c.state.approval!.deadlines!.promised.date).toBe('2026-12-14');

    // On 11-26, 17 of 20 working days are used (85%): the step is YELLOW while the case (17 of 30) is GREEN.
    expect(stepLights(calendar, c.state.approval!, at('2026-11-26')).map((x) => [x.step, x.light.light, x.light.elapsed])).toEqual([['review', 'yellow', 17]]);
    c.when(sweep, at('2026-11-26'));
    expect([c.state.approval!.light, c.state.approval!.supervision]).toEqual(['green', []]);

    // From 00:00 on 12-01 the review is overdue: one step-overdue record for the step, not for the case.
    c.when(sweep, at('2026-12-01'));
    expect(c.state.approval!.supervision.map((r) => [r.rule, r.stepId])).toEqual([['step-overdue', 'step:review']]);
    expect(c.state.approval!.light).toBe('green');
    c.when(sweep, at('2026-12-02'));
    expect(c.state.approval!.supervision).toHaveLength(1);

    c.complete('review', at('2026-12-02'));
    expect(c.state.approval!.steps).toEqual([expect.objectContaining({ step: 'review', endedAt: at('2026-12-02') })]);
    expect(c.replayed()).toEqual(c.state);
  });

  it('pauses the review clock for a special procedure like the statutory clock (第45条)', () => {
    const c = accepted();
    const expert = { type: 'special-procedure.start' as const, id: 'sp-expert', procedure: 'EXPERT' as const, reason: '专家评审', basis: '行政许可法第45条', expectedDuration: { value: 2, unit: 'WD' as const }, actor: clerk };
    c.when(expert, at('2026-11-05'));
    c.when({ type: 'special-procedure.end', id: 'sp-expert', actor: clerk }, at('2026-11-09'));
    // Suspended (11-05, 11-09]: 11-06 and 11-09, 2 working days; 11-30 moves to 12-02.
    const review = c.state.approval!.deadlines!.steps!.review!;
    expect([review.date, review.basis.suspendedDays]).toEqual(['2026-12-02', 2]);
  });

  it('stops counting when the step is done on time: no record', () => {
    const c = accepted();
    c.complete('review', at('2026-11-20'));
    // The stopped clock's explanation is a code the pages word in Chinese, beside the log's English record.
    const stopped = timeline(c.log).find((t) => t.what === 'step-clock.stopped');
    expect(stopped).toMatchObject({ why: 'task completed', whyCode: 'step-clock.task-completed' });
    expect(timelineWhyText(stopped!.whyCode!)).toBe('本环节已办理完毕，环节时限停止计算');
    c.when(sweep, at('2026-12-03'));
    expect(stepLights(calendar, c.state.approval!, at('2026-12-03')).map((x) => x.light.light)).toEqual(['green']);
    // No record for the review step; the site check (2 WD, left open past its due) is supervised on its own limit.
    expect(c.state.approval!.supervision.filter((r) => r.stepId === 'step:review')).toEqual([]);
    expect(c.state.approval!.supervision.map((r) => [r.rule, r.stepId])).toEqual([['step-overdue', `task:${c.task('siteCheck')}`]]);
  });
});

describe("a BPMN step's own limit (approval:timeLimit)", () => {
  /** ITEM-02 without step clocks, accepted Mon 2026-11-02: the review task (1 WD) is due 2026-11-04 00:00. */
  function acceptedPlain(): Case {
    const c = new Case(definition);
    c.when(applyCommand('SP-TL-1', [], foodItem), at('2026-11-02', '09:00'));
    c.when({ type: 'case.accept', actor: clerk }, at('2026-11-02'));
    return c;
  }

  it('records exactly one step-overdue record for a task left open past its due, however often it is evaluated', () => {
    const c = acceptedPlain();
    const review = c.task('review');
    for (const day of ['2026-11-04', '2026-11-05', '2026-11-06']) c.when(sweep, at(day, '00:10'));
    const records = c.state.approval!.supervision;
    expect(records.map((r) => [r.rule, r.stepId, r.department])).toEqual([['step-overdue', `task:${review}`, foodItem.department]]);
    expect(records[0]!.detectedOn).toBe('2026-11-04');
  });

  it('records nothing when the task is completed in time', () => {
    const c = acceptedPlain();
    const review = c.task('review');
    c.complete('review', at('2026-11-03', '17:00'));
    for (const day of ['2026-11-04', '2026-11-05']) c.when(sweep, at(day, '00:10'));
    expect(c.state.approval!.supervision.filter((r) => r.stepId === `task:${review}`)).toEqual([]);
    expect(c.state.approval!.supervision).toEqual([]);
  });
});
