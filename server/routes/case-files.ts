/**
 * The uploaded materials of a case, for staff to read in pre-review and handling (and the applicant their own):
 * the bytes of the latest file on record for a material, checked against the sha256 they were stored under, so
 * that what an official reads is exactly what the applicant handed in (电子材料 的完整性, 行政许可法 第33条).
 * PDF and images are served inline (the case page shows them), everything else as an attachment.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { caseFor } from '../http/case-guard.js';
import { ApiError, notFound } from '../http/errors.js';
import { errors } from '../http/schemas.js';
import { listUploads } from '../queries/case-uploads.js';
import { CaseMaterialParamsSchema, CaseMaterialQuerySchema, type CaseMaterialParams, type CaseMaterialQuery } from '../../contracts/api/materials.js';
import '../plugins/types.js';

/** Types a browser shows in the page itself. */
const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** An RFC 6266 Content-Disposition with the UTF-8 file name (Chinese names) and an ASCII fallback. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** `GET /api/cases/:caseNo/materials/:material`. */
export const caseFileRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: CaseMaterialParams; Querystring: CaseMaterialQuery }>('/api/cases/:caseNo/materials/:material', {
    schema: {
      tags: ['cases'], summary: 'The latest uploaded file of a material of the case (inline for PDF and images; ?download=true as attachment)',
      params: CaseMaterialParamsSchema,
      querystring: CaseMaterialQuerySchema,
      response: { 200: { type: 'string', format: 'binary' }, ...errors(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { caseNo, material } = request.params;
    await caseFor(app, request, caseNo);
    const view = await app.cases.service.getCase(caseNo);
    // On file first (the case's record), then an upload still waiting for the correction supply.
    const onFile = [...(view?.lifecycle.materials ?? [])].reverse().find((m) => m.material === material && m.kind === 'upload');
    const pending = onFile ? undefined : (await listUploads(app.store.knex, caseNo, true)).reverse().find((u) => u.material === material);
    const file = onFile ?? pending;
    if (!file || !('ref' in file) || !file.ref) throw notFound(`an uploaded file of material '${material}' of case '${caseNo}'`);
    const bytes = await app.cases.files.get(file.ref);
    if (!bytes) throw notFound(`the stored file of material '${material}' of case '${caseNo}'`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== file.sha256) throw new ApiError('CONFLICT', `Expected the file of material '${material}' to have sha256 ${file.sha256}, but the stored bytes have ${sha256}`);
    const type = file.contentType ?? 'application/octet-stream';
    const kind = INLINE.has(type) && !request.query.download ? 'inline' : 'attachment';
    return reply.type(type).header('content-disposition', contentDisposition(kind, file.name ?? `${material}`))
      .header('x-content-sha256', sha256).header('x-content-type-options', 'nosniff').send(Buffer.from(bytes));
  });
};
