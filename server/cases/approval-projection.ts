/**
 * The read model of approval cases, written in each commit's transaction (a `CaseProjection`): the
 * applicant index from `case.applied`, and one supervision notice per `supervision.recorded`. Because the
 * aggregate records a violation once per key and the notice's key is unique, a violation becomes exactly one
 * notice however often the sweep runs.
 */
import type { Knex } from 'knex';
import type { SupervisionRecord } from '../../engine/clocks/supervision.js';
import type { Agent, Applicant, Channel, ItemSnapshot } from '../../engine/approval/index.js';
import type { CaseWrite } from '../../engine/runtime/ports.js';
import { toUtc } from '../../engine/runtime/projection.js';

/** The last four characters of an ID number, as the public progress query asks for them. */
export function idSuffixOf(idNumber: string | undefined): string | undefined {
  const trimmed = idNumber?.trim();
  return trimmed && trimmed.length >= 4 ? trimmed.slice(-4).toUpperCase() : undefined;
}

/** Writes the applicant index and the supervision notices of one commit. */
export async function projectApprovalCase(trx: Knex.Transaction, w: CaseWrite): Promise<void> {
  for (const e of w.events) {
    if (e.type === 'case.applied') {
      const applicant = e.applicant as unknown as Applicant;
      const agent = e.agent as unknown as Agent | undefined;
      const item = e.item as unknown as ItemSnapshot;
      await trx('approval_cases').insert({
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
    } else if (e.type === 'supervision.recorded') {
      const r = e.record as unknown as SupervisionRecord;
      await trx('supervision_notices').insert({
        key: r.key,
        case_no: w.caseNo,
        rule: r.rule,
        step_id: r.stepId ?? null,
        warning_type: r.warningType,
        content: r.content,
        department: r.department,
        issued_on: r.issuedOn,
        response_due: r.responseDue,
        response_due_at: toUtc(r.responseDueInstant),
        created_at: toUtc(e.at),
      }).onConflict('key').ignore();
    }
  }
}
