/**
 * Case numbers (受理编号): `SP` + the receipt day + 10 random Crockford base32 characters (50 bits), so that
 * nobody can guess another applicant's case number from their own.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new case number for a receipt on `day` (`YYYY-MM-DD`), e.g. `SP20260302-7KQ4M9XW2T`. */
export function newCaseNumber(day: string, random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(10);
  let suffix = '';
  for (const b of bytes) suffix += ALPHABET[b & 31];
  return `SP${day.replace(/-/g, '')}-${suffix}`;
}

/** True when `text` has the shape of a case number. */
export function isCaseNumber(text: string): boolean {
  return /^SP\d{8}-[0-9A-HJKMNP-TV-Z]{10}$/.test(text);
}
