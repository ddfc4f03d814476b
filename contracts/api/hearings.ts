/**
 * The bodies of the hearing commands (`POST /api/cases/:caseNo/hearing/<command>`, 行政许可法 第47条, 第48条):
 * notify the right, request or waive it, schedule, hold or end the hearing. Every body is closed.
 */
import { Type, type Static } from '@sinclair/typebox';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Party = Type.String({ pattern: '^[A-Za-z0-9_.@-]{1,64}$' });

/** 告知听证权利: the reason, the legal basis and the interested parties told. */
export const HearingNotifyBodySchema = Type.Object({ reason: Text(2000), basis: Text(2000), parties: Type.Optional(Type.Array(Party, { maxItems: 50 })) }, { additionalProperties: false });
export type HearingNotifyBody = Static<typeof HearingNotifyBodySchema>;

/** 申请听证 and 放弃听证: nothing but the caller. */
export const HearingPartyBodySchema = Type.Object({}, { additionalProperties: false });
export type HearingPartyBody = Static<typeof HearingPartyBodySchema>;

/** 听证通知: the day, the time and the place. */
export const HearingScheduleBodySchema = Type.Object({
  day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  time: Type.Optional(Type.String({ pattern: '^\\d{2}:\\d{2}$' })),
  place: Text(500),
}, { additionalProperties: false });
export type HearingScheduleBody = Static<typeof HearingScheduleBodySchema>;

/** The hearing held: the summary of its record (听证笔录). */
export const HearingHoldBodySchema = Type.Object({ record: Text(8000) }, { additionalProperties: false });
export type HearingHoldBody = Static<typeof HearingHoldBodySchema>;

/** A requested hearing ended unheld, with the reason. */
export const HearingEndBodySchema = Type.Object({ reason: Text(2000) }, { additionalProperties: false });
export type HearingEndBody = Static<typeof HearingEndBodySchema>;
