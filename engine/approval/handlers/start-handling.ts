/**
 * From acceptance to handling: records the acceptance (real, or deemed and back-dated to the receipt by
 * 行政许可法 第32条), starts the item's BPMN process with the application's facts as variables, and records
 * the deadlines counted from the acceptance day (民法典 第201条: that day is not counted).
 */
import { supervisionContent } from '../../../contracts/messages/supervision.js';
import { ARTICLES } from '../../clocks/articles.js';
import { dayOf } from '../clocks.js';
import type { Decider } from '../decider.js';
import { SPGL } from '../status.js';
import { reactToCore } from './react.js';
import { refreshDeadlines, refreshLight } from './refresh.js';
import { recordViolations } from './supervise.js';

/** Accepts the case and starts handling. `fromTimer` when the window's own timer is firing. */
export function startHandling(d: Decider, opts: { deemed: boolean; deferred: string[]; fromTimer?: boolean; reason?: string }): void {
  const s = d.approval;
  const window = s.window!;
  if (!opts.fromTimer) d.effect({ type: 'timer.cancel', timerId: window.timerId });
  const acceptedOn = opts.deemed ? dayOf(d.ctx.calendar, window.start) : d.today;
  const acceptance = { acceptedAt: d.ctx.now, acceptedOn, deemed: opts.deemed, by: d.actor?.id ?? 'system', deferred: opts.deferred };
  const why = opts.deemed
    ? `${ARTICLES.preAcceptance}: no correction notice or decision by ${window.deadline.date}; accepted from the receipt on ${acceptedOn}`
    : (opts.reason ?? 'materials complete and in the legal form');
  // A reason the clerk typed is shown as typed; the engine's own two have their codes.
  const coded = opts.deemed
    ? { whyCode: 'case.accepted.deemed', whyParams: { article: ARTICLES.preAcceptance, date: window.deadline.date, acceptedOn } }
    : opts.reason === undefined ? { whyCode: 'case.accepted.complete' } : {};
  d.emit('case.accepted', { acceptance }, { status: SPGL.accepted, why, ...coded });
  d.emit('handling.started', {}, { status: SPGL.handling, why: `${s.item.department} starts handling`, whyCode: 'handling.started', whyParams: { department: s.item.department } });
  const events = d.core({
    type: 'case.start',
    caseId: s.caseNo,
    variables: { ...s.facts, caseNo: s.caseNo, channel: s.channel },
    ...(d.actor ? { actor: d.actor } : {}),
  });
  reactToCore(d, events, []);
  refreshDeadlines(d, opts.deemed ? 'deemed acceptance (行政许可法第32条)' : 'accepted', opts.deemed ? 'deadlines.deemed-accepted' : 'deadlines.accepted');
  refreshLight(d);
  if (opts.deemed) {
    // 第32条: the agency let the window lapse without a notice or a decision; the deemed acceptance is the
    // law's remedy for the applicant, and the lapse itself is a violation supervision records once.
    recordViolations(d, [{
      rule: 'correction-window-lapsed', department: s.item.department, warningType: 'procedure',
      content: supervisionContent('correction-window-lapsed', { caseNo: s.caseNo, deadline: window.deadline.date, acceptedOn, article: ARTICLES.preAcceptance }),
    }]);
  }
}
