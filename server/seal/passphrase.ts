/**
 * The passphrase that encrypts the e-seal private keys at rest: `SHENPI_SEAL_PASSPHRASE` when set (required
 * for several nodes on one database), else a random secret made once in the data folder (`seal.secret`,
 * readable by the owner only). It never enters the database or the repository.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The seal passphrase of an installation. */
export function sealPassphrase(args: { dataDir: string; configured?: string | undefined }): string {
  if (args.configured) return args.configured;
  const file = path.join(args.dataDir, 'seal.secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(args.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
