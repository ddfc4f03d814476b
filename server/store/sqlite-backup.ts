/**
 * A consistent copy of a live SQLite database through SQLite's online backup API. The copy is taken in one
 * step, under one read transaction, so it is a snapshot of committed data however busy the writer is (in
 * WAL mode the writer is not blocked meanwhile). It is written to a `.partial` file and renamed into place,
 * so a crash never leaves a half copy under the final name.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { openSqlite } from './sqlite-driver.js';

/** What a backup copied. */
export interface BackupReport {
  pages: number;
  /** Rows in `cases` of the copy (0 when the database has no schema yet). */
  cases: number;
}

/** Copies `source` to `target`; refuses to overwrite an existing `target`. */
export async function backupSqlite(source: string, target: string): Promise<BackupReport> {
  if (!existsSync(source)) throw new Error(`Expected a SQLite database at '${source}', but there is no such file`);
  if (existsSync(target)) throw new Error(`Refusing to overwrite '${target}': choose a new file name`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = openSqlite(source, { fileMustExist: true });
  let pages: number;
  try {
    db.pragma('busy_timeout = 5000');
    // The largest step better-sqlite3 accepts: the whole file in one step, hence one snapshot.
    const done = await db.backup(partial, { progress: () => 0x7fffffff });
    pages = done.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  const cases = verify(partial);
  renameSync(partial, target);
  return { pages, cases };
}

/** Checks the copy's integrity before it gets its final name. */
function verify(file: string): number {
  const copy = openSqlite(file, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The backup copy failed its integrity check: ${String(check)}`);
    const hasCases = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'").get();
    return hasCases ? Number((copy.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n) : 0;
  } finally {
    copy.close();
  }
}
