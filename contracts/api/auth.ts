/** Logging in and changing one's password (`/api/auth`). */
import { Type, type Static } from '@sinclair/typebox';
import { Instant } from './time.js';
import { UserViewSchema } from './users.js';

const Password = Type.String({ minLength: 1, maxLength: 256 });

/** A login: the user id and the password. */
export const LoginBodySchema = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Password }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBodySchema>;

/** A change of one's own password: the current one and the new one. */
export const PasswordChangeBodySchema = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export type PasswordChangeBody = Static<typeof PasswordChangeBodySchema>;

/** A login's answer: the bearer token, when it expires and the user logged in. */
export const SessionSchema = Type.Object({ token: Type.String(), expiresAt: Instant(), user: UserViewSchema }, { additionalProperties: false, description: 'A session' });
export type SessionView = Static<typeof SessionSchema>;
