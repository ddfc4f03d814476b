/** Appliers of the hearing events (行政许可法 第47条, 第48条). */
import type { HearingRecord } from '../state.js';
import { actorId, type Appliers } from './applier.js';

type Hearing = 'hearing.notified' | 'hearing.requested' | 'hearing.scheduled' | 'hearing.held' | 'hearing.waived' | 'hearing.ended';

function hearingOf(s: { caseNo: string; hearing?: HearingRecord }): HearingRecord {
  if (!s.hearing) throw new Error(`No hearing notice in case '${s.caseNo}'`);
  return s.hearing;
}

export const hearingAppliers: Appliers<Hearing> = {
  'hearing.notified': (s, e) => {
    s.hearing = {
      notifiedAt: e.at, notifiedOn: e.requestBy.basis.countFrom, by: actorId(e), reason: e.reason, basis: e.basis,
      parties: [...e.parties], requestBy: structuredClone(e.requestBy), notices: [],
    };
  },
  'hearing.requested': (s, e) => {
    const h = hearingOf(s);
    h.requestedAt = e.at;
    h.requestedBy = actorId(e);
    h.holdBy = structuredClone(e.holdBy);
    h.procedureId = e.procedureId;
  },
  'hearing.scheduled': (s, e) => {
    hearingOf(s).notices.push({ noticeOn: e.noticeOn, day: e.day, ...(e.time !== undefined ? { time: e.time } : {}), place: e.place, by: actorId(e) });
  },
  'hearing.held': (s, e) => {
    const h = hearingOf(s);
    h.heldAt = e.at;
    h.heldOn = e.heldOn;
    h.record = e.record;
    h.onTime = e.onTime;
  },
  'hearing.waived': (s, e) => {
    const h = hearingOf(s);
    h.waivedBy = [...(h.waivedBy ?? []), e.by];
  },
  'hearing.ended': (s, e) => {
    const h = hearingOf(s);
    h.endedOn = e.endedOn;
    h.endReason = e.reason;
  },
};
