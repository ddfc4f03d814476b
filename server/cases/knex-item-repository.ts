/**
 * `ItemRepository` on knex (tables of migration 0002-items). A version is stored as its listing, its rule
 * sources and its disclosure, beside the process definition version (`definition_versions`) it deployed;
 * loading a version runs the same package loader again, so it is exactly what was deployed.
 */
import type { Knex } from 'knex';
import { loadItemPackage, type Disclosure, type ItemDefinition } from '../../definitions/items/index.js';
import { hotReads } from '../store/hot-reads.js';
import { json, requiredInstant, text, toJson } from '../store/rows.js';
import type { ItemRecord, ItemRepository, ItemVersionRecord } from './item-repository.js';

/** The knex implementation of `ItemRepository`. Loaded versions are cached: they never change. */
export class KnexItemRepository implements ItemRepository {
  private readonly cache = new Map<string, Promise<ItemDefinition | undefined>>();

  constructor(private readonly knex: Knex) {}

  async latestVersion(code: string): Promise<number> {
    const row = await this.knex('item_versions').where({ code }).max({ v: 'version' }).first();
    return Number(row?.v ?? 0);
  }

  async save(args: { item: ItemDefinition; disclosure: Disclosure; at: string; by?: string }): Promise<ItemVersionRecord> {
    const { item } = args;
    const rules = Object.fromEntries(Object.entries(item.sources).filter(([name]) => name.startsWith('rules/')));
    const row = {
      code: item.code,
      version: item.version,
      name: item.listing.name,
      listing: toJson(item.listing),
      rules: toJson(rules),
      disclosure: toJson(args.disclosure),
      definition_key: item.definition.key,
      definition_version: item.definition.version,
      deployed_at: args.at,
      deployed_by: args.by ?? null,
    };
    await this.knex.transaction(async (trx) => {
      const existing = await trx('items').where({ code: item.code }).first('code');
      const fields = { name: item.listing.name, department: item.listing.implementingBody.name, latest_version: item.version, updated_at: args.at };
      if (existing) await trx('items').where({ code: item.code }).update(fields);
      else await trx('items').insert({ code: item.code, enabled: true, created_at: args.at, ...fields });
      await trx('item_versions').insert(row);
    });
    return versionRecord(row);
  }

  get(code: string, version: number): Promise<ItemDefinition | undefined> {
    const key = `${code}@${version}`;
    let loaded = this.cache.get(key);
    if (!loaded) {
      loaded = this.load(code, version);
      this.cache.set(key, loaded);
      loaded.catch(() => this.cache.delete(key));
    }
    return loaded;
  }

  async current(code: string): Promise<ItemDefinition | undefined> {
    const record = await this.find(code);
    return record?.enabled ? this.get(code, record.latestVersion) : undefined;
  }

  async find(code: string): Promise<ItemRecord | undefined> {
    // A hot read (prepared, no query building): every application reads its item.
    const row = await hotReads(this.knex).first('SELECT * FROM items WHERE code = ? LIMIT 1', [code]);
    return row ? itemRecord(row) : undefined;
  }

  async list(): Promise<ItemRecord[]> {
    return (await this.knex('items').orderBy('code')).map(itemRecord);
  }

  async versions(code: string): Promise<ItemVersionRecord[]> {
    const rows = await this.knex('item_versions').where({ code }).orderBy('version')
      .select('code', 'version', 'name', 'definition_key', 'definition_version', 'deployed_at', 'deployed_by');
    return rows.map(versionRecord);
  }

  async setEnabled(code: string, enabled: boolean, at: string): Promise<void> {
    const changed = await this.knex('items').where({ code }).update({ enabled, updated_at: at });
    if (changed !== 1) throw new Error(`Expected item '${code}' to be deployed, but it is not`);
  }

  async disclosure(code: string, version?: number): Promise<Disclosure | undefined> {
    const v = version ?? (await this.find(code))?.latestVersion;
    if (v === undefined) return undefined;
    const row = await this.knex('item_versions').where({ code, version: v }).first('disclosure');
    return row ? (json(row.disclosure) as unknown as Disclosure) : undefined;
  }

  private async load(code: string, version: number): Promise<ItemDefinition | undefined> {
    const row = await this.knex('item_versions as v')
      .join('definition_versions as d', function join() {
        this.on('d.key', '=', 'v.definition_key').andOn('d.version', '=', 'v.definition_version');
      })
      .where({ 'v.code': code, 'v.version': version })
      .first('v.listing', 'v.rules', 'd.source_xml');
    if (!row) return undefined;
    const files = {
      'item.json': JSON.stringify(json(row.listing)),
      'process.bpmn': String(row.source_xml),
      ...(json(row.rules) as Record<string, string>),
    };
    const loaded = await loadItemPackage(files, { version });
    if (!loaded.ok) throw new Error(`Stored item ${code} v${version} no longer loads: ${loaded.findings[0]?.message}`);
    return loaded.item;
  }
}

function itemRecord(row: Record<string, unknown>): ItemRecord {
  return {
    code: String(row.code),
    name: String(row.name),
    department: String(row.department),
    // SQLite stores booleans as 0/1.
    enabled: Boolean(row.enabled),
    latestVersion: Number(row.latest_version),
    createdAt: requiredInstant(row.created_at),
    updatedAt: requiredInstant(row.updated_at),
  };
}

function versionRecord(row: Record<string, unknown>): ItemVersionRecord {
  const by = text(row.deployed_by);
  return {
    code: String(row.code),
    version: Number(row.version),
    name: String(row.name),
    definitionKey: String(row.definition_key),
    definitionVersion: Number(row.definition_version),
    deployedAt: requiredInstant(row.deployed_at),
    ...(by ? { deployedBy: by } : {}),
  };
}
