/** The password policy as an HTTP refusal: 422 `PASSWORD_TOO_WEAK` naming the field and the rule broken. */
import { passwordProblem } from '../identity/password-policy.js';
import { ApiError } from './errors.js';

/** Throws `PASSWORD_TOO_WEAK` when `password` (the body field `field`) breaks the policy for `userId`. */
export function requireStrongPassword(password: string, userId: string, field = 'password'): void {
  const problem = passwordProblem(password, userId);
  if (problem) throw new ApiError('PASSWORD_TOO_WEAK', `${problem.message} (/body/${field})`, { rule: problem.rule, field: `/body/${field}` });
}
