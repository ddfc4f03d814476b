/**
 * Turns every thrown error into the catalogue's JSON body. Bad input of any kind (schema, JSON syntax, size,
 * media type) is a 4xx with a stable code; only a bug or an infrastructure failure is a 500, and its
 * message is not leaked to the client (it is logged with the request id instead).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConflict } from '../../engine/runtime/errors.js';
import type { Finding as RuleFinding } from '../../rules/model.js';
import { negotiateLanguage, ruleRefusalBody } from '../../contracts/messages/index.js';
import { ApiError, ruleTableRefused, SERVER_STATUS, statusOf, type ErrorBody, type ErrorCode } from './errors.js';

/** One schema violation with the JSON path of the offending field (`/body/variables/amount`). */
export interface FieldError {
  path: string;
  message: string;
  keyword: string;
  /** The schema keyword's parameters (`limit`, `type` …), for a message in another language. */
  params?: Record<string, unknown>;
}

/** fastify error codes that are the client's doing, by catalogue code. */
const CLIENT_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Codes for the remaining 4xx statuses that fastify or a plugin may set on an error. */
const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

type ValidationError = FastifyError & { validation: Array<{ instancePath?: string; keyword: string; message?: string; params?: Record<string, unknown> }>; validationContext?: string };

/** The field errors of a fastify validation error, each with a full JSON path. */
export function fieldErrors(error: ValidationError): FieldError[] {
  const part = error.validationContext ?? 'body';
  return error.validation.map((v) => {
    // `required` and `additionalProperties` point at the parent; name the field itself.
    const child = v.params?.missingProperty ?? v.params?.additionalProperty;
    const path = `/${part}${v.instancePath ?? ''}${child === undefined ? '' : `/${String(child)}`}`;
    return { path, message: v.message ?? v.keyword, keyword: v.keyword, ...(v.params ? { params: { ...v.params } } : {}) };
  });
}

/** Maps any error to a status and body. Exported for tests of the mapping itself. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ApiError) return { status: error.statusCode, body: error.toBody() };
  if (isConflict(error)) return { status: 409, body: { code: 'CONFLICT', message: error.message } };
  // Plain modules (the user directory …) throw errors carrying a catalogue code without knowing HTTP.
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && Object.hasOwn(SERVER_STATUS, code)) {
    return { status: statusOf(code), body: { code, message: error.message } };
  }
  if (error instanceof Error && error.name === 'RuleTableError' && Array.isArray((error as { findings?: unknown }).findings)) {
    const refused = ruleTableRefused((error as unknown as { findings: RuleFinding[] }).findings);
    return { status: refused.statusCode, body: refused.toBody() };
  }
  const e = error as Partial<ValidationError>;
  if (Array.isArray(e.validation)) {
    const errors = fieldErrors(e as ValidationError);
    const first = errors[0];
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: first ? `Expected ${first.path} to be valid, but it ${first.message}` : 'Invalid request', details: { errors } },
    };
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  const known = e.code === undefined ? undefined : CLIENT_CODES[e.code];
  if (known) return { status: known === 'MALFORMED_JSON' ? 400 : status >= 400 && status < 500 ? status : 400, body: { code: known, message: e.message ?? known } };
  if (status >= 400 && status < 500) {
    return { status, body: { code: BY_STATUS[status] ?? 'BAD_REQUEST', message: e.message ?? 'Bad request' } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'An internal error occurred; it was logged with the request id' } };
}

/** A reply body that is a refusal of the catalogue. */
function isRefusal(payload: unknown): payload is ErrorBody {
  return !!payload && typeof payload === 'object' && typeof (payload as ErrorBody).code === 'string' && typeof (payload as ErrorBody).message === 'string';
}

/**
 * Installs the error and not-found handlers on the root instance (before any route is registered). Every
 * refusal's message (and the message of each rule-table finding it carries) is rendered in the language the
 * request asks for (zh-CN unless it prefers English);
 * clients branch on `code`, people read `message`.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode < 400 || !isRefusal(payload)) return payload;
    const language = negotiateLanguage(request.headers['accept-language']);
    void reply.header('content-language', language);
    // Rule-table findings are worded by their message codes, and the refusal names the first error.
    return { ...payload, ...ruleRefusalBody(payload, language) };
  });
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, status }, 'request refused');
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: `Expected a route for ${request.method} ${request.url.split('?')[0]}, but there is none` } satisfies ErrorBody);
  });
}
