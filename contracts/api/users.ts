/** Real-name user accounts (`/api/users`): the list's filter. */
import { Type, type Static } from '@sinclair/typebox';

/** The list's filter: one department's staff. */
export const UserListQuerySchema = Type.Object({ department: Type.Optional(Type.String({ maxLength: 128 })) }, { additionalProperties: false });
export type UserListQuery = Static<typeof UserListQuerySchema>;

/** `:id`: a user by their login name. */
export const UserParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export type UserParams = Static<typeof UserParamsSchema>;

/** A password reset by the reform office: the temporary password. */
export const PasswordResetBodySchema = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 256, description: 'the temporary password the user must change at next login' }),
}, { additionalProperties: false });
export type PasswordResetBody = Static<typeof PasswordResetBodySchema>;
