/**
 * `shenpi audit verify [--db <sqlite file>] [--json]`: recomputes the audit log's hash chain and reports
 * every entry changed, inserted or deleted outside Shenpi, one line each. Prints the head hash: keep it elsewhere, so that
 * entries cut off the end can be detected too. Uses DATABASE_URL for PostgreSQL, like the server.
 */
import type { CliIo } from '../io.js';
import { verifyAuditChain } from '../../audit/audit-log.js';
import { loadConfig } from '../../config.js';
import { openStore } from '../../store/open-store.js';
import type { StoreConfig } from '../../store/connect.js';
import { parseStoreOptions } from '../options.js';

export const summary = 'check the audit log hash chain: audit verify [--db <sqlite file>] [--json]';

/** Exit code 0 when the chain is intact, 1 when it is broken or unreadable, 2 on bad usage. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') return usage(io, sub ? `unknown sub-command '${sub}'` : 'a sub-command is missing');
  const options = parseStoreOptions(rest);
  if (!options.ok) return usage(io, options.error);
  const { db, json } = options;
  let config: StoreConfig;
  try {
    config = db ? { kind: 'sqlite', file: db } : loadConfig().store;
  } catch (error) {
    io.err(`shenpi audit: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  let store;
  try {
    // Read only: never migrate a database that is being checked.
    store = await openStore(config, { migrate: false });
    const report = await verifyAuditChain(store.knex);
    if (json) io.out(JSON.stringify(report));
    else if (report.ok) io.out(`Audit log intact: ${report.count} entries, head ${report.head}`);
    else {
      io.out(`Audit log BROKEN: ${report.breakCount} break(s) in ${report.count} entries, head ${report.head}`);
      for (const b of report.breaks) io.out(`  entry ${b.seq} (${b.kind}): ${b.reason}`);
      if (report.breakCount > report.breaks.length) io.out(`  … and ${report.breakCount - report.breaks.length} more`);
    }
    return report.ok ? 0 : 1;
  } catch (error) {
    io.err(`shenpi audit: could not read the audit log: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await store?.close();
  }
}

function usage(io: CliIo, problem: string): number {
  io.err(`shenpi audit: ${problem}\nUsage: shenpi audit verify [--db <sqlite file>] [--json]`);
  return 2;
}
