/** The error catalogue and the mapping of thrown errors to `{ code, message, details }` bodies. */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../engine/runtime/errors.js';
import { toErrorResponse } from '../../server/http/error-handler.js';
import { APPROVAL_REJECTION_STATUS, HEARING_REJECTION_STATUS } from '../../server/http/approval-codes.js';
import { ApiError, definitionRefused, fromRefusal, REJECTION_STATUS, SERVER_STATUS, statusOf } from '../../server/http/errors.js';
import { IdentityError } from '../../server/identity/users.js';
import { RuleTableError } from '../../rules/errors.js';

describe('error catalogue', () => {
  it('maps every engine rejection code to a 4xx status', () => {
    for (const [code, status] of Object.entries(REJECTION_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(500);
    }
    expect(statusOf('TASK_NOT_ACTIVE')).toBe(409);
    expect(statusOf('TASK_ASSIGNED_TO_OTHER')).toBe(403);
    expect(statusOf('CASE_NOT_STARTED')).toBe(404);
  });

  it('maps the approval lifecycle and case-service codes, and an unmapped refusal to 422, never 500', () => {
    expect(statusOf('CORRECTION_NOTICE_WINDOW_LAPSED')).toBe(409);
    expect(statusOf('EXTENSION_OVER_CAP')).toBe(422);
    expect(statusOf('NOT_THE_APPLICANT')).toBe(403);
    expect(statusOf('ITEM_NOT_AVAILABLE')).toBe(404);
    for (const status of Object.values(APPROVAL_REJECTION_STATUS)) expect([403, 404, 409, 422]).toContain(status);
    // a hearing request after the Art. 47 window breaks the law's limit; notifying twice is a state conflict
    expect(statusOf('HEARING_REQUEST_LATE')).toBe(422);
    expect(statusOf('HEARING_ALREADY_NOTIFIED')).toBe(409);
    for (const status of Object.values(HEARING_REJECTION_STATUS)) expect([403, 409, 422]).toContain(status);
    expect(fromRefusal({ code: 'SOMETHING_NEW', message: 'Expected x, but y' }).statusCode).toBe(422);
  });

  it('keeps only INTERNAL and NOT_READY at 5xx among the server codes', () => {
    const fiveHundreds = Object.entries(SERVER_STATUS).filter(([, s]) => s >= 500).map(([c]) => c);
    expect(fiveHundreds.sort()).toEqual(['INTERNAL', 'NOT_READY']);
  });

  it('answers a conflict with 409 CONFLICT and its message', () => {
    const res = toErrorResponse(new ConflictError('Expected case A to be at version 2, but it moved on', 'A'));
    expect(res).toEqual({ status: 409, body: { code: 'CONFLICT', message: 'Expected case A to be at version 2, but it moved on' } });
  });

  it('lists definition findings with their element ids', () => {
    const refused = definitionRefused([
      { id: 'review', rule: 'user-task-assignment', message: 'needs a department', severity: 'error' },
      { id: 'f1', rule: 'label', message: 'no name', severity: 'warning' },
    ]);
    const { status, body } = toErrorResponse(refused);
    expect(status).toBe(422);
    expect(body.code).toBe('DEFINITION_INVALID');
    expect(body.message).toContain("at element 'review'");
    expect((body.details!.findings as Array<{ id: string }>).map((f) => f.id)).toEqual(['review', 'f1']);
  });

  it('lists rule-table findings with their rows', () => {
    const error = new RuleTableError('bad table', [{ code: 'unique-overlap', severity: 'error', message: 'rows overlap', table: 't', row: 'AC1', rowIndex: 0 }]);
    const { status, body } = toErrorResponse(error);
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'RULE_TABLE_INVALID', details: { findings: [{ row: 'AC1', code: 'unique-overlap' }] } });
  });

  it('maps a fastify validation error to 400 with the field path', () => {
    const error = Object.assign(new Error('body/x must be integer'), {
      validation: [{ instancePath: '/variables', keyword: 'type', message: 'must be object' }, { instancePath: '', keyword: 'required', message: "must have required property 'name'", params: { missingProperty: 'name' } }],
      validationContext: 'body',
      statusCode: 400,
    });
    const { status, body } = toErrorResponse(error);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect((body.details!.errors as Array<{ path: string }>).map((e) => e.path)).toEqual(['/body/variables', '/body/name']);
  });

  it('maps errors of plain modules by their catalogue code', () => {
    expect(toErrorResponse(new IdentityError('CONFLICT', 'taken')).status).toBe(409);
    expect(toErrorResponse(new IdentityError('BUSINESS_RULE', 'no department')).status).toBe(422);
  });

  it('maps body-size, media-type and JSON syntax errors of fastify to 413, 415 and 400', () => {
    const fst = (code: string, statusCode: number) => Object.assign(new Error(code), { code, statusCode });
    expect(toErrorResponse(fst('FST_ERR_CTP_BODY_TOO_LARGE', 413)).body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(toErrorResponse(fst('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415))).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(toErrorResponse(fst('FST_ERR_CTP_INVALID_JSON_BODY', 400))).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
  });

  it('hides the message of an unexpected error behind 500 INTERNAL', () => {
    const { status, body } = toErrorResponse(new TypeError('secret internals'));
    expect(status).toBe(500);
    expect(body.code).toBe('INTERNAL');
    expect(body.message).not.toContain('secret');
  });

  it('keeps an ApiError as it is', () => {
    expect(toErrorResponse(new ApiError('FORBIDDEN', 'no', { action: 'x' }))).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'no', details: { action: 'x' } } });
  });
});
