/** The timeline of a case (`GET /api/cases/:caseNo/timeline`): every event in order, who, when, what and why. */
import { Type, type Static } from '@sinclair/typebox';
import { TIMELINE_DETAIL_CODES } from '../messages/timeline.js';
import { StringEnum } from './enum.js';
import { Instant } from './time.js';

/** One line of the timeline. */
export const TimelineEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Instant(),
  actor: Type.String({ description: 'Who acted, by name (`system` for timers and sweeps)' }),
  actorId: Type.Optional(Type.String({ description: 'Their user id' })),
  what: Type.String({ description: 'The event type (`case.accepted`, `task.completed` …)' }),
  detail: Type.String({ description: 'What happened, as an English record; the pages word `detailCode` instead' }),
  detailCode: Type.Optional(StringEnum(TIMELINE_DETAIL_CODES, {
    description: 'The code of what happened (contracts/messages/timeline.ts), worded by the pages; absent when the event type says it all',
  })),
  detailParams: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())]), {
    description: 'The parameters of `detailCode`: tasks and steps by name, people by their display name (user id when unknown)',
  })),
  why: Type.Optional(Type.String()),
  whyCode: Type.Optional(Type.String({ description: "The code of the engine's own explanation (contracts/messages/timeline.ts), worded by the pages" })),
  whyParams: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  status: Type.Optional(Type.Integer({ description: 'The SPGL status the event moved the case to' })),
}, { additionalProperties: false, description: 'One event of a case' });
export type TimelineEntryView = Static<typeof TimelineEntrySchema>;
