/**
 * The audit entry of the command a request is running, carried to the store that commits it.
 *
 * A route says what it is about to do — `audited({ actorId, action, … }, () => service.accept(…))` — and the
 * case store that commits the command's write (`KnexCaseStore`, the SQLite group commit) claims the entry
 * and writes it in that same transaction. So an entry exists exactly when its command committed: a command
 * refused (no write) or lost (a conflict, a crash before COMMIT) leaves no entry, and a committed one always
 * has one. Passing the entry through async context rather than through every service signature keeps the
 * engine and the services unaware of auditing.
 *
 * Only the first committed write of the scope takes the entry (an application accepted at submission
 * commits twice; the second is the system's own step). `caseNo` restricts the claim to one case's write.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditInput } from './audit-chain.js';

/** What a route records for the command it runs; `target` defaults to the committed case's number. */
export interface AuditIntent extends Omit<AuditInput, 'target'> {
  target?: string;
  /** Only a write of this case takes the entry. */
  caseNo?: string;
}

interface Scope {
  intent: AuditIntent;
  state: 'open' | 'claimed' | 'written';
}

/** An entry taken by a commit: `settled(true)` once that commit is durable, `settled(false)` if it failed. */
export interface ClaimedAudit {
  input: AuditInput;
  settled(committed: boolean): void;
}

const scopes = new AsyncLocalStorage<Scope>();

/** Runs `work` with `intent` as the audit entry of the command it commits. */
export function audited<T>(intent: AuditIntent, work: () => Promise<T>): Promise<T> {
  return scopes.run({ intent, state: 'open' }, work);
}

/** Whether the entry of the current scope was written (false outside a scope). */
export function auditWritten(): boolean {
  return scopes.getStore()?.state === 'written';
}

/** For a store about to commit a write of `caseNo`: the entry to write with it, if this scope has one open. */
export function claimAudit(caseNo: string): ClaimedAudit | undefined {
  const scope = scopes.getStore();
  if (!scope || scope.state !== 'open') return undefined;
  if (scope.intent.caseNo !== undefined && scope.intent.caseNo !== caseNo) return undefined;
  scope.state = 'claimed';
  const { caseNo: _only, target, ...rest } = scope.intent;
  return {
    input: { ...rest, target: target ?? caseNo },
    settled(committed) {
      scope.state = committed ? 'written' : 'open';
    },
  };
}
