/**
 * `DefinitionRepository` on knex: each deployed version keeps its BPMN source and its compiled model side by
 * side, so a case always runs the exact version it started on.
 */
import type { Knex } from 'knex';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import type { DefinitionRepository, DeployedDefinition } from '../../engine/runtime/ports.js';
import { conflictOnDuplicate, json, requiredInstant, text, toJson } from './rows.js';

/** The knex implementation of `DefinitionRepository`. */
export class KnexDefinitionRepository implements DefinitionRepository {
  constructor(private readonly knex: Knex) {}

  async deploy(args: { definition: ExecutableDefinition; sourceXml: string; at: string; enabled?: boolean }): Promise<DeployedDefinition> {
    const d = args.definition;
    const row = {
      key: d.key,
      version: d.version,
      process_id: d.processId,
      name: d.name ?? null,
      source_xml: args.sourceXml,
      compiled: toJson(d),
      deployed_at: args.at,
      enabled: args.enabled ?? true,
    };
    await conflictOnDuplicate('', `Definition '${d.key}' version ${d.version} is already deployed`, () =>
      this.knex.transaction(async (trx) => {
        await trx('definitions').insert({ key: d.key, name: d.name ?? null, created_at: args.at }).onConflict('key').ignore();
        await trx('definition_versions').insert(row);
      }),
    );
    return deployed(row);
  }

  async get(key: string, version: number): Promise<ExecutableDefinition | undefined> {
    const row = await this.knex('definition_versions').where({ key, version }).first('compiled');
    return row ? (json(row.compiled) as unknown as ExecutableDefinition) : undefined;
  }

  async latest(key: string): Promise<ExecutableDefinition | undefined> {
    const row = await this.knex('definition_versions').where({ key, enabled: true }).orderBy('version', 'desc').first('compiled');
    return row ? (json(row.compiled) as unknown as ExecutableDefinition) : undefined;
  }

  async list(key?: string): Promise<DeployedDefinition[]> {
    const query = this.knex('definition_versions')
      .select('key', 'version', 'process_id', 'name', 'deployed_at', 'enabled')
      .orderBy(['key', 'version']);
    if (key !== undefined) query.where({ key });
    return (await query).map(deployed);
  }

  async setEnabled(key: string, version: number, enabled: boolean): Promise<void> {
    const changed = await this.knex('definition_versions').where({ key, version }).update({ enabled });
    if (changed !== 1) throw new Error(`Expected definition '${key}' version ${version} to be deployed, but it is not`);
  }
}

function deployed(row: Record<string, unknown>): DeployedDefinition {
  return {
    key: String(row.key),
    version: Number(row.version),
    processId: String(row.process_id),
    name: text(row.name),
    deployedAt: requiredInstant(row.deployed_at),
    // SQLite stores booleans as 0/1.
    enabled: Boolean(row.enabled),
  };
}
