/**
 * The one-time correction notice (一次性补正告知, 行政许可法 第32条): all that must be corrected is told in ONE
 * notice. A later notice that only repeats what is still outstanding is a reminder and is allowed; one that asks
 * for something new is refused, or — where the locality prefers — recorded as a supervised violation with a
 * reason (电子监察: "a second correction notice").
 */
import type { IsoDate } from '../calendar/types.js';
import { ARTICLES } from './articles.js';
import { refused, type Decision, type Deadline } from './types.js';

/** A correction notice: the material or condition ids it asks the applicant to correct. */
export interface CorrectionNotice {
  readonly issuedOn: IsoDate;
  readonly items: readonly string[];
  /** Why a notice with new items was issued anyway (only with the `record-violation` policy). */
  readonly reason?: string;
}

/** What to do with a second notice that asks for something new. */
export type SecondNoticePolicy = 'refuse' | 'record-violation';

/** The accepted outcome: which kind of notice this is, and the violation to supervise if any. */
export interface NoticeDecision {
  readonly kind: 'first' | 'reminder' | 'second';
  readonly newItems: readonly string[];
  readonly violation?: { readonly rule: 'second-correction-notice'; readonly reason: string; readonly newItems: readonly string[] };
}

/**
 * Decides whether `proposed` may be issued after `previous` notices. With `window`, a first notice after the
 * pre-acceptance window is refused: the application is already deemed accepted from its receipt (第32条).
 */
export function decideCorrectionNotice(
  previous: readonly CorrectionNotice[],
  proposed: CorrectionNotice,
  options: { policy?: SecondNoticePolicy; window?: Deadline } = {},
): Decision<NoticeDecision> {
  if (proposed.items.length === 0) {
    return refused('correction-notice.empty', 'Expected the correction notice to list what must be corrected, but it lists nothing');
  }
  if (previous.length === 0) {
    if (options.window && proposed.issuedOn > options.window.date) {
      return refused(
        'correction-notice.window-lapsed',
        `Expected the correction notice by ${options.window.date}, but it is dated ${proposed.issuedOn}: ` +
          `the application counts as accepted from its receipt (${ARTICLES.preAcceptance})`,
      );
    }
    return { ok: true, kind: 'first', newItems: [...proposed.items] };
  }
  const asked = new Set(previous.flatMap((n) => n.items));
  const newItems = proposed.items.filter((i) => !asked.has(i));
  if (newItems.length === 0) return { ok: true, kind: 'reminder', newItems: [] };
  if ((options.policy ?? 'refuse') === 'refuse') {
    return refused(
      'correction-notice.new-items',
      `Expected a later correction notice to repeat only what the first asked for (${ARTICLES.preAcceptance}: ` +
        `one notice listing everything), but it adds ${newItems.join(', ')}`,
    );
  }
  if (proposed.reason === undefined || proposed.reason.trim() === '') {
    return refused(
      'correction-notice.reason-required',
      `Expected a reason for a second correction notice that adds ${newItems.join(', ')}, but none was given`,
    );
  }
  return {
    ok: true,
    kind: 'second',
    newItems,
    violation: { rule: 'second-correction-notice', reason: proposed.reason, newItems },
  };
}
