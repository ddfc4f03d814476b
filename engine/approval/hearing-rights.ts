/** Who holds the right to a hearing (行政许可法 第47条) and whether everyone who holds it gave it up. */
import type { ApprovalState } from './state.js';

/** The applicant, the agent and the interested parties named in the notice, by id. */
export function hearingEntitled(s: ApprovalState): string[] {
  return [s.applicant.id, ...(s.agent ? [s.agent.id] : []), ...(s.hearing?.parties ?? [])];
}

/**
 * True when the applicant (or the agent for them) and every interested party waived the right: no request can
 * come any more, so the request clock is closed and the decision need not wait for it.
 */
export function hearingWaived(s: ApprovalState): boolean {
  const waived = new Set(s.hearing?.waivedBy ?? []);
  if (!s.hearing || waived.size === 0) return false;
  const applicantSide = waived.has(s.applicant.id) || (s.agent !== undefined && waived.has(s.agent.id));
  return applicantSide && s.hearing.parties.every((p) => waived.has(p));
}
