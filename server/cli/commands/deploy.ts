/**
 * `shenpi deploy <folder> [--db <sqlite file>] [--json]`: validates an item package (item.json, process.bpmn,
 * rules/*) and deploys it as the item's next version; every finding is printed with its file and element,
 * row or field. `shenpi deploy --disable <code>` stops new cases of an item (running ones go on);
 * `--enable <code>` allows them again. The database is `--db`, else DATABASE_URL (PostgreSQL), else
 * ./data/shenpi.sqlite. Exit code 1 when the package is refused, 2 on usage or I/O errors, 0 otherwise.
 */
import { formatItemFinding } from '../../../definitions/items/index.js';
import { deployItem } from '../../cases/deploy-item.js';
import { readItemFolder } from '../../cases/item-folder.js';
import { KnexItemRepository } from '../../cases/knex-item-repository.js';
import { DEFAULT_SQLITE_FILE, storeConfigFromEnv, type StoreConfig } from '../../store/connect.js';
import { openStore } from '../../store/open-store.js';
import type { CliIo } from '../io.js';

/** One-line description for `shenpi --help`. */
export const summary = 'deploy an item package as its next version: deploy <folder> [--db <sqlite file>] [--json] | --disable|--enable <code>';

const USAGE = 'Usage: shenpi deploy <folder> [--db <sqlite file>] [--json]\n       shenpi deploy --disable <code> | --enable <code> [--db <sqlite file>]';

type Parsed = { folder?: string; toggle?: { code: string; enabled: boolean }; db?: string; json: boolean } | { error: string };

function parseArgs(args: string[]): Parsed {
  const out: { folder?: string; toggle?: { code: string; enabled: boolean }; db?: string; json: boolean } = { json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') out.json = true;
    else if (arg === '--db' || arg === '--disable' || arg === '--enable') {
      const value = args[++i];
      if (!value) return { error: `'${arg}' needs a value` };
      if (arg === '--db') out.db = value;
      else out.toggle = { code: value, enabled: arg === '--enable' };
    } else if (arg.startsWith('-')) return { error: `unknown option '${arg}'` };
    else if (out.folder) return { error: `only one folder at a time ('${out.folder}' and '${arg}')` };
    else out.folder = arg;
  }
  if (!out.folder === !out.toggle) return { error: 'give a package folder, or --disable/--enable with an item code' };
  return out;
}

function config(db: string | undefined): StoreConfig {
  if (db) return { kind: 'sqlite', file: db };
  const env = storeConfigFromEnv();
  return env.kind === 'sqlite' && !process.env.SHENPI_DB ? { kind: 'sqlite', file: `./${DEFAULT_SQLITE_FILE}` } : env;
}

/** Runs `shenpi deploy`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    io.err(`shenpi deploy: ${parsed.error}`);
    io.err(USAGE);
    return 2;
  }
  let files: Record<string, Uint8Array> = {};
  if (parsed.folder) {
    try {
      files = await readItemFolder(parsed.folder);
    } catch (err) {
      io.err(`shenpi deploy: cannot read '${parsed.folder}': ${(err as Error).message}`);
      return 2;
    }
  }
  const store = await openStore(config(parsed.db));
  try {
    const items = new KnexItemRepository(store.knex);
    const at = new Date().toISOString();
    if (parsed.toggle) {
      await items.setEnabled(parsed.toggle.code, parsed.toggle.enabled, at);
      io.out(`${parsed.toggle.code} ${parsed.toggle.enabled ? 'enabled: new cases may start' : 'disabled: no new case; running cases go on'}`);
      return 0;
    }
    const result = await deployItem(files, { items, definitions: store.definitions, at, by: process.env.USER ?? 'cli' });
    const findings = result.ok ? result.warnings : result.findings;
    if (parsed.json) {
      io.out(JSON.stringify(result.ok ? { ok: true, code: result.item.code, version: result.item.version, warnings: findings } : { ok: false, findings }, null, 2));
    } else {
      for (const f of findings) io.out(formatItemFinding(f));
      io.out(result.ok ? `deployed ${result.item.code} version ${result.item.version} (${result.item.listing.name})` : `refused: ${findings.filter((f) => f.severity === 'error').length} error(s)`);
    }
    return result.ok ? 0 : 1;
  } catch (err) {
    io.err(`shenpi deploy: ${(err as Error).message}`);
    return 2;
  } finally {
    await store.close();
  }
}
