/** The delivery clock: issue and deliver the licence within 10 days of the decision (行政许可法 第44条). */
import type { WorkingCalendar } from '../calendar/types.js';
import { ARTICLES } from './articles.js';
import { computeDeadline } from './deadline.js';
import type { CountingPolicy, Deadline, Limit } from './types.js';

/** Default delivery limit: 10 working days (行政许可法 第44条, 第82条). */
export const DEFAULT_DELIVERY_LIMIT: Limit = { value: 10, unit: 'WD' };

/** The deadline for issuing and delivering the result, counted from the decision. */
export function deliveryDeadline(
  calendar: WorkingCalendar,
  input: { decided: string; limit?: Limit; article?: string; policy?: CountingPolicy; useBusinessHours?: boolean },
): Deadline {
  return computeDeadline(calendar, {
    rule: 'delivery',
    article: input.article ?? ARTICLES.delivery,
    trigger: input.decided,
    limit: input.limit ?? DEFAULT_DELIVERY_LIMIT,
    ...(input.policy ? { policy: input.policy } : {}),
    ...(input.useBusinessHours ? { useBusinessHours: true } : {}),
  });
}
