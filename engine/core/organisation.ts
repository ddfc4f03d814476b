/**
 * The organisation as the engine sees it: a snapshot, plain data handed in with the command (`ctx.org`), and
 * the candidate rules of a step resolved over it when the step's task is created. Pure: the runtime loads
 * the snapshot before the command; nothing here reads a database or a clock.
 *
 * A step names who may hold it by a rule (`approval:candidates`): a position in the step's department, named
 * users, the applicant's chosen approver (发起人自选), the leader chain of the previous approver (逐级审批), or
 * a rule table's answer kept in a variable. The rule is resolved once, at task creation, so a task's holders
 * do not change under it when the organisation changes (a transfer moves it on).
 */

/** The positions of a department, lowest first: 科员, 科长, 分管领导, 负责人. */
export const POSITION_KINDS = ['clerk', 'section-chief', 'deputy-head', 'head'] as const;

/** A kind of position (职务). */
export type PositionKind = (typeof POSITION_KINDS)[number];

/** True when `value` names a position kind. */
export function isPositionKind(value: unknown): value is PositionKind {
  return typeof value === 'string' && (POSITION_KINDS as readonly string[]).includes(value);
}

/** A position in the snapshot. */
export interface OrgPosition {
  department: string;
  kind: PositionKind;
  /** The position this one reports to: the next link of the leader chain. */
  leader?: string;
  /** Users holding the position, sorted; disabled accounts are left out by the loader. */
  holders: string[];
}

/** A department in the snapshot. */
export interface OrgDepartment {
  region: string;
  /** Enabled department administrators: who takes a step no position holder can (empty-approver policy). */
  admins: string[];
}

/** What the engine knows of the organisation during one command. */
export interface OrgSnapshot {
  departments: Readonly<Record<string, OrgDepartment>>;
  positions: Readonly<Record<string, OrgPosition>>;
}

/** Who may hold a step (`approval:candidates`). */
export type CandidateRule =
  /** The holders of a position in the step's department: a kind (科长 …) or a position id. */
  | { kind: 'position'; position: string }
  /** Named users. */
  | { kind: 'user'; users: string[] }
  /** 发起人自选: the user id(s) the applicant chose, in a case variable. */
  | { kind: 'applicant-chosen'; variable: string }
  /** 逐级审批: the previous approver's leaders, `levels` links up, or up to (and including) a position kind. */
  | { kind: 'leader-chain'; levels?: number; upTo?: PositionKind }
  /** A rule table's answer: the user id(s) or a position a business rule task set in a variable. */
  | { kind: 'rule'; variable: string };

/** What a rule is resolved against. */
export interface CandidateContext {
  /** The department owning the step. */
  department?: string;
  /** Who completed the step before this one (for the leader chain). */
  previous?: string;
  /** The variables visible at the step. */
  variables: Readonly<Record<string, unknown>>;
}

/**
 * The resolved holders of a step. `chain` is set for a leader chain: the leaders in order, each signing in
 * turn (the first holds the task, the others queue after them).
 */
export interface Candidates {
  users: string[];
  chain?: string[];
}

/** The candidate rule spelled in `approval:candidates`, or the reason it cannot be read. */
export function parseCandidateRule(text: string): CandidateRule | string {
  const match = /^\s*([a-z-]+)\s*:\s*(.*?)\s*$/.exec(text);
  if (!match) return `approval:candidates '${text}' must be '<kind>:<value>', e.g. 'position:section-chief', 'user:li.wei', 'applicant-chosen:approver', 'leader-chain:2', 'rule:approver'`;
  const [, kind, value] = match as unknown as [string, string, string];
  if (value === '') return `approval:candidates '${text}' names no ${kind}`;
  switch (kind) {
    case 'position':
      return { kind, position: value };
    case 'user': {
      const users = value.split(',').map((u) => u.trim()).filter((u) => u !== '');
      return { kind, users: [...new Set(users)] };
    }
    case 'applicant-chosen':
    case 'rule':
      return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? { kind, variable: value } : `approval:candidates '${text}': '${value}' is not a variable name`;
    case 'leader-chain': {
      if (/^[1-9]$/.test(value)) return { kind, levels: Number(value) };
      if (isPositionKind(value)) return { kind, upTo: value };
      return `approval:candidates '${text}': the leader chain goes up 1 to 9 levels or up to a position (${POSITION_KINDS.join(', ')})`;
    }
    default:
      return `approval:candidates kind '${kind}' is unknown; use position, user, applicant-chosen, leader-chain or rule`;
  }
}

/** The text of a rule, as `approval:candidates` spells it. */
export function candidateRuleText(rule: CandidateRule): string {
  switch (rule.kind) {
    case 'position':
      return `position:${rule.position}`;
    case 'user':
      return `user:${rule.users.join(',')}`;
    case 'applicant-chosen':
    case 'rule':
      return `${rule.kind}:${rule.variable}`;
    case 'leader-chain':
      return `leader-chain:${rule.levels ?? rule.upTo}`;
  }
}

/** The holders of a position of `department`: by id, or every position of that kind there. */
export function positionHolders(org: OrgSnapshot, department: string | undefined, position: string): string[] {
  const byId = org.positions[position];
  if (byId) return [...byId.holders];
  if (department === undefined) return [];
  const held = Object.values(org.positions).filter((p) => p.department === department && p.kind === position).flatMap((p) => p.holders);
  return [...new Set(held)].sort();
}

/** The positions `user` holds, by id, in id order. */
export function positionsOf(org: OrgSnapshot, user: string): string[] {
  return Object.keys(org.positions).filter((id) => org.positions[id]!.holders.includes(user)).sort();
}

/**
 * The leader chain above `user`: one leader per level, following the `leader` link of the user's first
 * position (in id order). A level whose position nobody holds is passed over, upwards; a loop stops it.
 */
export function leaderChain(org: OrgSnapshot, user: string, rule: { levels?: number; upTo?: PositionKind }): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let at = positionsOf(org, user)[0];
  let levels = 0;
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    const up = org.positions[at]!.leader;
    const position = up === undefined ? undefined : org.positions[up];
    if (up === undefined || position === undefined) break;
    levels += 1;
    const leader = position.holders.find((h) => h !== user && !chain.includes(h));
    if (leader !== undefined) chain.push(leader);
    if (rule.levels !== undefined && levels >= rule.levels) break;
    if (rule.upTo !== undefined && position.kind === rule.upTo) break;
    at = up;
  }
  return chain;
}

function idsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()))];
}

/**
 * Resolves a rule to the users who may hold the step, empty when nobody can (the step's empty-approver
 * policy decides then). A rule table's answer may name a position instead of users.
 */
export function resolveCandidates(rule: CandidateRule, org: OrgSnapshot, ctx: CandidateContext): Candidates {
  switch (rule.kind) {
    case 'position':
      return { users: positionHolders(org, ctx.department, rule.position) };
    case 'user':
      return { users: [...rule.users] };
    case 'applicant-chosen':
      return { users: idsOf(ctx.variables[rule.variable]) };
    case 'rule': {
      const answer = idsOf(ctx.variables[rule.variable]);
      const positions = answer.filter((a) => org.positions[a] !== undefined || (ctx.department !== undefined && (POSITION_KINDS as readonly string[]).includes(a)));
      const users = answer.filter((a) => !positions.includes(a));
      return { users: [...new Set([...users, ...positions.flatMap((p) => positionHolders(org, ctx.department, p))])] };
    }
    case 'leader-chain': {
      const chain = ctx.previous === undefined ? [] : leaderChain(org, ctx.previous, rule);
      return chain.length ? { users: [chain[0]!], chain } : { users: [] };
    }
  }
}
