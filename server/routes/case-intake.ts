/**
 * Intake of an approval case (行政许可法 第32条): uploading materials, the one correction notice and its
 * supply, acceptance with its notice and promised date, non-acceptance with reasons, and withdrawal by the
 * applicant. Uploads are checked (type by content, size) and stored by checksum; they reach the case with
 * the next correction supply.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { MaterialInput } from '../cases/service-types.js';
import {
  AcceptBodySchema, CorrectionNoticeBodySchema, CorrectionSupplyBodySchema, RejectBodySchema, UploadSchema, WithdrawBodySchema,
  type AcceptBody, type CorrectionNoticeBody, type CorrectionSupplyBody, type RejectBody, type SuppliedMaterial, type WithdrawBody,
} from '../../contracts/api/case-intake.js';
import type { CaseParams } from '../../contracts/api/process-cases.js';
import { caseCommandSchema, caseParams } from '../http/case-schemas.js';
import { auditedCase, caseActor, caseFor, emptyBodyAsObject, servedOrThrow } from '../http/case-guard.js';
import { ApiError } from '../http/errors.js';
import { readMultipart } from '../http/multipart.js';
import { errors } from '../http/schemas.js';
import { acceptUpload } from '../http/uploads.js';
import { listUploads, markSupplied, recordUploads } from '../queries/case-uploads.js';
import '../plugins/types.js';

type P = { Params: CaseParams };
const reply200 = { 200: caseCommandSchema, ...errors(400, 401, 403, 404, 409, 422) };
/** Materials upload, correction notice and supply, accept, reject, withdraw. */
export const caseIntakeRoutes: FastifyPluginAsync = async (app) => {
  const service = () => app.cases.service;

  app.post<P>('/api/cases/:caseNo/materials', {
    bodyLimit: app.config.uploadLimit,
    schema: {
      tags: ['cases'], summary: 'Upload materials (multipart, one file part per material id; PDF, PNG, JPEG or OFD; checksum stored)', params: caseParams,
      consumes: ['multipart/form-data'],
      response: { 201: { type: 'object', required: ['caseNo', 'uploads'], properties: { caseNo: { type: 'string' }, uploads: { type: 'array', items: UploadSchema } } }, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  }, async (request, reply) => {
    const { caseNo } = request.params;
    const { user } = await caseFor(app, request, caseNo, 'case.supply');
    if (!request.isMultipart()) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Expected the materials as multipart/form-data');
    const view = (await service().getCase(caseNo))!;
    if (!['received', 'correcting', 'handling'].includes(view.lifecycle.phase)) throw new ApiError('WRONG_PHASE', `Expected a case still open for materials, but it is ${view.lifecycle.phase}`);
    const { files } = await readMultipart(request);
    if (files.length === 0) throw new ApiError('BAD_REQUEST', 'Expected at least one file part named by its material id, but there was none');
    const listed = new Set((view.lifecycle.requiredMaterials.map((m) => m.material)).concat(view.lifecycle.materials.map((m) => m.material)));
    const item = await app.cases.items.get(view.itemCode, view.itemVersion);
    for (const m of item?.listing.materials ?? []) listed.add(m.id);
    const accepted = files.map((f) => {
      if (!listed.has(f.field)) throw new ApiError('UNKNOWN_MATERIAL', `Expected materials of the item's list, but '${f.field}' is not one`);
      return { material: f.field, ...acceptUpload(f) };
    });
    // Side by side: each file waits on its own flushes to disk (LocalDiskStorage.put).
    const toRecord = await Promise.all(accepted.map(async (f) => ({ material: f.material, ...(await app.cases.files.put(f.bytes, { name: f.name, contentType: f.contentType })) })));
    const uploads = await app.audit.transaction(async (trx) => {
      const recorded = await recordUploads(trx, caseNo, toRecord, user.id, app.runtime.clock.now().toISOString());
      return { result: recorded, audit: { actorId: user.id, action: 'case.materials-uploaded', target: caseNo, details: { files: recorded.map((u) => ({ material: u.material, sha256: u.sha256, size: u.size })) } } };
    });
    return reply.status(201).send({ caseNo, uploads });
  });

  app.post<P & { Body: CorrectionNoticeBody }>('/api/cases/:caseNo/correction-notice', {
    preValidation: emptyBodyAsObject,
    schema: { tags: ['cases'], summary: 'Issue the one correction notice (一次性补正告知): the pre-review findings, or the items given', params: caseParams, body: CorrectionNoticeBodySchema, response: reply200 },
  }, async (request) => {
    const { user } = await caseFor(app, request, request.params.caseNo, 'case.intake');
    const items = request.body.items?.map((i) => ({ ...i, basis: i.basis ?? null }));
    const result = await auditedCase(user, 'correction.notified', request.params.caseNo, {}, () =>
      service().notifyCorrection(request.params.caseNo, { actor: caseActor(user), ...(items ? { items } : {}), ...(request.body.reason ? { reason: request.body.reason } : {}) }));
    const body = servedOrThrow(result, 'correction-notice');
    return body;
  });

  app.post<P & { Body: CorrectionSupplyBody }>('/api/cases/:caseNo/correction', {
    preValidation: emptyBodyAsObject,
    schema: { tags: ['cases'], summary: 'Supply the corrections: uploaded files (all pending ones by default) and shared certificates', params: caseParams, body: CorrectionSupplyBodySchema, response: reply200 },
  }, async (request) => {
    const { caseNo } = request.params;
    const { user } = await caseFor(app, request, caseNo, 'case.supply');
    const pending = await listUploads(app.store.knex, caseNo, true);
    const wanted: SuppliedMaterial[] = request.body.materials ?? pending.map((u) => ({ material: u.material, upload: u.id }));
    const used: string[] = [];
    const materials: MaterialInput[] = wanted.map((m) => {
      if (m.shared) return { material: m.material, shared: m.shared };
      const upload = pending.find((u) => u.id === m.upload && u.material === m.material);
      if (!upload) throw new ApiError('UNKNOWN_MATERIAL', `Expected a pending upload ${m.upload} of material '${m.material}', but there is none`);
      used.push(upload.id);
      return { material: m.material, stored: { name: upload.name, ref: upload.ref, sha256: upload.sha256, size: upload.size, contentType: upload.contentType } };
    });
    const body = servedOrThrow(await auditedCase(user, 'correction.supplied', caseNo, { materials: materials.map((m) => m.material) }, () =>
      service().supplyCorrection(caseNo, { actor: caseActor(user), materials })));
    await markSupplied(app.store.knex, used, app.runtime.clock.now().toISOString());
    return body;
  });

  app.post<P & { Body: AcceptBody }>('/api/cases/:caseNo/accept', {
    preValidation: emptyBodyAsObject,
    schema: { tags: ['cases'], summary: 'Accept (受理): the acceptance notice with the promised date', params: caseParams, body: AcceptBodySchema, response: reply200 },
  }, async (request) => {
    const { user } = await caseFor(app, request, request.params.caseNo, 'case.intake');
    const body = servedOrThrow(await auditedCase(user, 'case.accepted', request.params.caseNo, {}, () =>
      service().accept(request.params.caseNo, { actor: caseActor(user), ...(request.body.deferred ? { deferred: request.body.deferred } : {}) })), 'acceptance-notice');
    return body;
  });

  app.post<P & { Body: RejectBody }>('/api/cases/:caseNo/reject', {
    preValidation: emptyBodyAsObject,
    schema: { tags: ['cases'], summary: 'Do not accept (不予受理): the decision with reasons and legal basis', params: caseParams, body: RejectBodySchema, response: reply200 },
  }, async (request) => {
    const { user } = await caseFor(app, request, request.params.caseNo, 'case.intake');
    const reasons = request.body.reasons?.map((r) => ({ ...r, basis: r.basis ?? null }));
    const body = servedOrThrow(await auditedCase(user, 'case.rejected', request.params.caseNo, {}, () =>
      service().reject(request.params.caseNo, { actor: caseActor(user), ...(reasons ? { reasons } : {}) })), 'non-acceptance');
    return body;
  });

  app.post<P & { Body: WithdrawBody }>('/api/cases/:caseNo/withdraw', {
    schema: { tags: ['cases'], summary: 'Withdraw the application (撤回), by the applicant or their agent', params: caseParams, body: WithdrawBodySchema, response: reply200 },
  }, async (request) => {
    const { user } = await caseFor(app, request, request.params.caseNo, 'case.withdraw');
    const body = servedOrThrow(await auditedCase(user, 'case.withdrawn', request.params.caseNo, { reason: request.body.reason }, () =>
      service().withdraw(request.params.caseNo, { reason: request.body.reason, actor: caseActor(user) })));
    return body;
  });
};
