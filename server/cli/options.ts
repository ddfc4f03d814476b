/** Option parsing shared by the store commands (`audit`, `calendar`): `[--db <sqlite file>] [--json]`. */

/** The parsed options, or the usage error to print. */
export type StoreOptions = { ok: true; db?: string; json: boolean } | { ok: false; error: string };

/** Parses `--db <file>` and `--json`; anything else is a usage error naming the argument. */
export function parseStoreOptions(args: readonly string[]): StoreOptions {
  let db: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--db') {
      db = args[++i];
      if (!db) return { ok: false, error: "'--db' needs a file" };
    } else if (arg === '--json') {
      json = true;
    } else {
      return { ok: false, error: `unexpected argument '${arg}'` };
    }
  }
  return db === undefined ? { ok: true, json } : { ok: true, db, json };
}
