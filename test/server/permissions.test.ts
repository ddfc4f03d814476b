/** The permission policy as a pure function: tables of users, actions and resources. */
import { describe, expect, it } from 'vitest';
import { can, PERMISSION_RULES, type Resource } from '../../server/identity/permissions.js';
import type { AuthUser } from '../../server/identity/roles.js';

const user = (id: string, roles: AuthUser['roles'], department?: string, groups: string[] = []): AuthUser => ({ id, name: id, roles, groups, ...(department ? { department } : {}) });

const reform = user('admin', ['reform-office-admin']);
const marketAdmin = user('market-admin', ['department-admin'], 'market');
const marketStaff = user('li', ['department-staff'], 'market', ['reviewer']);
const otherStaff = user('wang', ['department-staff'], 'health');
const applicant = user('zhang', ['applicant']);
const auditor = user('audit', ['auditor']);

const marketTask: Resource = { kind: 'task', department: 'market', candidateGroups: [] };

describe('permission policy', () => {
  it.each([
    [marketStaff, true],
    [marketAdmin, true],
    [otherStaff, false],
    [applicant, false],
    [auditor, false],
    [reform, false],
  ])("lets only the task department's members complete an unassigned task (%s)", (who, allowed) => {
    expect(can(who, 'task.complete', marketTask).allowed).toBe(allowed);
  });

  it('refuses completing a task assigned to someone else, whatever the role', () => {
    const decision = can(marketStaff, 'task.complete', { ...marketTask, assignee: 'someone-else' } as Resource);
    expect(decision).toEqual({ allowed: false, reason: "The task is assigned to 'someone-else', not to 'li'" });
    expect(can(marketStaff, 'task.complete', { ...marketTask, assignee: 'li' } as Resource).allowed).toBe(true);
  });

  it('refuses claiming a task in another user\'s name', () => {
    const decision = can(marketStaff, 'task.claim', { ...marketTask, onBehalfOf: 'wang' } as Resource);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain("another's name");
  });

  it("scopes a step's candidate groups to its department: a health reviewer is not a market reviewer", () => {
    const healthReviewer = user('zhao', ['department-staff'], 'health', ['reviewer']);
    // No department on the step: the definition's owner (market) owns it.
    const grouped: Resource = { kind: 'task', taskId: 'C-1:e1', elementId: 'review', owner: 'market', candidateGroups: ['reviewer'] };
    expect(can(marketStaff, 'task.read', grouped).allowed).toBe(true);
    expect(can(marketStaff, 'task.complete', grouped).allowed).toBe(true);
    expect(can(healthReviewer, 'task.read', grouped).allowed).toBe(false);
    expect(can(healthReviewer, 'task.complete', grouped)).toMatchObject({ allowed: false, code: 'STEP_DEPARTMENT_MISMATCH' });
    // Neither owner nor department: nobody's step, nobody works it.
    expect(can(marketStaff, 'task.read', { kind: 'task', candidateGroups: ['reviewer'] }).allowed).toBe(false);
  });

  it("checks the step's role at claim and at completion, naming the task and element", () => {
    const decide: Resource = { kind: 'task', taskId: 'C-1:e4', elementId: 'decide', department: 'market', role: 'deputy-director', candidateGroups: [] };
    const windowClerk = user('sun', ['department-staff'], 'market', ['window-clerk']);
    const deputy = user('qian', ['department-staff'], 'market', ['deputy-director']);
    for (const action of ['task.claim', 'task.complete'] as const) {
      expect(can(windowClerk, action, decide)).toEqual({
        allowed: false, code: 'STEP_ROLE_MISSING',
        reason: "Task 'C-1:e4' (element 'decide') needs 'deputy-director' of 'market', but 'sun' holds 'window-clerk'",
        details: { taskId: 'C-1:e4', elementId: 'decide', department: 'market', needs: ['deputy-director'] },
      });
      expect(can(deputy, action, decide).allowed).toBe(true);
      // Claimed by the clerk (before the role was checked) does not make it theirs to complete.
      expect(can(windowClerk, action, { ...decide, assignee: 'sun' } as Resource)).toMatchObject({ allowed: false, code: 'STEP_ROLE_MISSING' });
    }
    // The reform office supervises every step and works none.
    expect(can(reform, 'task.read', decide).allowed).toBe(true);
    expect(can(reform, 'task.complete', decide)).toMatchObject({ allowed: false, code: 'STEP_SUPERVISOR_ONLY' });
  });

  it('lets an applicant read only their own cases', () => {
    expect(can(applicant, 'case.read', { kind: 'case', departments: ['market'], applicant: 'zhang' }).allowed).toBe(true);
    expect(can(applicant, 'case.read', { kind: 'case', departments: ['market'], applicant: 'someone' }).allowed).toBe(false);
    expect(can(applicant, 'case.read', { kind: 'case', departments: ['market'] }).allowed).toBe(false);
  });

  it("lets a department read the cases it works on, and not another department's", () => {
    expect(can(marketStaff, 'case.read', { kind: 'case', departments: ['health', 'market'] }).allowed).toBe(true);
    expect(can(otherStaff, 'case.read', { kind: 'case', departments: ['market'] }).allowed).toBe(false);
  });

  it('lets the implementing department admin or the reform office deploy, nobody else', () => {
    const def: Resource = { kind: 'definition', department: 'market' };
    expect([reform, marketAdmin, marketStaff, otherStaff, applicant, auditor].map((u) => can(u, 'definition.deploy', def).allowed)).toEqual([true, true, false, false, false, false]);
    expect(can(marketAdmin, 'definition.deploy', { kind: 'definition', department: 'health' }).allowed).toBe(false);
  });

  it('lets a department admin create only staff and admins of their own department', () => {
    expect(can(marketAdmin, 'user.create', { kind: 'user', department: 'market', roles: ['department-staff'] }).allowed).toBe(true);
    expect(can(marketAdmin, 'user.create', { kind: 'user', department: 'market', roles: ['reform-office-admin'] }).allowed).toBe(false);
    expect(can(marketAdmin, 'user.create', { kind: 'user', department: 'health', roles: ['department-staff'] }).allowed).toBe(false);
  });

  it('explains a refusal with the user, roles, action and resource', () => {
    expect(can(otherStaff, 'task.complete', marketTask).reason).toBe("No rule lets 'wang' (department-staff of 'health') do task.complete on a task of department 'market'");
  });

  it('grants nothing to a user without roles', () => {
    const nobody = user('x', []);
    const actions = [...new Set(PERMISSION_RULES.map((r) => r.action))];
    expect(actions.filter((a) => can(nobody, a, { kind: 'system' }).allowed)).toEqual([]);
  });

  it('gives every rule a reason in the words of the domain', () => {
    for (const rule of PERMISSION_RULES) expect(rule.why.length, `${rule.action}/${rule.role}`).toBeGreaterThan(10);
  });
});
