/**
 * E-certificates anyone can check (电子证照核验): the departments' published e-seal keys, and whether a
 * certificate is authentic, by its number (the one Shenpi holds) or as presented (a copy someone shows). None
 * of these needs a login; each is rate limited like the public progress query.
 */
import { Type } from '@sinclair/typebox';
import {
  CertificateKeysQuerySchema, CertificateNumberParamsSchema, CertificateVerificationSchema, DepartmentParamsSchema, PresentedCertificateSchema, SealKeySchema,
  type CertificateKeysQuery, type CertificateNumberParams, type CertificateVerification, type DepartmentParams,
} from '../../contracts/api/certificates.js';
import type { FastifyPluginAsync } from 'fastify';
import type { ApprovalCaseState, CertificateRecord } from '../../engine/approval/index.js';
import { toZoned } from '../../engine/calendar/dates.js';
import { notFound } from '../http/errors.js';
import { errors } from '../http/schemas.js';
import { verifyCertificate, type Verification } from '../seal/verify.js';
import '../plugins/types.js';

/** `/api/certificates/keys`, `/api/departments/:department/public-key`, `/api/certificates/:number/verify`. */
export const certificateRoutes: FastifyPluginAsync = async (app) => {
  const limit = { rateLimit: { max: app.config.progressRateLimit, timeWindow: 60_000 } };

  app.get<{ Querystring: CertificateKeysQuery }>('/api/certificates/keys', {
    config: limit,
    schema: {
      tags: ['public'], summary: "The departments' e-seal public keys (SPKI PEM), by which anyone can check a certificate's seal", security: [],
      querystring: CertificateKeysQuerySchema,
      response: { 200: Type.Array(SealKeySchema), ...errors(400, 429) },
    },
  }, async (request) => app.cases.seals.publicKeys(request.query.department));

  app.get<{ Params: DepartmentParams }>('/api/departments/:department/public-key', {
    config: limit,
    schema: {
      tags: ['public'], summary: "A department's current e-seal public key", security: [],
      params: DepartmentParamsSchema,
      response: { 200: SealKeySchema, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const keys = await app.cases.seals.publicKeys(request.params.department);
    const current = keys.at(-1);
    if (!current) throw notFound(`an e-seal key of department '${request.params.department}'`);
    return current;
  });

  /** The stored certificate of `number` with its case, or 404. */
  async function stored(number: string): Promise<{ caseNo: string; itemCode: string; certificate: CertificateRecord; revoked: boolean }> {
    const row = (await app.store.knex('certificates').where({ number }).first('case_no', 'item_code')) as { case_no: string; item_code: string } | undefined;
    const s = row && ((await app.store.cases.loadCase(row.case_no))?.state as unknown as ApprovalCaseState | undefined)?.approval;
    if (!row || !s?.certificate || s.certificate.number !== number) throw notFound(`a certificate numbered '${number}'`);
    return { caseNo: row.case_no, itemCode: row.item_code, certificate: s.certificate, revoked: s.phase === 'revoked' };
  }

  function answer(certificate: CertificateRecord, itemCode: string, revoked: boolean, v: Verification): CertificateVerification {
    const today = toZoned(app.runtime.clock.now().toISOString(), app.runtime.calendar.zone).date;
    const status = revoked ? 'revoked' : certificate.validUntil && certificate.validUntil < today ? 'expired' : 'valid';
    return { number: certificate.number, authentic: v.authentic, reason: v.reason, status, itemCode, certificate, ...(v.key ? { key: v.key } : {}) };
  }

  app.get<{ Params: CertificateNumberParams }>('/api/certificates/:number/verify', {
    config: limit,
    schema: {
      tags: ['public'], summary: 'Whether the certificate of this number is authentic: sealed by its issuer with a published key, unchanged since', security: [],
      params: CertificateNumberParamsSchema, response: { 200: CertificateVerificationSchema, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const found = await stored(request.params.number);
    return answer(found.certificate, found.itemCode, found.revoked, await verifyCertificate(app.cases.seals, found.certificate, found));
  });

  app.post<{ Body: CertificateRecord }>('/api/certificates/verify', {
    config: limit,
    schema: {
      tags: ['public'], summary: 'Whether a certificate as presented (its JSON, seal included) is authentic: a copy with any field changed fails', security: [],
      body: PresentedCertificateSchema, response: { 200: CertificateVerificationSchema, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const found = await stored(request.body.number);
    return answer(request.body, found.itemCode, found.revoked, await verifyCertificate(app.cases.seals, request.body, found));
  });
};

