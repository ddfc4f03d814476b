/** The applicant's notifications (`GET /api/notifications`): each worded in the asked language, with its parameters. */
import { Type, type Static } from '@sinclair/typebox';
import { Instant } from './time.js';

const text = (description?: string) => Type.Optional(Type.String(description ? { description } : {}));

/** What a notification was worded from (`contracts/messages/notifications.ts`): the fields its kind uses. */
export const NotificationParamsSchema = Type.Object({
  caseNo: Type.String(),
  itemName: Type.String(),
  materials: Type.Optional(Type.Array(Type.Object({ name: Type.String(), reason: Type.String() }, { additionalProperties: false }), { description: 'correction: the materials\' names, each with its reason' })),
  acceptedOn: text('A legal day'),
  promisedDate: text('The promised limit\'s last day'),
  reasons: Type.Optional(Type.Array(Type.String())),
  procedure: text('A special procedure\'s kind'),
  start: text(),
  end: text(),
  expectedEnd: text(),
  duration: Type.Optional(Type.Object({ value: Type.Number(), unit: Type.String({ description: 'WD or CD' }) }, { additionalProperties: false })),
  paused: Type.Optional(Type.Boolean()),
  newDate: text(),
  reason: text(),
  requestBy: text(),
  outcome: text(),
  deliveryDate: text(),
  certificateName: text(),
  certificateNo: text(),
  method: text(),
  carrier: text(),
  trackingNumber: text(),
}, { additionalProperties: false, description: 'The parameters the notification was worded from' });
export type NotificationParamsView = Static<typeof NotificationParamsSchema>;

/** A notification to the applicant. */
export const NotificationSchema = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  kind: Type.String({ description: 'The notification kind (correction, accepted, decided …)' }),
  title: Type.String({ description: 'In the asked language' }),
  text: Type.String({ description: 'In the asked language' }),
  at: Instant(),
  read: Type.Boolean(),
  readAt: Type.Optional(Instant()),
  params: NotificationParamsSchema,
}, { additionalProperties: false, description: 'A notification to the applicant' });

/** My notifications' filters: unread only, one case; paged, 50 from the newest unless asked otherwise. */
export const NotificationListQuerySchema = Type.Object({
  unread: Type.Optional(Type.Boolean()),
  caseNo: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}, { additionalProperties: false });
export type NotificationListQuery = Static<typeof NotificationListQuerySchema>;

/** `:id` of a notification. */
export const NotificationIdParamsSchema = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) });
export type NotificationIdParams = Static<typeof NotificationIdParamsSchema>;
