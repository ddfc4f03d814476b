/**
 * The applicant's notifications (站内消息) of one commit: every event that concerns the applicant becomes a
 * row for the applicant (and for the agent who applied for them), written in the commit's transaction so a
 * notification exists exactly when its step does. The names it quotes (item, materials) come from the case's
 * state after the commit; the text is rendered when read, in the reader's language
 * (`contracts/messages/notifications.ts`). The applicant's row also carries the mobile number for the SMS
 * channel (`sms-dispatcher.ts`).
 */
import type { Knex } from 'knex';
import type { ApprovalCaseState, ApprovalState } from '../../engine/approval/index.js';
import type { CaseEvent } from '../../engine/core/types.js';
import type { CaseWrite } from '../../engine/runtime/ports.js';
import { toUtc } from '../../engine/runtime/projection.js';
import type { NotificationKind, NotificationParams } from '../../contracts/messages/notifications.js';
import type { CaseProjection } from '../store/knex-case-store.js';
import { insert } from '../store/pg-case-batch.js';
import type { SqliteDatabase } from '../store/sqlite-driver.js';
import { perConnection } from '../store/sqlite-handle.js';

/** One row of `applicant_notifications` as the projection inserts it. */
export interface NoticeRow {
  key: string;
  recipient: string;
  case_no: string;
  kind: NotificationKind;
  params: string;
  created_at: string;
  sms_to: string | null;
  sms_state: 'pending' | null;
  sms_next_at: string | null;
}

/** A mobile number an SMS can go to: 11 digits starting with 1 (an optional +86 in front). */
export function mobileNumber(phone: string | undefined): string | undefined {
  const digits = phone?.replace(/[\s-]/g, '');
  return digits && /^(\+?86)?1[3-9][0-9]{9}$/.test(digits) ? digits.replace(/^\+?86/, '') : undefined;
}

type Event = CaseEvent & Record<string, any>;

/** The kind and parameters of `e`, or undefined when the event does not concern the applicant. */
export function noticeOf(e: Event, s: ApprovalState): { kind: NotificationKind; params: Omit<NotificationParams, 'caseNo' | 'itemName'> } | undefined {
  switch (e.type) {
    case 'correction.notified': {
      const names = new Map(s.requiredMaterials.map((m) => [m.material, m.name]));
      const items = (e.notice?.items ?? []) as Array<{ code: string; reason: string }>;
      return { kind: 'correction', params: { materials: items.map((i) => ({ name: names.get(i.code) ?? i.code, reason: i.reason })) } };
    }
    case 'case.accepted':
      return { kind: 'accepted', params: { acceptedOn: e.acceptance.acceptedOn, ...(s.deadlines?.promised ? { promisedDate: s.deadlines.promised.date } : {}) } };
    case 'case.rejected':
      return { kind: 'rejected', params: { reasons: (e.reasons as Array<{ reason: string }>).map((r) => r.reason).filter(Boolean) } };
    case 'special-procedure.started': {
      const entry = e.entry;
      return {
        kind: 'procedure-started',
        params: {
          procedure: entry.type, start: entry.start, paused: Boolean(entry.pauses?.statutory || entry.pauses?.promised),
          ...(entry.expectedDuration ? { duration: entry.expectedDuration } : {}), ...(entry.expectedEnd ? { expectedEnd: entry.expectedEnd } : {}),
        },
      };
    }
    case 'special-procedure.ended':
      return { kind: 'procedure-ended', params: { procedure: e.entry.type, end: e.entry.end ?? e.at.slice(0, 10) } };
    case 'extension.approved':
      return {
        kind: 'extension',
        params: { duration: e.granted.extension, ...(e.granted.reason ? { reason: e.granted.reason } : {}), ...(s.deadlines?.statutory ? { newDate: s.deadlines.statutory.date } : {}) },
      };
    case 'hearing.notified':
      return { kind: 'hearing', params: { ...(e.requestBy?.date ? { requestBy: e.requestBy.date } : {}) } };
    case 'case.decided':
      return { kind: 'decided', params: { outcome: e.decision.outcome, ...(e.delivery?.date ? { deliveryDate: e.delivery.date } : {}) } };
    case 'certificate.issued':
      return { kind: 'certificate', params: { certificateName: e.certificate.name, certificateNo: e.certificate.number } };
    case 'delivery.recorded': {
      const d = e.delivery;
      return { kind: 'delivered', params: { method: d.method, ...(d.carrier ? { carrier: d.carrier } : {}), ...(d.trackingNumber ? { trackingNumber: d.trackingNumber } : {}) } };
    }
    case 'evaluation.requested':
      // 好差评: 办结 invites the applicant to evaluate the concluded case once (see the evaluation handler).
      return s.evaluation ? undefined : { kind: 'evaluation', params: {} };
    default:
      return undefined;
  }
}

/** The notification rows of `w`: none for a commit of a case that is not an approval case. */
export function noticeRows(w: CaseWrite): NoticeRow[] {
  const s = (w.state as unknown as ApprovalCaseState | null)?.approval;
  if (!s) return [];
  const rows: NoticeRow[] = [];
  const sms = mobileNumber(s.applicant.phone);
  const recipients = [s.applicant.id, ...(s.agent && s.agent.id !== s.applicant.id ? [s.agent.id] : [])];
  for (const e of w.events as Event[]) {
    const notice = noticeOf(e, s);
    if (!notice) continue;
    const params = JSON.stringify({ caseNo: w.caseNo, itemName: s.item.name, ...notice.params });
    const at = toUtc(e.at);
    recipients.forEach((recipient, i) => {
      const text = i === 0 && sms !== undefined;
      rows.push({
        key: `${w.caseNo}|${e.seq}|${i === 0 ? 'applicant' : 'agent'}`, recipient, case_no: w.caseNo, kind: notice.kind, params, created_at: at,
        sms_to: text ? sms! : null, sms_state: text ? 'pending' : null, sms_next_at: text ? at : null,
      });
    });
  }
  return rows;
}

const COLUMNS = ['key', 'recipient', 'case_no', 'kind', 'params', 'created_at', 'sms_to', 'sms_state', 'sms_next_at'] as const;

/** Writes the notifications of one commit in its knex transaction. */
export async function projectApplicantNotices(trx: Knex.Transaction, w: CaseWrite): Promise<void> {
  const rows = noticeRows(w);
  if (rows.length) await trx('applicant_notifications').insert(rows).onConflict('key').ignore();
}

/** `projectApplicantNotices` as statements, for a PostgreSQL command sent in one round trip (server/store/pg-command.ts). */
export function applicantNoticeStatements(w: CaseWrite): string[] {
  const rows = noticeRows(w);
  return rows.length ? [insert('applicant_notifications', rows as unknown as Array<Record<string, string | null>>, ' ON CONFLICT (key) DO NOTHING')] : [];
}

/** The applicant's notifications as `KnexCaseStore` takes them: the knex form and the statements form. */
export const applicantNoticesProjection: CaseProjection = Object.assign((trx: Knex.Transaction, w: CaseWrite) => projectApplicantNotices(trx, w), {
  statements: applicantNoticeStatements,
});

const statements = perConnection((db: SqliteDatabase) => ({
  insert: db.prepare(`INSERT INTO applicant_notifications (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')}) ON CONFLICT (key) DO NOTHING`),
}));

/** `projectApplicantNotices` for the SQLite group commit, synchronously inside the command's savepoint. */
export function projectApplicantNoticesSync(db: SqliteDatabase, w: CaseWrite): void {
  const rows = noticeRows(w);
  if (rows.length === 0) return;
  const s = statements(db);
  for (const row of rows) s.insert.run(row);
}
