/**
 * Hearings on request (行政许可法 第47条, 第48条). The agency tells the applicant and the interested parties of
 * their right to a hearing; a request within 5 working days of that notice starts the HEARING special
 * procedure, so the hearing's time is not counted toward the limit (第45条); the time and place are notified
 * 7 working days before the hearing, which is held within 20 working days of the request; holding it ends the
 * special procedure. The clocks are in `engine/clocks/hearing.ts`.
 */
import { decideHearingRequest, decideHearingSchedule, earliestHearingDay, HEARING_HOLD_LIMIT, hearingHoldDeadline, hearingRequestDeadline } from '../../clocks/hearing.js';
import { isIsoDate } from '../../calendar/dates.js';
import type { LifecycleCommand } from '../commands.js';
import type { Decider } from '../decider.js';
import { clockCode, refuse } from '../refusal.js';
import type { HearingRecord } from '../state.js';
import { hearingEntitled, hearingWaived } from '../hearing-rights.js';
import { endProcedure, startProcedure } from './handling.js';

type Of<T extends LifecycleCommand['type']> = Extract<LifecycleCommand, { type: T }>;

/** The id of a case's hearing in its suspension ledger. */
export const HEARING_PROCEDURE_ID = 'hearing';

function hearingOf(d: Decider): HearingRecord {
  const hearing = d.approval.hearing;
  if (!hearing) refuse('HEARING_NOT_NOTIFIED', 'Expected the parties to have been told of their right to a hearing, but they were not');
  return hearing;
}

/** 告知听证权利 (第47条): before the decision, once per case, for an item that may hold hearings. */
export function notifyHearing(d: Decider, cmd: Of<'hearing.notify'>): void {
  d.expectPhase(cmd.type, 'handling');
  const s = d.approval;
  if (!s.item.specialProcedures.includes('HEARING')) {
    refuse('SPECIAL_PROCEDURE_NOT_ALLOWED', `Expected an item that may hold hearings, but ${s.item.code} runs ${s.item.specialProcedures.join(', ') || 'none'}`);
  }
  if (s.decision) refuse('DECISION_ALREADY_MADE', `Expected the notice of the right to a hearing before the decision, but it was decided on ${s.decision.decidedOn}`);
  if (s.hearing) refuse('HEARING_ALREADY_NOTIFIED', `Expected one notice of the right to a hearing, but it was given on ${s.hearing.notifiedOn}`);
  if (!cmd.reason.trim() || !cmd.basis.trim()) refuse('REASONS_REQUIRED', 'Expected the reason and legal basis of the hearing notice, but one was blank');
  const requestBy = hearingRequestDeadline(d.ctx.calendar, d.ctx.now, s.item.hearingLimits?.request);
  d.emit('hearing.notified', { reason: cmd.reason, basis: cmd.basis, parties: cmd.parties ?? [], requestBy }, {
    why: `${cmd.reason}; a hearing may be requested by ${requestBy.date} (${requestBy.basis.article})`,
    whyCode: 'hearing.notified', whyParams: { reason: cmd.reason, date: requestBy.date, article: requestBy.basis.article },
  });
}

/** The request (第47条): by the applicant, the agent or a party told of the right, within the window. */
export function requestHearing(d: Decider, cmd: Of<'hearing.request'>): void {
  d.expectPhase(cmd.type, 'handling');
  const s = d.approval;
  const hearing = hearingOf(d);
  if (!hearingEntitled(s).includes(cmd.actor.id)) {
    refuse('HEARING_NOT_A_PARTY', `Expected the applicant, the agent or a party told of the right to request the hearing, but '${cmd.actor.id}' is none`);
  }
  if (hearing.requestedAt) refuse('HEARING_ALREADY_REQUESTED', `Expected one hearing request, but '${hearing.requestedBy}' requested it at ${hearing.requestedAt}`);
  if (hearing.waivedBy?.includes(cmd.actor.id)) refuse('HEARING_WAIVED', `Expected a request from a party that kept its right, but '${cmd.actor.id}' waived it`);
  if (s.decision) refuse('DECISION_ALREADY_MADE', `Expected the hearing request before the decision, but it was decided on ${s.decision.decidedOn}`);
  const decided = decideHearingRequest(hearing.requestBy, d.ctx.now, d.ctx.calendar.zone);
  if (!decided.ok) refuse(clockCode(decided.code), decided.message, { by: hearing.requestBy.date });
  const hold = s.item.hearingLimits?.hold ?? HEARING_HOLD_LIMIT;
  const holdBy = hearingHoldDeadline(d.ctx.calendar, d.ctx.now, hold);
  d.emit('hearing.requested', { holdBy, procedureId: HEARING_PROCEDURE_ID }, {
    why: `hearing to be held by ${holdBy.date} (${holdBy.basis.article})`, whyCode: 'hearing.hold-by', whyParams: { date: holdBy.date, article: holdBy.basis.article },
  });
  // 第45条: the hearing's time is not counted; the applicant is told it takes up to the hold limit.
  startProcedure(d, {
    type: 'special-procedure.start', id: HEARING_PROCEDURE_ID, procedure: 'HEARING', actor: cmd.actor,
    reason: `hearing requested by ${cmd.actor.name ?? cmd.actor.id}`, basis: `${hearing.basis}; 行政许可法第45条、第47条`, expectedDuration: hold,
  }, { whyCode: 'hearing.requested-by', whyParams: { by: cmd.actor.name ?? cmd.actor.id } });
}

/** 听证通知 (第48条): the time and place, given today, for a day within the hold limit and 7 working days ahead. */
export function scheduleHearing(d: Decider, cmd: Of<'hearing.schedule'>): void {
  d.expectPhase(cmd.type, 'handling');
  const s = d.approval;
  const hearing = hearingOf(d);
  if (!hearing.requestedAt || !hearing.holdBy) refuse('HEARING_NOT_REQUESTED', 'Expected a hearing request before notifying its time and place, but there is none');
  if (hearing.heldOn) refuse('HEARING_ALREADY_HELD', `Expected the hearing still to be held, but it was held on ${hearing.heldOn}`);
  if (hearing.endedOn) refuse('HEARING_ALREADY_ENDED', `Expected an open hearing, but it ended on ${hearing.endedOn}`);
  if (!isIsoDate(cmd.day)) refuse('INVALID_COMMAND', `Expected the hearing day as YYYY-MM-DD, but got '${cmd.day}'`);
  if (!cmd.place.trim()) refuse('HEARING_PLACE_REQUIRED', 'Expected the place of the hearing, but it was blank');
  const decided = decideHearingSchedule(d.ctx.calendar, {
    noticeDay: d.today, hearingDay: cmd.day, holdBy: hearing.holdBy, ...(s.item.hearingLimits?.noticeLead ? { lead: s.item.hearingLimits.noticeLead } : {}),
  });
  // The refusal names the limit broken: the earliest lawful day (第48条) and the last one (第47条).
  if (!decided.ok) refuse(clockCode(decided.code), decided.message, { earliest: earliestHearingDay(d.ctx.calendar, d.today, s.item.hearingLimits?.noticeLead), holdBy: hearing.holdBy.date });
  const rescheduled = hearing.notices.at(-1);
  d.emit('hearing.scheduled', { day: cmd.day, ...(cmd.time ? { time: cmd.time } : {}), place: cmd.place, noticeOn: d.today }, {
    why: `${rescheduled ? `moved from ${rescheduled.day}; ` : ''}notified ${d.today}, at least 7 working days before (行政许可法第48条第1款第1项)`,
    whyCode: 'hearing.scheduled', whyParams: { noticeOn: d.today, ...(rescheduled ? { movedFrom: rescheduled.day } : {}) },
  });
}

/** The hearing is held on its notified day; the HEARING special procedure ends and the clocks run again. */
export function holdHearing(d: Decider, cmd: Of<'hearing.hold'>): void {
  d.expectPhase(cmd.type, 'handling');
  const hearing = hearingOf(d);
  const notice = hearing.notices.at(-1);
  if (!notice) refuse('HEARING_NOT_SCHEDULED', 'Expected a notice of the hearing\'s time and place before it is held, but there is none');
  if (hearing.heldOn) refuse('HEARING_ALREADY_HELD', `Expected the hearing still to be held, but it was held on ${hearing.heldOn}`);
  if (hearing.endedOn) refuse('HEARING_ALREADY_ENDED', `Expected an open hearing, but it ended on ${hearing.endedOn}`);
  if (d.today !== notice.day) refuse('HEARING_NOT_ON_NOTIFIED_DAY', `Expected the hearing on its notified day ${notice.day}, but it is ${d.today}`);
  if (!cmd.record.trim()) refuse('REASONS_REQUIRED', 'Expected the summary of the hearing record (听证笔录), but it was blank');
  const onTime = d.today <= hearing.holdBy!.date;
  d.emit('hearing.held', { heldOn: d.today, record: cmd.record, onTime }, {
    why: `held at ${notice.place}${onTime ? '' : `, after ${hearing.holdBy!.date}`}`,
    whyCode: 'hearing.held', whyParams: { place: notice.place, ...(onTime ? {} : { holdBy: hearing.holdBy!.date }) },
  });
  endProcedure(d, { type: 'special-procedure.end', id: hearing.procedureId!, result: `hearing held: ${cmd.record}`, actor: cmd.actor }, { whyCode: 'hearing.held-result', whyParams: { record: cmd.record } });
}

/**
 * 放弃听证: a party told of the right gives it up before asking (第47条: 申请人、利害关系人…有权要求听证). Once the
 * applicant's side and every party waived, the request clock closes.
 */
export function waiveHearing(d: Decider, cmd: Of<'hearing.waive'>): void {
  d.expectPhase(cmd.type, 'handling');
  const s = d.approval;
  const hearing = hearingOf(d);
  if (!hearingEntitled(s).includes(cmd.actor.id)) {
    refuse('HEARING_NOT_A_PARTY', `Expected the applicant, the agent or a party told of the right to waive it, but '${cmd.actor.id}' is none`);
  }
  if (hearing.requestedAt) refuse('HEARING_ALREADY_REQUESTED', `Expected the waiver before a request, but '${hearing.requestedBy}' requested the hearing at ${hearing.requestedAt}`);
  if (hearing.waivedBy?.includes(cmd.actor.id)) refuse('HEARING_WAIVED', `Expected one waiver from '${cmd.actor.id}', but it waived already`);
  const all = hearingWaived({ ...s, hearing: { ...hearing, waivedBy: [...(hearing.waivedBy ?? []), cmd.actor.id] } });
  d.emit('hearing.waived', { by: cmd.actor.id, all }, all
    ? { why: 'every party waived the right to a hearing (行政许可法第47条)', whyCode: 'hearing.waived.all' }
    : { why: `${cmd.actor.id} waived the right to a hearing`, whyCode: 'hearing.waived', whyParams: { party: cmd.actor.name ?? cmd.actor.id } });
}

/**
 * A requested hearing ends without being held, e.g. the request was withdrawn (撤回听证申请): the HEARING special
 * procedure ends today and the clocks run again (第45条 excluded only the time up to here).
 */
export function endHearing(d: Decider, cmd: Of<'hearing.end'>): void {
  d.expectPhase(cmd.type, 'handling');
  const hearing = hearingOf(d);
  if (!hearing.requestedAt) refuse('HEARING_NOT_REQUESTED', 'Expected a hearing request to end, but there is none');
  if (hearing.heldOn) refuse('HEARING_ALREADY_HELD', `Expected the hearing still to be held, but it was held on ${hearing.heldOn}`);
  if (hearing.endedOn) refuse('HEARING_ALREADY_ENDED', `Expected an open hearing, but it ended on ${hearing.endedOn}`);
  if (!cmd.reason.trim()) refuse('REASONS_REQUIRED', 'Expected why the hearing ends without being held, but the reason was blank');
  d.emit('hearing.ended', { endedOn: d.today, reason: cmd.reason }, { why: cmd.reason });
  endProcedure(d, { type: 'special-procedure.end', id: hearing.procedureId!, result: `hearing not held: ${cmd.reason}`, actor: cmd.actor }, { whyCode: 'hearing.not-held', whyParams: { reason: cmd.reason } });
}
