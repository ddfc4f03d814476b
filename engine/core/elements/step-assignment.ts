/**
 * Who holds a step when its task opens: the step's candidate rule resolved over the organisation, less
 * whoever separation of duties keeps out, then the step's policies: 自动去重 passes it when the previous
 * approver would approve it again, and the empty-approver policy passes it, hands it to the department's
 * admins or refuses the command when nobody is left, so that no case waits on a step nobody can hold.
 */
import type { ApprovalSpec } from '../model.js';
import { resolveCandidates, type OrgSnapshot } from '../organisation.js';
import { refuse } from '../refusal.js';
import type { Handover } from '../types.js';
import type { ElementContext } from './context.js';

/** The holders of an opening task, or the reason it passes without anyone working it. */
export type Assignment =
  | { candidates: string[]; assignee?: string; queue?: string[] }
  | { auto: 'empty' | 'repeat'; candidates: string[] };

const NOBODY: OrgSnapshot = { departments: {}, positions: {} };

/** The assignment of the task of instance `key`; undefined when the step declares no rule or policy on it. */
export function assignStep(run: ElementContext, key: string, approval: ApprovalSpec | undefined, department: string | undefined, prev: Handover | undefined): Assignment | undefined {
  if (!approval?.candidates) return undefined;
  const el = run.node(key).id;
  const org = run.org ?? NOBODY;
  const resolved = resolveCandidates(approval.candidates, org, { department, previous: prev?.by, variables: run.view(key) });
  // 回避: the reviewer of the case does not decide it (separation of duties).
  const kept = new Set((approval.separateFrom ?? []).map((e) => run.approverOf(e)).filter((u): u is string => u !== undefined));
  let users = resolved.users.filter((u) => !kept.has(u));
  const chain = resolved.chain?.filter((u) => !kept.has(u));
  if (approval.skipRepeatApprover && prev?.by !== undefined && (chain ?? users).includes(prev.by)) return { auto: 'repeat', candidates: users };
  if (chain?.length) return { candidates: [chain[0]!], assignee: chain[0]!, ...(chain.length > 1 ? { queue: chain.slice(1) } : {}) };
  if (users.length === 0) {
    const policy = approval.emptyApprover ?? 'refuse';
    if (policy === 'pass') return { auto: 'empty', candidates: [] };
    if (policy === 'admin' && department !== undefined) users = (org.departments[department]?.admins ?? []).filter((u) => !kept.has(u));
    if (users.length === 0) {
      refuse('NO_APPROVER', `Expected somebody to hold step '${el}' (${department ? `department '${department}'` : 'no department'}), but its candidate rule finds nobody${kept.size ? ` once ${[...kept].map((u) => `'${u}'`).join(', ')} stand aside` : ''} and its empty-approver policy is '${policy}'`, { element: el, policy });
    }
  }
  return users.length === 1 ? { candidates: users, assignee: users[0]! } : { candidates: users };
}
