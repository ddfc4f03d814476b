/** The engine's own timeline explanations by code: Chinese by default, English when asked, parameters filled. */
import { describe, expect, it } from 'vitest';
import { TIMELINE_WHY_CODES, timelineWhyText } from '../../contracts/messages/index.js';
import { timeline } from '../../engine/approval/timeline.js';
import type { CaseEvent } from '../../engine/core/types.js';

describe('timeline explanations by code', () => {
  it('words a stopped step clock and a light change in Chinese, and in English when asked', () => {
    expect(timelineWhyText('step-clock.task-completed')).toBe('本环节已办理完毕，环节时限停止计算');
    expect(timelineWhyText('step-clock.task-cancelled')).toBe('本环节已取消，环节时限停止计算');
    expect(timelineWhyText('light.promised-used', { elapsed: 4, limit: 5, unit: 'WD' })).toBe('承诺时限已用 4/5个工作日');
    expect(timelineWhyText('light.promised-used', { elapsed: 4, limit: 5, unit: 'WD' }, 'en')).toBe('4 of 5 WD of the promised limit used');
    expect(timelineWhyText('step-clock.task-completed', {}, 'en')).toBe('task completed');
    expect(timelineWhyText('something-else')).toBeUndefined();
    const all = { elapsed: 1, limit: 2, unit: 'CD', value: 3, article: '行政许可法第43条', department: '区卫生健康委', step: '现场核查', procedure: 'EXPERT' };
    for (const code of TIMELINE_WHY_CODES) expect(timelineWhyText(code, all), code).toMatch(/^[^a-zA-Z{}[\]]+$/);
    expect(timelineWhyText('step-clock.from-acceptance', { value: 20, unit: 'WD', article: '行政许可法第43条' })).toBe('本环节时限 20个工作日，自受理之日起计算（行政许可法第43条）');
    expect(timelineWhyText('deadlines.procedure-started', { procedure: 'EXPERT' })).toBe('专家评审特别程序开始，所需时间不计入办理时限');
    expect(timelineWhyText('deadlines.extension', { value: 10, unit: 'WD', article: '行政许可法第42条' }, 'en')).toBe('extension of 10 WD (行政许可法第42条)');
    expect(timelineWhyText('handling.started', { department: '区市场监督管理局' })).toBe('区市场监督管理局开始办理');
  });

  it("carries the event's code and parameters onto the timeline entry, beside its English record", () => {
    const events = [
      { type: 'light.changed', v: 2, seq: 7, at: '2026-10-15T16:10:00.000Z', from: 'green', to: 'yellow', on: '2026-10-15T16:10:00.000Z', elapsed: 4, limit: 5,
        why: '4 of 5 WD of the promised limit used', whyCode: 'light.promised-used', whyParams: { elapsed: 4, limit: 5, unit: 'WD' } },
    ] as unknown as CaseEvent[];
    expect(timeline(events)).toEqual([{
      seq: 7, at: '2026-10-15T16:10:00.000Z', actor: 'system', what: 'light.changed', detail: 'light.changed',
      why: '4 of 5 WD of the promised limit used', whyCode: 'light.promised-used', whyParams: { elapsed: 4, limit: 5, unit: 'WD' },
    }]);
  });
});
