/** Material files uploaded to a case (`case_uploads`): staged until a correction supply hands them to the case. */
import type { Knex } from 'knex';
import type { StoredFile } from '../cases/file-storage.js';
import { instant } from '../store/rows.js';

/** An uploaded file of a case. */
export interface CaseUpload extends StoredFile {
  id: string;
  material: string;
  uploadedBy: string;
  uploadedAt: string;
  suppliedAt?: string;
}

/** Records uploaded files; returns them with their ids. */
export async function recordUploads(knex: Knex, caseNo: string, files: Array<StoredFile & { material: string }>, by: string, at: string): Promise<CaseUpload[]> {
  const out: CaseUpload[] = [];
  await knex.transaction(async (trx) => {
    for (const f of files) {
      const [row] = await trx('case_uploads').insert({
        case_no: caseNo, material: f.material, name: f.name, ref: f.ref, sha256: f.sha256, size: f.size, content_type: f.contentType, uploaded_by: by, uploaded_at: at,
      }).returning('id');
      const id = typeof row === 'object' ? (row as { id: number | string }).id : row;
      out.push({ ...f, id: String(id), uploadedBy: by, uploadedAt: at });
    }
  });
  return out;
}

/** The uploads of a case, oldest first; only those not yet supplied with `pending`. */
export async function listUploads(knex: Knex, caseNo: string, pending = false): Promise<CaseUpload[]> {
  const query = knex('case_uploads').where({ case_no: caseNo }).orderBy('id');
  if (pending) query.whereNull('supplied_at');
  return (await query).map((r: Record<string, unknown>) => ({
    id: String(r.id), material: String(r.material), name: String(r.name), ref: String(r.ref), sha256: String(r.sha256), size: Number(r.size),
    contentType: String(r.content_type), uploadedBy: String(r.uploaded_by), uploadedAt: instant(r.uploaded_at)!,
    ...(r.supplied_at ? { suppliedAt: instant(r.supplied_at)! } : {}),
  }));
}

/** Marks uploads as handed to the case. */
export async function markSupplied(knex: Knex, ids: readonly string[], at: string): Promise<void> {
  if (ids.length) await knex('case_uploads').whereIn('id', ids.map(Number)).update({ supplied_at: at });
}
