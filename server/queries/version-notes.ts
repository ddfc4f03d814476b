/**
 * Change notes of deployed versions (变更说明): one per version of an item or of a plain definition, written
 * in the deploy's transaction and shown in the version history.
 */
import { VersionNoteSchema } from '../../contracts/api/definitions.js';
import type { Knex } from 'knex';

/** What a note belongs to: an item version or a plain definition version. */
export type NoteKind = 'item' | 'definition';

/** Records `note` for `key`@`version` (inside the caller's transaction). */
export async function recordNote(trx: Knex, args: { kind: NoteKind; key: string; version: number; note: string }): Promise<void> {
  await trx('version_notes').insert(args);
}

/** The notes of every version of `key`, by version. */
export async function notesOf(knex: Knex, kind: NoteKind, key?: string): Promise<Map<string, string>> {
  const rows = await knex('version_notes').where({ kind, ...(key !== undefined ? { key } : {}) }).select('key', 'version', 'note');
  return new Map(rows.map((r: { key: string; version: number | string; note: string }) => [`${r.key}@${Number(r.version)}`, r.note]));
}

/**
 * Who deployed each of `targets` (`key@version`), from the audit entries `definition.deployed`: a plain
 * definition's version row keeps no deployer, and the entry committed with the deploy names them.
 */
export async function definitionDeployers(knex: Knex, targets: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  // In chunks: SQLite binds at most a few thousand parameters per statement.
  for (let i = 0; i < targets.length; i += 500) {
    const rows = await knex('audit_log').where({ action: 'definition.deployed' }).whereIn('target', targets.slice(i, i + 500)).select('target', 'actor_id');
    for (const r of rows as { target: string; actor_id: string }[]) found.set(r.target, r.actor_id);
  }
  return found;
}

/** The JSON Schema of a change note in a request. */
export const noteSchema = VersionNoteSchema;
