/**
 * The read model of approval cases, written in each commit's transaction: the applicant index and the
 * departments working on the case (the lead and the co-departments) from `case.applied`, one supervision
 * notice per `supervision.recorded`, and the certificate index from `certificate.issued`. Because the aggregate records a
 * violation once per key and the notice's key is unique, a violation becomes exactly one notice however
 * often the sweep runs.
 *
 * The rows come from one pure function (`approvalRows`) and are written in two forms: a knex projection for
 * `KnexCaseStore` (PostgreSQL), and a synchronous one on prepared statements that `SqliteCaseStore` runs inside
 * the command's savepoint, so an approval command joins the group commit like any other.
 */
import type { Knex } from 'knex';
import type { SupervisionRecord } from '../../engine/clocks/supervision.js';
import type { Agent, Applicant, Channel, ItemSnapshot } from '../../engine/approval/index.js';
import type { CaseWrite } from '../../engine/runtime/ports.js';
import { toUtc } from '../../engine/runtime/projection.js';
import type { CaseProjection } from '../store/knex-case-store.js';
import { insert } from '../store/pg-case-batch.js';
import type { SqliteDatabase } from '../store/sqlite-driver.js';
import { perConnection } from '../store/sqlite-handle.js';

/** The last four characters of an ID number, as the public progress query asks for them. */
export function idSuffixOf(idNumber: string | undefined): string | undefined {
  const trimmed = idNumber?.trim();
  return trimmed && trimmed.length >= 4 ? trimmed.slice(-4).toUpperCase() : undefined;
}

type Value = string | null;

/** The rows one commit adds to `approval_cases` and `supervision_notices`, column by column. */
export interface ApprovalRows {
  cases: Array<Record<(typeof CASE_COLUMNS)[number], Value>>;
  notices: Array<Record<(typeof NOTICE_COLUMNS)[number], Value>>;
  certificates: Array<Record<(typeof CERTIFICATE_COLUMNS)[number], Value>>;
  /** The departments working on the case from its application: the implementing body and the co-departments. */
  departments: Array<{ case_no: string; department: string }>;
}

const CASE_COLUMNS = ['case_no', 'item_code', 'department', 'applicant_id', 'applicant_name', 'agent_id', 'id_suffix', 'channel', 'received_at'] as const;
const NOTICE_COLUMNS = [
  'key', 'case_no', 'rule', 'step_id', 'warning_type', 'content', 'department', 'issued_on', 'response_due', 'response_due_at', 'created_at',
] as const;

const CERTIFICATE_COLUMNS = ['number', 'case_no', 'item_code', 'issued_at'] as const;

/** What the events of `w` project; empty for every commit that neither applies nor records supervision. */
export function approvalRows(w: CaseWrite): ApprovalRows {
  const rows: ApprovalRows = { cases: [], notices: [], certificates: [], departments: [] };
  for (const e of w.events) {
    if (e.type === 'case.applied') {
      const applicant = e.applicant as unknown as Applicant;
      const agent = e.agent as unknown as Agent | undefined;
      const item = e.item as unknown as ItemSnapshot;
      rows.cases.push({
        case_no: w.caseNo,
        item_code: item.code,
        department: item.department,
        applicant_id: applicant.id,
        applicant_name: applicant.name?.slice(0, 256) ?? null,
        agent_id: agent?.id ?? null,
        id_suffix: idSuffixOf(applicant.idNumber) ?? null,
        channel: e.channel as Channel,
        received_at: toUtc(e.at),
      });
      // A joint case's co-departments work on it from the start (server/queries/cases.ts), before their branch has a task.
      const departments = new Set([item.department, ...(item.joint?.coDepartments ?? []).map((c) => c.department)]);
      for (const department of departments) rows.departments.push({ case_no: w.caseNo, department });
    } else if (e.type === 'certificate.issued') {
      const c = e.certificate as { number: string; issuedAt: string };
      rows.certificates.push({ number: c.number, case_no: w.caseNo, item_code: itemCodeOf(w), issued_at: toUtc(c.issuedAt) });
    } else if (e.type === 'supervision.recorded') {
      const r = e.record as unknown as SupervisionRecord;
      rows.notices.push({
        key: r.key,
        case_no: w.caseNo,
        rule: r.rule,
        step_id: r.stepId ?? null,
        warning_type: r.warningType,
        content: r.content,
        department: r.department,
        issued_on: r.issuedOn,
        response_due: r.responseDue,
        response_due_at: toUtc(r.responseDueAt),
        created_at: toUtc(e.at),
      });
    }
  }
  return rows;
}

/** The item code of the case `w` writes, from its state. */
function itemCodeOf(w: CaseWrite): string {
  const state = w.state as { approval?: { item?: { code?: string } } } | null;
  return state?.approval?.item?.code ?? '';
}

/** Writes the applicant index and the supervision notices of one commit in its knex transaction. */
export async function projectApprovalCase(trx: Knex.Transaction, w: CaseWrite): Promise<void> {
  const rows = approvalRows(w);
  for (const row of rows.cases) await trx('approval_cases').insert(row);
  for (const row of rows.departments) await trx('approval_case_departments').insert(row);
  for (const row of rows.notices) await trx('supervision_notices').insert(row).onConflict('key').ignore();
  for (const row of rows.certificates) await trx('certificates').insert(row);
}

/** `projectApprovalCase` as statements, for a PostgreSQL command sent in one round trip (server/store/pg-command.ts). */
export function approvalStatements(w: CaseWrite): string[] {
  const rows = approvalRows(w);
  return [
    ...(rows.cases.length ? [insert('approval_cases', rows.cases)] : []),
    ...(rows.departments.length ? [insert('approval_case_departments', rows.departments)] : []),
    ...(rows.notices.length ? [insert('supervision_notices', rows.notices, ' ON CONFLICT (key) DO NOTHING')] : []),
    ...(rows.certificates.length ? [insert('certificates', rows.certificates)] : []),
  ];
}

/** The approval read model as `KnexCaseStore` takes it: the knex form and the statements form. */
export const approvalProjection: CaseProjection = Object.assign((trx: Knex.Transaction, w: CaseWrite) => projectApprovalCase(trx, w), {
  statements: approvalStatements,
});

const named = (columns: readonly string[]) => `(${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;

const statements = perConnection((db: SqliteDatabase) => ({
  insertCase: db.prepare(`INSERT INTO approval_cases ${named(CASE_COLUMNS)}`),
  insertNotice: db.prepare(`INSERT INTO supervision_notices ${named(NOTICE_COLUMNS)} ON CONFLICT (key) DO NOTHING`),
  insertCertificate: db.prepare(`INSERT INTO certificates ${named(CERTIFICATE_COLUMNS)}`),
  insertDepartment: db.prepare(`INSERT INTO approval_case_departments ${named(['case_no', 'department'])}`),
}));

/**
 * `projectApprovalCase` for the SQLite group commit: the same rows, written synchronously on `db` inside the
 * savepoint of the command (a failure rolls back that command alone).
 */
export function projectApprovalCaseSync(db: SqliteDatabase, w: CaseWrite): void {
  const rows = approvalRows(w);
  if (rows.cases.length === 0 && rows.notices.length === 0 && rows.certificates.length === 0) return;
  const s = statements(db);
  for (const row of rows.cases) s.insertCase.run(row);
  for (const row of rows.departments) s.insertDepartment.run(row);
  for (const row of rows.notices) s.insertNotice.run(row);
  for (const row of rows.certificates) s.insertCertificate.run(row);
}
