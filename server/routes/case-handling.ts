/**
 * Handling and after: returning to an earlier step, special procedures that suspend the case (行政许可法
 * 第45条), the one extension (第42条), the certificate and its delivery (第44条), fees, the applicant's
 * evaluation (好差评), the rectification it may open and the revocation (第69条). Task work itself goes through
 * /api/tasks.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Action } from '../identity/permissions.js';
import type { ServiceResult } from '../cases/service-types.js';
import type { AuthUser } from '../identity/roles.js';
import { caseCommandSchema, caseParams } from '../http/case-schemas.js';
import { auditedCase, caseActor, caseFor, emptyBodyAsObject, servedOrThrow } from '../http/case-guard.js';
import { errors } from '../http/schemas.js';
import {
  CaseReturnBodySchema, CertificateIssueBodySchema, DeliveryBodySchema, EvaluationBodySchema, ExtensionBodySchema, PaymentBodySchema,
  RectificationBodySchema, RevocationBodySchema, SpecialProcedureEndBodySchema, SpecialProcedureParamsSchema, SpecialProcedureStartBodySchema,
  type CaseReturnBody, type CertificateIssueBody, type DeliveryBody, type EvaluationBody, type ExtensionBody, type PaymentBody,
  type RectificationBody, type RevocationBody, type SpecialProcedureEndBody, type SpecialProcedureStartBody,
} from '../../contracts/api/case-handling.js';
import '../plugins/types.js';

const reply200 = { 200: caseCommandSchema, ...errors(400, 401, 403, 404, 409, 422) };

/** One case command route: load and authorise the case, run the command, audit it, answer. */
interface CommandRoute<B> {
  path: string;
  summary: string;
  action: Action;
  audit: string;
  body: object;
  params?: object;
  /** The document the command produces, answered as its URL. */
  document?: string;
  run(caseNo: string, body: B, user: AuthUser, params: Record<string, string>): Promise<ServiceResult<object>>;
}

/** Return, extension, special procedures, certificate, delivery, payments, evaluation, rectification. */
export const caseHandlingRoutes: FastifyPluginAsync = async (app) => {
  const service = () => app.cases.service;

  function command<B>(r: CommandRoute<B>): void {
    app.post<{ Params: { caseNo: string } & Record<string, string>; Body: B }>(`/api/cases/:caseNo/${r.path}`, {
      preValidation: emptyBodyAsObject,
      schema: { tags: ['cases'], summary: r.summary, params: r.params ?? caseParams, body: r.body, response: reply200 },
    }, async (request) => {
      const { caseNo } = request.params;
      const { user } = await caseFor(app, request, caseNo, r.action);
      const details = request.params.id ? { id: request.params.id } : {};
      return servedOrThrow(await auditedCase(user, r.audit, caseNo, details, () => r.run(caseNo, request.body as B, user, request.params)), r.document);
    });
  }

  command<CaseReturnBody>({
    path: 'return', summary: 'Return the case to an earlier step (退回), with the reason', action: 'case.handle', audit: 'case.returned',
    body: CaseReturnBodySchema,
    run: (caseNo, b, user) => service().returnCase(caseNo, { toElementId: b.toElementId, reason: b.reason, actor: caseActor(user) }),
  });

  command<ExtensionBody>({
    path: 'extension', summary: 'Approve the one extension (延长审批, 行政许可法第42条): 10 WD by the agency head unless the item says otherwise; the extension notice tells the applicant the reason', action: 'case.intake', audit: 'extension.approved', document: 'extension-notice',
    body: ExtensionBodySchema,
    run: (caseNo, b, user) => service().approveExtension(caseNo, { requested: b.requested, reason: b.reason, actor: caseActor(user) }),
  });

  command<SpecialProcedureStartBody>({
    // It suspends the whole case and tells the applicant in writing: on a joint case the lead department's
    // (一窗受理、统一告知), as acceptance and the result are; a co-department works its own step.
    path: 'special-procedures', summary: 'Start a special procedure (特别程序): reason, basis and expected duration told to the applicant; the lead department', action: 'case.intake', audit: 'special-procedure.started', document: 'special-procedure-notice',
    body: SpecialProcedureStartBodySchema,
    run: async (caseNo, b, user) => {
      const ledger = (await service().getCase(caseNo))?.lifecycle.ledger ?? [];
      const id = b.id ?? `sp-${ledger.length + 1}`;
      const result = await service().startSpecialProcedure(caseNo, { id, procedure: b.procedure, reason: b.reason, basis: b.basis, ...(b.expectedDuration ? { expectedDuration: b.expectedDuration } : {}), actor: caseActor(user) });
      return result.ok ? { ...result, id } : result;
    },
  });

  command<SpecialProcedureEndBody>({
    path: 'special-procedures/:id/end', summary: 'End a special procedure: the case resumes and its clocks run again; the lead department', action: 'case.intake', audit: 'special-procedure.ended',
    params: SpecialProcedureParamsSchema,
    body: SpecialProcedureEndBodySchema,
    run: (caseNo, b, user, params) => service().endSpecialProcedure(caseNo, { id: params.id!, ...(b.result ? { result: b.result } : {}), actor: caseActor(user) }),
  });

  command<CertificateIssueBody>({
    path: 'certificate', summary: 'Issue the certificate to the certificate library (统一发证), before the issue step completes', action: 'case.intake', audit: 'certificate.issued',
    body: CertificateIssueBodySchema,
    run: (caseNo, b, user) => service().issueCertificate(caseNo, { actor: caseActor(user), ...(b.number ? { number: b.number } : {}) }),
  });

  command<DeliveryBody>({
    path: 'delivery', summary: 'Record how the result reached the applicant (pickup, express with tracking number, online)', action: 'case.intake', audit: 'delivery.recorded',
    body: DeliveryBodySchema,
    run: (caseNo, b, user) => service().recordDelivery(caseNo, { method: b.method, ...(b.trackingNumber ? { trackingNumber: b.trackingNumber } : {}), ...(b.carrier ? { carrier: b.carrier } : {}), actor: caseActor(user) }),
  });

  command<PaymentBody>({
    path: 'payments', summary: 'Confirm a fee payment (online by the applicant, or at the window)', action: 'case.pay', audit: 'payment.confirmed',
    body: PaymentBodySchema,
    run: (caseNo, b, user) => service().confirmPayment(caseNo, { amount: b.amount, reference: b.reference, actor: caseActor(user) }),
  });

  command<EvaluationBody>({
    path: 'evaluation', summary: 'Evaluate the service (好差评, 1 非常满意 … 5 非常不满意); 4 and 5 open a rectification', action: 'case.evaluate', audit: 'case.evaluated',
    body: EvaluationBodySchema,
    run: (caseNo, b, user) => service().evaluate(caseNo, { grade: b.grade, ...(b.comment ? { comment: b.comment } : {}), actor: caseActor(user) }),
  });

  command<RectificationBody>({
    path: 'rectification', summary: 'Complete the rectification a poor evaluation opened (整改)', action: 'case.intake', audit: 'rectification.completed',
    body: RectificationBodySchema,
    run: (caseNo, b, user) => service().completeRectification(caseNo, { note: b.note, actor: caseActor(user) }),
  });

  command<RevocationBody>({
    path: 'revocation', summary: 'Revoke the licence of a concluded case (撤销行政许可, 行政许可法第69条) with the reason and the legal basis; its certificate then verifies as revoked', action: 'case.revoke', audit: 'case.revoked',
    body: RevocationBodySchema,
    run: (caseNo, b, user) => service().revoke(caseNo, { reason: b.reason, basis: b.basis, actor: caseActor(user) }),
  });
};
