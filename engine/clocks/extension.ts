/**
 * The extension of a limit (延长审批, GB/T 39046 A.7 kind 1; 行政许可法 第42条): once, capped, approved by the
 * right role, with the reason told to the applicant, and only before the limit has run out. The cap is 10 days
 * approved by the agency head (第42条第1款), 15 days approved by the same-level government head for joint
 * handling (第42条第2款), or what the item's own law says.
 */
import { ARTICLES } from './articles.js';
import { hasExpired } from './deadline.js';
import { refused, type Deadline, type Decision, type Limit } from './types.js';

/** How far and by whom a limit may be extended. */
export interface ExtensionPolicy {
  readonly cap: Limit;
  /** The role the approver must hold. */
  readonly approverRole: string;
  readonly article: string;
}

/** 10 working days, approved by the head of the agency (行政许可法 第42条第1款). */
export const DEFAULT_EXTENSION_POLICY: ExtensionPolicy = {
  cap: { value: 10, unit: 'WD' },
  approverRole: 'agency-head',
  article: ARTICLES.decision,
};

/** 15 working days for joint handling, approved by the head of the same-level government (第42条第2款). */
export const JOINT_EXTENSION_POLICY: ExtensionPolicy = {
  cap: { value: 15, unit: 'WD' },
  approverRole: 'government-head',
  article: ARTICLES.joint,
};

/** An item's own extension rule, as in the catalogue (`statutoryLimit.extension`). */
export interface ItemExtensionRule {
  readonly value: number;
  readonly unit: Limit['unit'];
  readonly approverRole?: string;
  readonly article?: string;
}

/** The policy for an item: its own law when it has one, else the joint or the default rule. */
export function extensionPolicyFor(item: { extension?: ItemExtensionRule; joint?: boolean } = {}): ExtensionPolicy {
  const base = item.joint ? JOINT_EXTENSION_POLICY : DEFAULT_EXTENSION_POLICY;
  if (!item.extension) return base;
  return {
    cap: { value: item.extension.value, unit: item.extension.unit },
    approverRole: item.extension.approverRole ?? base.approverRole,
    article: item.extension.article ?? "the item's own law",
  };
}

/** A request to extend. */
export interface ExtensionRequest {
  readonly requested: Limit;
  readonly approver: { readonly id: string; readonly roles: readonly string[] };
  /** The reason told to the applicant (第42条: "并应当将延长期限的理由告知申请人"). */
  readonly reason: string;
  /** When it is approved: a date or an instant. */
  readonly at: string;
}

/** A granted extension, to be recorded and passed to the clock as `extension`. */
export interface GrantedExtension {
  readonly extension: Limit;
  readonly approvedBy: string;
  readonly reason: string;
  readonly at: string;
  readonly article: string;
  /** GB/T 39046 A.7 special procedure kind. */
  readonly gbKind: '1';
  /** Granted after the limit ran out, under the `record-violation` policy: a supervised violation. */
  readonly late?: boolean;
}

/**
 * Decides an extension of the clock whose current `deadline` is given, in `zone`. Refused when one was already
 * granted, the amount exceeds the cap or is in another unit, the approver lacks the role, the reason is blank,
 * or the limit has already run out (unless `late` is `record-violation`: then it is granted, marked late).
 */
export function decideExtension(
  request: ExtensionRequest,
  context: {
    deadline: Deadline;
    previous: readonly GrantedExtension[];
    policy?: ExtensionPolicy;
    zone: string;
    /** After the limit ran out: refuse (default), or grant it marked `late` for supervision to record. */
    late?: 'refuse' | 'record-violation';
  },
): Decision<{ granted: GrantedExtension }> {
  const policy = context.policy ?? DEFAULT_EXTENSION_POLICY;
  const { requested } = request;
  if (context.previous.length > 0) {
    return refused('extension.already-granted', `Expected no earlier extension (${policy.article}: once), but one was granted ${context.previous[0]!.at}`);
  }
  if (requested.unit !== policy.cap.unit || requested.unit !== context.deadline.unit) {
    return refused('extension.unit', `Expected the extension in ${policy.cap.unit}, the limit's unit, but it was in ${requested.unit}`);
  }
  if (!Number.isInteger(requested.value) || requested.value <= 0 || requested.value > policy.cap.value) {
    return refused(
      'extension.over-cap',
      `Expected an extension of 1 to ${policy.cap.value} ${policy.cap.unit} (${policy.article}), but it was ${requested.value}`,
    );
  }
  if (!request.approver.roles.includes(policy.approverRole)) {
    return refused('extension.approver-role', `Expected the approver to hold role '${policy.approverRole}', but ${request.approver.id} does not`);
  }
  if (request.reason.trim() === '') {
    return refused('extension.reason-required', 'Expected a reason to tell the applicant, but it was blank');
  }
  const late = hasExpired(context.deadline, request.at, context.zone);
  if (late && context.late !== 'record-violation') {
    return refused(
      'extension.limit-expired',
      `Expected the extension before the limit ran out at ${context.deadline.instant}, but it was requested ${request.at}`,
    );
  }
  return {
    ok: true,
    granted: {
      extension: requested,
      approvedBy: request.approver.id,
      reason: request.reason,
      at: request.at,
      article: policy.article,
      gbKind: '1',
      ...(late ? { late: true } : {}),
    },
  };
}
