/**
 * The password policy for every password a person chooses (account creation, change, reset): at least 12
 * characters, not the user id and not containing it, and not one of the passwords guessed first. Length is
 * what makes a guess expensive; the other two rules remove the guesses an attacker tries before any other.
 * A refusal is `PASSWORD_TOO_WEAK` with the rule named in `details.rule`, so the pages can say which in
 * Chinese (`password.rule.*` in the console dictionary).
 */

/** The shortest password accepted, in characters (code points). */
export const MIN_PASSWORD_LENGTH = 12;

/** The rule a refused password breaks. */
export type PasswordRule = 'length' | 'user-id' | 'common' | 'reused';

/**
 * Passwords of 12 characters or more found at the top of public leak statistics, and the obvious ones of
 * this platform. Compared without case; shorter common passwords are already refused by the length rule.
 */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '123123123123', '111111111111', '000000000000',
  '121212121212', '123321123321', '112233445566', '987654321000', '098765432112', '147258369147', '159357159357',
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'p@ssw0rd1234', 'passw0rd1234', 'password@123',
  'qwerty123456', 'qwertyuiop12', 'qwertyuiop123', 'qwerty12345678', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3',
  'qazwsxedcrfv', '1234qwerasdf', 'qwer1234asdf', 'asdfghjkl123', 'asdf1234asdf', 'abc123456789', 'abcd12345678',
  'a12345678901', 'aa1234567890', 'abcdefghijkl', 'iloveyou1234', 'iloveyou12345', 'admin1234567', 'admin@123456',
  'administrator', 'welcome12345', 'welcome@1234', 'changeme1234', 'letmein12345', 'football1234', 'baseball1234',
  'sunshine1234', 'princess1234', 'superman1234', 'trustno11234', 'woaini131452', 'woaini520520', 'woaini1314520',
  '5201314520131', '520131452013', '1314520131452', 'qq1234567890', 'shenpi123456', 'shenpi-password', 'shenpi@12345',
]);

/** True when `text` is one character repeated, or a run of consecutive digits or letters (`234567890123`). */
function trivial(text: string): boolean {
  if (new Set(text).size === 1) return true;
  const codes = [...text].map((c) => c.charCodeAt(0));
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step || (step === 1 && c === 48 && codes[i - 1] === 57));
}

/** The rule `password` breaks for `userId`, with an English message, or undefined when it is acceptable. */
export function passwordProblem(password: string, userId: string): { rule: PasswordRule; message: string } | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { rule: 'length', message: `Expected a password of at least ${MIN_PASSWORD_LENGTH} characters, but it has ${length}` };
  const lower = password.toLowerCase();
  if (userId.length > 0 && lower.includes(userId.toLowerCase())) return { rule: 'user-id', message: `Expected a password that does not contain the user id '${userId}', but it does` };
  if (COMMON.has(lower) || trivial(lower)) return { rule: 'common', message: 'Expected a password that is not among the most commonly used ones, but it is' };
  return undefined;
}
