/**
 * The detail of a timeline entry by code: every code worded in Chinese and in English with its parameters
 * filled, and the engine giving each task event and operation its code, with tasks and steps by name and
 * people by user id (the server puts their names in), beside the English record older clients read.
 */
import { describe, expect, it } from 'vitest';
import { TIMELINE_DETAIL_CODES, timelineDetailText, type TimelineDetailParam } from '../../contracts/messages/index.js';
import { timeline } from '../../engine/approval/timeline.js';
import type { CaseEvent } from '../../engine/core/types.js';

/** Every parameter a detail may name, with Chinese values where a person would read a name. */
const ALL: Record<string, TimelineDetailParam> = {
  task: '材料审查', step: '受理登记', after: '现场核查', department: '区市场监督管理局', role: '审查人员', assignee: '刘洋', owner: '刘洋',
  delegate: '王芳', from: '刘洋', to: '王芳', by: '张伟', next: '王芳', signers: ['王芳', '张伟'], users: ['王芳'], departments: ['区公安分局'],
  outcome: 'approve', mode: 'before', resume: 'through',
};

describe('timeline details by code', () => {
  it('words every code in Chinese and in English, with no placeholder, bracket or code left', () => {
    for (const code of TIMELINE_DETAIL_CODES) {
      const zh = timelineDetailText(code, ALL);
      const en = timelineDetailText(code, ALL, 'en');
      expect(zh, code).toBeDefined();
      expect(en, code).toBeDefined();
      // Chinese throughout: once the names are taken out, no Latin letter (no code such as approve, before, through).
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, code).not.toMatch(/[A-Za-z{}[\]]/);
      expect(en, code).not.toMatch(/[{}[\]]/);
      expect(en, code).toMatch(/[a-z]{3,}/);
    }
    expect(timelineDetailText('no-such-code', ALL)).toBeUndefined();
  });

  it('says what happened to the task and who did it', () => {
    // [code, parameters, Chinese, English]
    const cases: Array<[string, Record<string, TimelineDetailParam>, string, string]> = [
      ['task.created', { task: '材料审查', department: '区市场监督管理局', role: '审查人员' }, '“材料审查”待办已生成，办理部门：区市场监督管理局，办理岗位：审查人员',
        'task 材料审查 opened in 区市场监督管理局 for 审查人员'],
      ['task.created', { task: '材料审查', department: '区市场监督管理局' }, '“材料审查”待办已生成，办理部门：区市场监督管理局', 'task 材料审查 opened in 区市场监督管理局'],
      ['task.created.anyone', { task: '登记' }, '“登记”待办已生成，未限定办理部门', 'task 登记 opened for anyone'],
      ['task.claimed', { task: '材料审查', assignee: '刘洋' }, '刘洋签收“材料审查”', 'task 材料审查 claimed by 刘洋'],
      ['task.completed', { task: '材料审查' }, '“材料审查”办理完毕', 'task 材料审查 completed'],
      ['task.completed.outcome', { task: '审批决定', outcome: 'approve' }, '“审批决定”办理完毕：同意', 'task 审批决定 completed: approve'],
      ['task.completed.outcome', { task: '审批决定', outcome: 'refuse' }, '“审批决定”办理完毕：不同意', 'task 审批决定 completed: refuse'],
      ['case.returned', { step: '受理登记' }, '退回至“受理登记”', 'returned to 受理登记'],
      ['task.transferred', { task: '材料审查', from: '刘洋', to: '王芳' }, '“材料审查”由刘洋转办给王芳', 'task 材料审查 transferred from 刘洋 to 王芳'],
      ['task.transferred', { task: '材料审查', to: '王芳' }, '“材料审查”转办给王芳', 'task 材料审查 transferred to 王芳'],
      ['task.delegated', { task: '材料审查', owner: '刘洋', delegate: '王芳' }, '刘洋将“材料审查”委派给王芳', 'task 材料审查 delegated by 刘洋 to 王芳'],
      ['task.resolved', { task: '材料审查', by: '王芳', owner: '刘洋' }, '王芳将“材料审查”交回刘洋', 'task 材料审查 resolved by 王芳 back to 刘洋'],
      ['task.signers-added', { task: '材料审查', mode: 'before', signers: ['王芳', '张伟'] }, '“材料审查”前加签：王芳、张伟', 'signers 王芳, 张伟 added before to task 材料审查'],
      ['task.signers-added', { task: '消防审查', mode: 'parallel', signers: ['王芳'] }, '“消防审查”会签加签：王芳', 'signers 王芳 added in parallel to task 消防审查'],
      ['task.signers-removed', { task: '材料审查', signers: ['张伟'] }, '“材料审查”减签：张伟', 'signers 张伟 removed from task 材料审查'],
      ['task.signed', { task: '材料审查', by: '王芳', next: '刘洋' }, '王芳签署“材料审查”，下一位签署人：刘洋', 'task 材料审查 signed by 王芳, next 刘洋'],
      ['task.rejected', { task: '审批决定', step: '材料审查', resume: 'back-to-me' }, '“审批决定”驳回至“材料审查”，重新办理后直接返回驳回环节',
        'task 审批决定 rejected to 材料审查 (back-to-me)'],
      ['task.rejected', { task: '审批决定', step: '材料审查', resume: 'through' }, '“审批决定”驳回至“材料审查”，按流程逐步重新流转', 'task 审批决定 rejected to 材料审查 (through)'],
      ['task.reclaimed', { step: '材料审查', by: '刘洋' }, '刘洋拿回“材料审查”', 'step 材料审查 reclaimed by 刘洋'],
      ['rejection.resumed', { after: '材料审查', step: '审批决定' }, '“材料审查”重新办理完毕，直接回到“审批决定”', '材料审查 done again: straight back to 审批决定'],
      ['task.urged', { task: '现场核查' }, '催办“现场核查”', 'task 现场核查 urged'],
      ['task.copied', { task: '材料审查', users: ['王芳', '张伟'], departments: ['区公安分局'] }, '“材料审查”抄送给王芳、张伟、区公安分局', 'task 材料审查 copied to 王芳, 张伟, 区公安分局'],
      ['task.copied', { task: '抄送卫健', users: [], departments: ['区卫生健康委员会'] }, '“抄送卫健”抄送给区卫生健康委员会', 'task 抄送卫健 copied to 区卫生健康委员会'],
    ];
    for (const [code, params, zh, en] of cases) {
      expect(timelineDetailText(code, params), code).toBe(zh);
      expect(timelineDetailText(code, params, 'en'), code).toBe(en);
    }
    expect(TIMELINE_DETAIL_CODES.filter((c) => !cases.some((x) => x[0] === c))).toEqual([]);
  });
});

describe('the engine\'s timeline details', () => {
  const at = '2026-03-02T01:00:00.000Z';
  const task = (taskId: string, elementId: string, name: string, extra: Record<string, string> = {}) =>
    ({ type: 'task.created', task: { taskId, elementId, name, ...extra } });
  const log = (events: Array<Record<string, unknown>>): CaseEvent[] => events.map((e, i) => ({ seq: i + 1, at, actor: { id: 'p1001', name: '刘洋' }, ...e }) as unknown as CaseEvent);

  it('gives each task event and operation its code, tasks and steps by name and people by id, beside the English record', () => {
    const entries = timeline(log([
      task('t1', 'review', '材料审查', { department: '区市场监督管理局', role: 'reviewer' }),
      { type: 'task.claimed', taskId: 't1', assignee: 'p1001' },
      { type: 'task.transferred', taskId: 't1', from: 'p1001', to: 'p1002', reason: '' },
      { type: 'task.delegated', taskId: 't1', owner: 'p1002', to: 'p1003', reason: '' },
      { type: 'task.resolved', taskId: 't1', owner: 'p1002', by: 'p1003' },
      { type: 'task.signers-added', taskId: 't1', mode: 'after', signers: ['p1004', 'p1005'], reason: '' },
      { type: 'task.signers-removed', taskId: 't1', signers: ['p1005'] },
      { type: 'task.signed', taskId: 't1', by: 'p1002', next: 'p1004' },
      { type: 'task.completed', taskId: 't1', outcome: 'approve' },
      task('t2', 'decide', '审批决定'),
      { type: 'task.rejected', taskId: 't2', el: 'decide', toElementId: 'review', resume: 'back-to-me', reason: '', scope: 's' },
      { type: 'rejection.resumed', scope: 's', after: 'review', to: 'decide' },
      { type: 'task.reclaimed', taskId: 't2', el: 'review', scope: 's', by: 'p1001', reason: '', withdrawn: [] },
      { type: 'case.returned', toElementId: 'review', reason: '', scope: 's' },
      { type: 'task.urged', urge: { taskId: 't2' } },
      { type: 'task.copied', copy: { taskId: 't2', users: ['p1006'], departments: ['区公安分局'] } },
      { type: 'task.completed', taskId: 't2' },
    ]));
    const coded = entries.map((e) => [e.what, e.detailCode, e.detailParams]);
    expect(coded).toEqual([
      ['task.created', 'task.created', { task: '材料审查', department: '区市场监督管理局', role: 'reviewer' }],
      ['task.claimed', 'task.claimed', { task: '材料审查', assignee: 'p1001' }],
      ['task.transferred', 'task.transferred', { task: '材料审查', from: 'p1001', to: 'p1002' }],
      ['task.delegated', 'task.delegated', { task: '材料审查', owner: 'p1002', delegate: 'p1003' }],
      ['task.resolved', 'task.resolved', { task: '材料审查', by: 'p1003', owner: 'p1002' }],
      ['task.signers-added', 'task.signers-added', { task: '材料审查', mode: 'after', signers: ['p1004', 'p1005'] }],
      ['task.signers-removed', 'task.signers-removed', { task: '材料审查', signers: ['p1005'] }],
      ['task.signed', 'task.signed', { task: '材料审查', by: 'p1002', next: 'p1004' }],
      ['task.completed', 'task.completed.outcome', { task: '材料审查', outcome: 'approve' }],
      ['task.created', 'task.created.anyone', { task: '审批决定' }],
      ['task.rejected', 'task.rejected', { task: '审批决定', step: '材料审查', resume: 'back-to-me' }],
      ['rejection.resumed', 'rejection.resumed', { after: '材料审查', step: '审批决定' }],
      ['task.reclaimed', 'task.reclaimed', { step: '材料审查', by: 'p1001' }],
      ['case.returned', 'case.returned', { step: '材料审查' }],
      ['task.urged', 'task.urged', { task: '审批决定' }],
      ['task.copied', 'task.copied', { task: '审批决定', users: ['p1006'], departments: ['区公安分局'] }],
      ['task.completed', 'task.completed', { task: '审批决定' }],
    ]);
    // The English record stays, for the clients that read it.
    expect(entries.map((e) => e.detail).slice(0, 3)).toEqual([
      'task 材料审查 opened for 区市场监督管理局 / reviewer', 'task 材料审查 claimed by p1001', 'task 材料审查 transferred from p1001 to p1002',
    ]);
    expect(entries.at(-2)?.detail).toBe('task 审批决定 copied to p1006, 区公安分局');
    // Every code the engine gives is worded.
    for (const e of entries) expect(timelineDetailText(e.detailCode!, e.detailParams), e.what).toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves the code out where the event\'s name says it all, and a step it has not seen by its element id', () => {
    const entries = timeline(log([
      { type: 'case.accepted', why: 'accepted' },
      { type: 'task.transferred', taskId: 't9', to: 'p1002', reason: '' },
      { type: 'case.returned', toElementId: 'intake', reason: '', scope: 's' },
    ]));
    expect(entries[0]).toMatchObject({ what: 'case.accepted', detail: 'case.accepted' });
    expect(entries[0]).not.toHaveProperty('detailCode');
    expect(entries[0]).not.toHaveProperty('detailParams');
    expect(entries[1]).toMatchObject({ detailCode: 'task.transferred', detailParams: { task: 't9', to: 'p1002' } });
    expect(entries[2]).toMatchObject({ detailCode: 'case.returned', detailParams: { step: 'intake' } });
  });
});
