/** The item catalogue (`GET /api/items`): the published items, disabled ones too for staff. */
import { Type, type Static } from '@sinclair/typebox';
import { Instant } from './time.js';

/** One item of the catalogue: its latest version, its versions and whether new cases may start. */
export const ItemRowSchema = Type.Object({
  code: Type.String({ description: 'The implementation code' }),
  name: Type.String(),
  department: Type.String({ description: 'The implementing department' }),
  enabled: Type.Boolean({ description: 'New cases may start (running cases go on either way)' }),
  latestVersion: Type.Integer(),
  versions: Type.Array(Type.Integer(), { description: 'Every deployed version, oldest first' }),
  createdAt: Type.Optional(Instant('when the item was first deployed')),
  updatedAt: Type.Optional(Instant()),
}, { additionalProperties: false, description: 'A published item' });
/** An item of the catalogue. */
export type ItemRowView = Static<typeof ItemRowSchema>;
