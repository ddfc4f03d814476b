/**
 * `shenpi backup <file> [--db <sqlite file>]`: copies the SQLite database while Shenpi keeps running.
 * PostgreSQL deployments back up with the database's own tools (pg_dump, base backups).
 */
import type { CliIo } from '../io.js';
import { storeConfigFromEnv } from '../../store/connect.js';
import { backupSqlite } from '../../store/sqlite-backup.js';

export const summary = 'copy the running SQLite database consistently: backup <file> [--db <sqlite file>]';

/** Runs the command; exit code 0 on success, 1 when the copy failed, 2 on bad usage. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let target: string | undefined;
  let db: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--db') {
      db = args[++i];
      if (!db) return usage(io, "'--db' needs a file");
    } else if (arg.startsWith('-')) {
      return usage(io, `unknown option '${arg}'`);
    } else if (target === undefined) {
      target = arg;
    } else {
      return usage(io, `unexpected argument '${arg}'`);
    }
  }
  if (!target) return usage(io, 'the backup file is missing');
  if (!db) {
    const config = storeConfigFromEnv();
    if (config.kind !== 'sqlite') {
      io.err('shenpi backup: DATABASE_URL points to PostgreSQL; back it up with pg_dump, or pass --db <sqlite file>');
      return 2;
    }
    db = config.file;
  }
  try {
    const report = await backupSqlite(db, target);
    io.out(`Backed up ${db} to ${target}: ${report.pages} pages, ${report.cases} cases`);
    return 0;
  } catch (error) {
    io.err(`shenpi backup: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function usage(io: CliIo, problem: string): number {
  io.err(`shenpi backup: ${problem}\nUsage: shenpi backup <file> [--db <sqlite file>]`);
  return 2;
}
