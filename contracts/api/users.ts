/** Real-name user accounts (`/api/users`): the list's filter. */
import { Type, type Static } from '@sinclair/typebox';

/** The list's filter: one department's staff. */
export const UserListQuerySchema = Type.Object({ department: Type.Optional(Type.String({ maxLength: 128 })) }, { additionalProperties: false });
export type UserListQuery = Static<typeof UserListQuerySchema>;
