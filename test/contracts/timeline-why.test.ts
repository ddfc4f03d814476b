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
    const all = {
      elapsed: 1, limit: 2, unit: 'CD', value: 3, article: '行政许可法第43条', department: '区卫生健康委', step: '现场核查', procedure: 'EXPERT',
      channel: 'online', outcome: 'approved', grade: 4, rule: 'case-overdue', clock: 'statutory', total: 3, count: 2, no: 1, reason: '理由', comment: '意见',
      date: '2026-03-09', acceptedOn: '2026-03-02', decidedOn: '2026-03-10', requestedOn: '2026-03-06', noticeOn: '2026-03-12', movedFrom: '2026-03-20',
      holdBy: '2026-04-01', newDate: '2026-10-12', oldDate: '2026-10-09', toVersion: '2026.2', fromVersion: '2026.1', task: '现场核查', to: '区公安分局',
      by: '张三', party: '陈静', place: '第一会议室', record: '笔录',
    };
    for (const code of TIMELINE_WHY_CODES) expect(timelineWhyText(code, all), code).toMatch(/^[^a-zA-Z{}[\]]+$/);
    expect(timelineWhyText('step-clock.from-acceptance', { value: 20, unit: 'WD', article: '行政许可法第43条' })).toBe('本环节时限 20个工作日，自受理之日起计算（行政许可法第43条）');
    expect(timelineWhyText('deadlines.procedure-started', { procedure: 'EXPERT' })).toBe('专家评审特别程序开始，所需时间不计入办理时限');
    expect(timelineWhyText('deadlines.extension', { value: 10, unit: 'WD', article: '行政许可法第42条' }, 'en')).toBe('extension of 10 WD (行政许可法第42条)');
    expect(timelineWhyText('handling.started', { department: '区市场监督管理局' })).toBe('区市场监督管理局开始办理');
  });

  it('words every explanation of the case itself, its hearing, corrections, certificate and supervision in both languages', () => {
    // [code, parameters, Chinese, English]
    const cases: Array<[string, Record<string, string | number>, string, string]> = [
      ['case.applied', { channel: 'online' }, '收到网上申请', 'application by online'],
      ['case.applied', { channel: 'window' }, '收到窗口申请', 'application by window'],
      ['case.accepted.complete', {}, '申请材料齐全、符合法定形式，予以受理', 'materials complete and in the legal form'],
      ['case.accepted.deemed', { article: '行政许可法第32条', date: '2026-03-09', acceptedOn: '2026-03-02' },
        '行政许可法第32条：至 2026-03-09 未告知补正也未作出决定，自收到申请之日（2026-03-02）起视为受理',
        '行政许可法第32条: no correction notice or decision by 2026-03-09; accepted from the receipt on 2026-03-02'],
      ['correction.items', { count: 2 }, '一次性告知需补正 2 项材料（行政许可法第三十二条）', '2 item(s) to correct (Administrative Licensing Law, article 32)'],
      ['correction.second-notice', { reason: '首次漏列' }, '再次告知补正：首次漏列', 'second notice: 首次漏列'],
      ['correction.answered', { no: 1 }, '申请人答复第 1 次补正告知', 'answer to correction notice 1'],
      ['case.decided.step', { step: '审批决定', outcome: 'approved' }, '审批决定：准予许可', '审批决定: approved'],
      ['case.decided.co-departments', { total: 3, outcome: 'partially-refused' }, '3个协办部门均已办理完毕：部分不予许可', 'all 3 co-departments done: partially refused'],
      ['case.decided.no-decide-step', {}, '流程已办结，未设单独的决定环节，视为准予许可', 'process completed without a separate decide step'],
      ['case.concluded', { outcome: 'refused' }, '办结：不予许可', 'outcome refused'],
      ['certificate.at-decision', { outcome: 'approved' }, '作出准予许可决定，同时生成证照', 'approved (certificate generated at the decision)'],
      ['certificate.at-step', { step: '制证' }, '环节“制证”开始，在本环节生成证照', 'step 制证 started (certificate generated at this step)'],
      ['certificate.fees-paid', { total: 30 }, '已缴清费用 30 元，生成证照', 'fees of 30 yuan paid'],
      ['certificate.by-decision', { outcome: 'approved', decidedOn: '2026-03-10' }, '依据 2026-03-10 作出的准予许可决定制发证照', 'decision approved on 2026-03-10'],
      ['co-department.withdrawn', { step: '受理登记' }, '办件退回至“受理登记”，协办部门的办理撤回', 'returned to 受理登记'],
      ['co-department.outcome', { outcome: 'refused' }, '协办部门意见：不予许可', 'co-department: refused'],
      ['supervision.recorded', { rule: 'late-delivery' }, '电子监察：逾期送达', 'supervision: late delivery'],
      ['supervision.recorded', { rule: 'supervision-response:case-overdue' }, '电子监察：办件超过办结时限', 'supervision: case over its limit'],
      ['payment.fees', { total: 30 }, '缴纳费用，应缴合计 30 元', 'fees of 30 yuan'],
      ['delivery.due', { date: '2026-03-17', article: '行政许可法第44条' }, '送达期限为 2026-03-17（行政许可法第44条）', 'delivery due 2026-03-17 (行政许可法第44条)'],
      ['delivery.recorded', {}, '办理结果已送达', 'delivered'],
      ['evaluation.grade', { grade: 2 }, '申请人评价：满意', 'grade 2'],
      ['rectification.opened', { grade: 5, comment: '态度差' }, '差评（非常不满意）：态度差，启动整改', 'grade 5: 态度差'],
      ['rectification.opened', { grade: 4 }, '差评（不满意），启动整改', 'grade 4'],
      ['correction.resubmitted', { requestedOn: '2026-03-06' }, '申请人答复 2026-03-06 的补正要求', 'answer to the correction of 2026-03-06'],
      ['correction.asked', { reason: '缺少平面图' }, '退回申请人补正：缺少平面图', 'rejected to the applicant for correction: 缺少平面图'],
      ['correction.supplied', {}, '申请人已补正材料', 'the applicant supplied the corrections'],
      ['correction.restart', { step: '材料审查' }, '申请人已补正材料，从“材料审查”重新办理', 'corrections supplied: through again from 材料审查'],
      ['task.urged', { task: '现场核查' }, '催办“现场核查”', 'urged: 现场核查'],
      ['task.copied.step', { step: '抄送卫健', to: '区卫生健康委员会' }, '抄送环节“抄送卫健”：区卫生健康委员会', 'copy step 抄送卫健: 区卫生健康委员会'],
      ['task.copied', { to: '区公安分局' }, '抄送 区公安分局', 'copied to 区公安分局'],
      ['task.escalated-timeout', {}, '办理超时，自动转交上级领导', 'timeout: passed up to the leader'],
      ['procedure.suspended', { procedure: 'EXPERT', reason: '需专家论证' }, '专家评审特别程序开始，暂停办理：需专家论证', 'special procedure expert review started: 需专家论证'],
      ['procedure.suspended', { procedure: 'HEARING' }, '听证特别程序开始，暂停办理', 'special procedure hearing started'],
      ['procedure.ended', {}, '特别程序结束', 'special procedure ended'],
      ['procedure.resumed', {}, '特别程序结束，恢复办理', 'special procedure ended: handling resumes'],
      ['hearing.notified', { reason: '涉及相邻权', date: '2026-03-09', article: '行政许可法第47条' }, '涉及相邻权；可于 2026-03-09 前要求听证（行政许可法第47条）',
        '涉及相邻权; a hearing may be requested by 2026-03-09 (行政许可法第47条)'],
      ['hearing.hold-by', { date: '2026-04-01', article: '行政许可法第47条' }, '听证应于 2026-04-01 前举行（行政许可法第47条）', 'hearing to be held by 2026-04-01 (行政许可法第47条)'],
      ['hearing.requested-by', { by: '张三' }, '张三要求听证', 'hearing requested by 张三'],
      ['hearing.scheduled', { noticeOn: '2026-03-12' }, '已于 2026-03-12 通知听证时间和地点，不少于举行前7个工作日（行政许可法第四十八条第一款第一项）',
        'notified 2026-03-12, at least 7 working days before (Administrative Licensing Law, article 48(1)(1))'],
      ['hearing.scheduled', { noticeOn: '2026-03-12', movedFrom: '2026-03-20' }, '由 2026-03-20 改期；已于 2026-03-12 通知听证时间和地点，不少于举行前7个工作日（行政许可法第四十八条第一款第一项）',
        'moved from 2026-03-20; notified 2026-03-12, at least 7 working days before (Administrative Licensing Law, article 48(1)(1))'],
      ['hearing.held', { place: '第一会议室' }, '在第一会议室举行听证', 'held at 第一会议室'],
      ['hearing.held', { place: '第一会议室', holdBy: '2026-04-01' }, '在第一会议室举行听证，晚于应举行日 2026-04-01', 'held at 第一会议室, after 2026-04-01'],
      ['hearing.held-result', { record: '各方陈述意见' }, '听证已举行：各方陈述意见', 'hearing held: 各方陈述意见'],
      ['hearing.not-held', { reason: '申请人撤回' }, '听证未举行：申请人撤回', 'hearing not held: 申请人撤回'],
      ['hearing.waived.all', {}, '各方均已放弃听证权利（行政许可法第四十七条）', 'every party waived the right to a hearing (Administrative Licensing Law, article 47)'],
      ['hearing.waived', { party: '陈静' }, '陈静放弃听证权利', '陈静 waived the right to a hearing'],
      ['deadline.moved', { clock: 'promised', newDate: '2026-10-12', oldDate: '2026-10-09', toVersion: '2026.2', fromVersion: '2026.1' },
        '日历 2026.2 替代 2026.1：承诺办结期限改为 2026-10-12（原为 2026-10-09）', 'calendar 2026.2 replaces 2026.1: promised due 2026-10-12 instead of 2026-10-09'],
      ['deadline.confirmed', { clock: 'hearing:hold', newDate: '2026-10-12', toVersion: '2026.2' },
        '日历 2026.2 确认听证举行期限为 2026-10-12（不再为暂定）', 'calendar 2026.2 confirms hearing due 2026-10-12 (no longer provisional)'],
    ];
    for (const [code, params, zh, en] of cases) {
      expect(timelineWhyText(code, params), code).toBe(zh);
      expect(timelineWhyText(code, params, 'en'), code).toBe(en);
    }
    // Every code has a worded case here or above.
    const worded = new Set([...cases.map((c) => c[0]), 'handling.started', 'co-department.materials-shared', 'evaluation.invited', 'step-clock.from-acceptance',
      'step-clock.from-step-start', 'step-clock.task-completed', 'step-clock.task-cancelled', 'light.promised-used']);
    expect(TIMELINE_WHY_CODES.filter((c) => !c.startsWith('deadlines.') && !worded.has(c))).toEqual([]);
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
