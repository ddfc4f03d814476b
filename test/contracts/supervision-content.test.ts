/**
 * 督办内容 (GB/T 39046 table 11) in Chinese for every rule with a content of its own, and in English on request.
 */
import { describe, expect, it } from 'vitest';
import { supervisionContent, type SupervisionContentRule } from '../../contracts/messages/supervision.js';

const cases: [SupervisionContentRule, Record<string, string | number | string[]>, string][] = [
  ['case-overdue', { caseNo: 'SP-1', limit: 5 }, '办件SP-1超过5日的办理时限仍未办结（超期）'],
  ['step-overdue', { caseNo: 'SP-1', stepId: 'step:review', limit: 2 }, '办件SP-1的环节step:review超过本环节2日的时限'],
  ['task-overdue', { caseNo: 'SP-1', elementId: 'review', taskId: 't-3', dueAt: '2026-03-04T00:00:00+08:00' }, '办件SP-1的环节review（待办t-3）已过办理期限2026-03-04T00:00:00+08:00仍未办理'],
  ['late-delivery', { caseNo: 'SP-1', on: '2026-03-20', deadline: '2026-03-19', article: '行政许可法第44条' }, '办件SP-1于2026-03-20送达，晚于送达期限2026-03-19（行政许可法第44条）'],
  ['late-extension', { caseNo: 'SP-1', on: '2026-03-17', deadline: '2026-03-16', article: '行政许可法第42条第1款' }, '办件SP-1于2026-03-17延长审批，而法定时限已于2026-03-16届满（行政许可法第42条第1款）'],
  ['second-correction-notice', { caseNo: 'SP-1', no: 2, items: ['M3', 'M5'], reason: '首次告知遗漏' }, '办件SP-1第2次补正告知要求补正M3、M5，不在首次告知之内（行政许可法第三十二条：一次性告知）；理由：首次告知遗漏'],
  ['correction-window-lapsed', { caseNo: 'SP-1', deadline: '2026-03-09', acceptedOn: '2026-03-02', article: '行政许可法第32条' }, '办件SP-1至2026-03-09未作出补正告知或受理决定，自收到申请之日2026-03-02起视为受理（行政许可法第32条）'],
];

describe('supervision record contents', () => {
  it.each(cases)('%s reads in Chinese with every parameter filled', (rule, params, zh) => {
    expect(supervisionContent(rule, params)).toBe(zh);
    const en = supervisionContent(rule, params, 'en');
    expect(en).toContain('SP-1');
    expect(en).not.toMatch(/[{}]/);
  });
});
