/** The controlled clock of a training deployment (`POST /api/clock`): pin it or move it forward. */
import { Type, type Static } from '@sinclair/typebox';

/** Exactly one of: `pin` the clock to an instant, or `advanceMs` it (at most a year at a time). */
export const ClockSetBodySchema = Type.Object({
  pin: Type.Optional(Type.String({ format: 'date-time' })),
  advanceMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 * 24 * 3_600_000 })),
}, { additionalProperties: false, minProperties: 1, maxProperties: 1 });
export type ClockSetBody = Static<typeof ClockSetBodySchema>;
