/**
 * Given/when/then for who holds a step and its policies: candidate rules resolved over the organisation
 * when the task opens (发起人自选, a position of the department, the leader chain up to a position, named
 * users), the empty-approver policy (pass, the department admin, refuse), 自动去重, separation of duties,
 * 票签 with weights and a threshold, and the timeout actions (remind, pass, escalate) in working days.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../definitions/index.js';
import { openTasks, type ExecutableDefinition } from '../../engine/core/index.js';
import type { OrgSnapshot } from '../../engine/core/organisation.js';
import { TestCase } from './support/harness.js';

const xml = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/step-policies.bpmn'), 'utf8');

async function compiled(edit: (text: string) => string = (t) => t): Promise<ExecutableDefinition> {
  const loaded = await loadDefinition(Buffer.from(edit(xml)));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.findings));
  return loaded.definition;
}

/** 科员 li and zhao → 科长 wang → 分管领导 qian → 负责人 boss (also the department admin). */
function org(over: Partial<Record<string, string[]>> = {}): OrgSnapshot {
  const held = (id: string, holders: string[]) => over[id] ?? holders;
  return {
    departments: { market: { region: '330106', admins: ['boss'] } },
    positions: {
      'm.clerk': { department: 'market', kind: 'clerk', leader: 'm.chief', holders: held('m.clerk', ['li', 'zhao']) },
      'm.chief': { department: 'market', kind: 'section-chief', leader: 'm.deputy', holders: held('m.chief', ['wang']) },
      'm.deputy': { department: 'market', kind: 'deputy-head', leader: 'm.head', holders: held('m.deputy', ['qian']) },
      'm.head': { department: 'market', kind: 'head', holders: held('m.head', ['boss']) },
    },
  };
}

async function started(vars: Record<string, string | string[]> = { approver: 'li', heads: ['h1', 'h2', 'h3'] }, snapshot = org(), edit?: (t: string) => string): Promise<TestCase> {
  const c = new TestCase(await compiled(edit));
  c.org = snapshot;
  return c.start(vars);
}

function task(c: TestCase, el: string, n = 0) {
  const t = openTasks(c.state).filter((x) => x.elementId === el)[n];
  if (!t) throw new Error(`no open task at ${el} (open: ${c.active().join(', ')})`);
  return t;
}

/** Completes the task at `el` as `who` (claiming it first when nobody holds it). */
function work(c: TestCase, el: string, who: string, outcome?: string, n = 0): TestCase {
  const t = task(c, el, n);
  if (t.assignee === undefined) c.run({ type: 'task.claim', taskId: t.taskId, assignee: who, actor: { id: who } });
  return c.run({ type: 'task.complete', taskId: t.taskId, actor: { id: who }, ...(outcome ? { outcome } : {}) });
}

describe('candidate rules', () => {
  it('gives each step to the holders its rule names, resolved when the task opens', async () => {
    const c = await started();
    // 发起人自选: the applicant chose li.
    expect(task(c, 'accept')).toMatchObject({ candidates: ['li'], assignee: 'li' });
    work(c, 'accept', 'li');
    // The section chief of the step's department.
    expect(task(c, 'review')).toMatchObject({ candidates: ['wang'], assignee: 'wang' });
    work(c, 'review', 'wang');
    // 逐级审批 up to 负责人 from the reviewer: 分管领导 qian, then 负责人 boss.
    expect(task(c, 'decide')).toMatchObject({ candidates: ['qian'], assignee: 'qian', queue: ['boss'] });
    work(c, 'decide', 'qian');
    expect(c.types()).toEqual(['task.signed']);
    expect(task(c, 'decide')).toMatchObject({ assignee: 'boss' });
    work(c, 'decide', 'boss');
    expect(openTasks(c.state).filter((t) => t.elementId === 'vote')).toHaveLength(3);
  });

  it('resolves a position rule over the snapshot of the command, not of an earlier one', async () => {
    const c = await started();
    work(c, 'accept', 'li');
    expect(task(c, 'review').candidates).toEqual(['wang']);
    c.org = org({ 'm.chief': ['sun'] });
    // The open task keeps its holders; a new opening takes the organisation as it is now.
    expect(task(c, 'review').candidates).toEqual(['wang']);
  });
});

describe('the empty-approver policy', () => {
  it('hands the step to the department admin when nobody was chosen', async () => {
    const c = await started({ heads: ['h1'] });
    expect(task(c, 'accept')).toMatchObject({ candidates: ['boss'], assignee: 'boss' });
  });

  it('passes the step at once when it says pass and nobody holds the position, and records why', async () => {
    const c = await started({ approver: 'li', heads: ['h1'] }, org({ 'm.chief': [] }));
    work(c, 'accept', 'li');
    expect(c.events.filter((e) => e.type === 'task.completed').map((e) => e.auto ?? null)).toEqual([null, 'empty']);
    // The leader chain from li passes over the empty 科长 to 分管领导 and 负责人.
    expect(task(c, 'decide')).toMatchObject({ assignee: 'qian', queue: ['boss'] });
  });

  it('refuses the completion that would open a step nobody can hold, leaving the case as it was', async () => {
    const c = await started({ approver: 'li', heads: ['h1'] }, org({ 'm.deputy': [], 'm.head': [] }));
    work(c, 'accept', 'li');
    const before = structuredClone(c.state);
    const refused = c.refuse({ type: 'task.complete', taskId: task(c, 'review').taskId, actor: { id: 'wang' } });
    expect(refused).toMatchObject({ code: 'NO_APPROVER', details: { element: 'decide', policy: 'refuse' } });
    expect(c.state).toEqual(before);
  });
});

describe('自动去重 skip a repeat approver', () => {
  it('passes the review when the one who accepted would review it again', async () => {
    const c = await started({ approver: 'wang', heads: ['h1'] });
    work(c, 'accept', 'wang');
    expect(c.events.filter((e) => e.type === 'task.completed').map((e) => e.auto ?? null)).toEqual([null, 'repeat']);
    // The leader chain starts from the last one who approved: wang's leaders.
    expect(task(c, 'decide')).toMatchObject({ assignee: 'qian', queue: ['boss'] });
  });
});

describe('separation of duties', () => {
  it('keeps the reviewer from deciding: no transfer to them, no claim or completion by them', async () => {
    const c = await started();
    work(c, 'accept', 'li');
    work(c, 'review', 'wang');
    const id = task(c, 'decide').taskId;
    const refused = c.refuse({ type: 'task.transfer', taskId: id, to: 'wang', reason: '请科长决定', actor: { id: 'qian' } });
    expect(refused).toMatchObject({ code: 'SEPARATION_OF_DUTIES', details: { element: 'decide', separateFrom: 'review', user: 'wang' } });
    expect(c.state.approvers).toEqual({ accept: 'li', review: 'wang' });
  });
});

describe('票签 vote share', () => {
  async function atVote(): Promise<TestCase> {
    const c = await started();
    for (const [el, who] of [['accept', 'li'], ['review', 'wang'], ['decide', 'qian'], ['decide', 'boss']] as const) work(c, el, who);
    return c;
  }

  it('passes once the yes weight reaches 2/3 of all the weight, withdrawing the votes still open', async () => {
    const c = await atVote();
    // h1 weighs 2 of 4: not yet 2/3.
    work(c, 'vote', 'h1', 'approve');
    expect(c.active()).toContain('vote');
    // h2 adds 1: 3 of 4 ≥ 2/3; h3's vote is withdrawn.
    work(c, 'vote', 'h2', 'approve');
    expect(c.types()).toContain('task.cancelled');
    expect(c.state.variables.voteResult).toBe('passed');
    expect(c.active()).toEqual(['issue']);
  });

  it('fails as soon as the yes weight can no longer reach the threshold', async () => {
    const c = await atVote();
    // h1 (2 of 4) refuses: at most 2 of 4 can still say yes, under 2/3.
    work(c, 'vote', 'h1', 'refuse');
    expect(c.state.variables.voteResult).toBe('failed');
    expect(c.active()).toEqual(['issue']);
  });
});

describe('timeout actions', () => {
  async function atIssue(edit?: (t: string) => string): Promise<TestCase> {
    const c = await started({ approver: 'li', heads: ['h1'] }, org(), edit);
    for (const [el, who, outcome] of [['accept', 'li'], ['review', 'wang'], ['decide', 'qian'], ['decide', 'boss'], ['vote', 'h1', 'approve']] as const) work(c, el, who, outcome);
    return c;
  }

  it('escalates a late step to the holder\'s leader after 2 working days, keeping its limit', async () => {
    const c = await atIssue();
    expect(task(c, 'issue')).toMatchObject({ assignee: 'zhao' });
    // Opened on Monday 2 March 2026: 2 working days end with Wednesday 4 March.
    expect(c.effects).toContainEqual(expect.objectContaining({ type: 'timer.schedule', elementId: 'issue', dueAt: '2026-03-05T00:00:00+08:00' }));
    c.now = '2026-03-05T00:00:00+08:00';
    c.fire('issue');
    expect(c.types()).toEqual(['timer.fired', 'task.timed-out', 'task.transferred']);
    expect(c.events[1]).toMatchObject({ action: 'escalate', to: 'wang' });
    // The engine's own reason carries a code the pages word (办理超时，自动转交上级领导), beside the log's token.
    expect(c.events[2]).toMatchObject({ from: 'zhao', to: 'wang', reason: 'timeout', whyCode: 'task.escalated-timeout' });
    expect(task(c, 'issue')).toMatchObject({ assignee: 'wang' });
  });

  it('passes a late step when it says pass, and only reminds when it says remind', async () => {
    const passed = await atIssue((t) => t.replace('approval:timeout="escalate"', 'approval:timeout="pass"'));
    passed.fire('issue');
    expect(passed.types()).toEqual(expect.arrayContaining(['task.timed-out', 'task.completed', 'case.completed']));
    expect(passed.state.status).toBe('completed');
    const reminded = await atIssue((t) => t.replace('approval:timeout="escalate"', 'approval:timeout="remind"'));
    reminded.fire('issue');
    expect(reminded.types()).toEqual(['timer.fired', 'task.timed-out']);
    expect(task(reminded, 'issue')).toMatchObject({ assignee: 'zhao' });
  });

  it('refuses unusable policy attributes at deploy, naming each', async () => {
    const bad = xml
      .replace('approval:votePass="2/3"', 'approval:votePass="3/2"')
      .replace('approval:timeout="escalate"', 'approval:timeout="later"')
      .replace('approval:emptyApprover="pass"', 'approval:emptyApprover="maybe"')
      .replace('approval:candidates="position:section-chief"', 'approval:candidates="boss:wang"');
    const loaded = await loadDefinition(Buffer.from(bad));
    expect(loaded.ok).toBe(false);
    const messages = loaded.ok ? [] : loaded.findings.map((f) => `${f.id} ${f.message}`);
    expect(messages.some((m) => m.startsWith('vote') && m.includes("votePass '3/2'"))).toBe(true);
    expect(messages.some((m) => m.startsWith('issue') && m.includes("approval:timeout is 'later'"))).toBe(true);
    expect(messages.some((m) => m.startsWith('review') && m.includes("emptyApprover is 'maybe'"))).toBe(true);
    expect(messages.some((m) => m.startsWith('review') && m.includes("kind 'boss' is unknown"))).toBe(true);
  });
});
