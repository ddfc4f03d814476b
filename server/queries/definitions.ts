/**
 * Definition deployments with their owning department. The runtime's `DefinitionRepository` knows keys and
 * versions; the server adds which department implements a key, written in the same transaction as the
 * version so that a refused or failed deploy stores nothing at all.
 */
import type { Knex } from 'knex';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import type { DeployedDefinition } from '../../engine/runtime/ports.js';
import { KnexDefinitionRepository } from '../store/knex-definition-repository.js';

/** A deployed version with its department. */
export interface OwnedDefinition extends DeployedDefinition {
  department: string;
}

/** The department owning `key`, or undefined for a key never deployed. */
export async function ownerOf(knex: Knex, key: string): Promise<string | undefined> {
  const row = await knex('definition_departments').where({ key }).first('department');
  return row ? String(row.department) : undefined;
}

/**
 * Deploys `loaded` as `version` (the next free version when absent) and records `department` as the key's
 * owner if it has none. Throws `ConflictError` when the version exists.
 */
export async function deployOwned(
  knex: Knex,
  args: { loaded: ExecutableDefinition; version?: number; department: string; sourceXml: string; at: string },
): Promise<DeployedDefinition> {
  return knex.transaction(async (trx) => {
    const key = args.loaded.key;
    await trx('definition_departments').insert({ key, department: args.department, created_at: args.at }).onConflict('key').ignore();
    let version = args.version;
    if (version === undefined) {
      const row = await trx('definition_versions').where({ key }).max<{ v: number | string | null }[]>({ v: 'version' }).first();
      version = Number(row?.v ?? 0) + 1;
    }
    // The repository opens a nested transaction (a savepoint) inside ours: all or nothing.
    const repository = new KnexDefinitionRepository(trx as unknown as Knex);
    return repository.deploy({ definition: { ...args.loaded, version }, sourceXml: args.sourceXml, at: args.at });
  });
}

/** Every deployed version (of `key`), with its department. */
export async function listOwned(knex: Knex, key?: string): Promise<OwnedDefinition[]> {
  const versions = await new KnexDefinitionRepository(knex).list(key);
  const owners = new Map((await knex('definition_departments').select('key', 'department')).map((r: { key: string; department: string }) => [r.key, r.department]));
  return versions.map((v) => ({ ...v, department: owners.get(v.key) ?? '' }));
}

/** The BPMN source a version of `key` was deployed from, or undefined when there is no such version. */
export async function sourceOf(knex: Knex, key: string, version: number): Promise<string | undefined> {
  const row = await knex('definition_versions').where({ key, version }).first('source_xml');
  return row ? String(row.source_xml) : undefined;
}
