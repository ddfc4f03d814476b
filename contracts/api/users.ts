/**
 * Real-name user accounts (`/api/users`): a user as the API shows them, a new user, the list's filter, a
 * user's path and password reset.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './enum.js';
import { ID_TYPES } from '../vocabulary/id-types.js';
import { ROLES } from '../vocabulary/roles.js';
import { Instant } from './time.js';

/**
 * A user as the API shows them (the list, a created or changed account, the login's and `GET /api/auth/me`'s
 * user): no password hash and only the last four characters of the ID number.
 */
export const UserViewSchema = Type.Object({
  id: Type.String({ description: 'The login name, also the actor id of events and audit entries' }),
  name: Type.String({ description: 'The real name (实名)' }),
  idSuffix: Type.Optional(Type.String({ description: 'The last four characters of the ID number; the full number is never sent' })),
  idType: Type.Optional(Type.String({ description: 'The ID type of the real-name record' })),
  department: Type.Optional(Type.String()),
  region: Type.Optional(Type.String({ description: 'The division code of a service centre\'s staff: their level\'s scope' })),
  roles: Type.Array(StringEnum(ROLES)),
  groups: Type.Array(Type.String(), { description: 'Step roles and candidate groups the user may work as' }),
  disabled: Type.Optional(Type.Boolean()),
  mustChangePassword: Type.Optional(Type.Boolean({ description: 'A temporary password: to be changed at next login' })),
  createdAt: Type.Optional(Instant()),
  createdBy: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'A user account' });
export type UserView = Static<typeof UserViewSchema>;

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

/** A new real-name user: login name, real name and ID document, department and region, roles, position, groups, password. */
export const NewUserBodySchema = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' }),
  name: Type.String({ minLength: 1, maxLength: 128 }),
  // The real-name record: the number's form is checked for its type by the directory (18 characters for 居民身份证).
  idNumber: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z]{5,32}$' })),
  idType: Type.Optional(StringEnum(ID_TYPES)),
  department: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  // The service centre a reform-office or supervision account works at (its level's scope), a division code.
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$' })),
  roles: Type.Array(StringEnum(ROLES), { minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
  // The position the new user holds in their department from the start (科员, 科长 …).
  position: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  groups: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 32, uniqueItems: true })),
  // The policy (length, user id, common passwords) answers PASSWORD_TOO_WEAK naming its rule.
  password: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });
export type NewUserBody = Static<typeof NewUserBodySchema>;
