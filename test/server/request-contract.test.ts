/**
 * The request side of the API contract: the OpenAPI document describes the task, definition and case
 * requests exactly as the TypeBox schemas of contracts/api state them, and the server refuses what they refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefinitionDeployBodySchema } from '../../contracts/api/definitions.js';
import { MessageBodySchema, ProcessCaseStartBodySchema } from '../../contracts/api/process-cases.js';
import { TaskAddSignersBodySchema, TaskRejectBodySchema } from '../../contracts/api/task-operations.js';
import { TaskClaimBodySchema, TaskCompleteBodySchema, TaskInboxQuerySchema } from '../../contracts/api/tasks.js';
import { buildTestApp, login, type TestApp } from './helper.js';

type Operation = { parameters?: Array<{ in: string; name: string; required?: boolean; schema: Record<string, unknown> }>; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } };
type Doc = { paths: Record<string, Record<string, Operation>> };

/** A schema as JSON carries it (TypeBox's symbols dropped). */
const plain = (schema: unknown) => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await buildTestApp();
  doc = (await t.app.inject('/openapi.json')).json<Doc>();
});
afterAll(() => t.close());

const body = (path: string, method = 'post', type = 'application/json') => doc.paths[path]![method]!.requestBody!.content[type]!.schema;

describe('the request contract', () => {
  it('documents the task, case and definition bodies as contracts/api states them', () => {
    expect(body('/api/tasks/{id}/complete')).toEqual(plain(TaskCompleteBodySchema));
    expect(body('/api/tasks/{id}/claim')).toEqual(plain(TaskClaimBodySchema));
    expect(body('/api/tasks/{id}/signers')).toEqual(plain(TaskAddSignersBodySchema));
    expect(body('/api/tasks/{id}/reject')).toEqual(plain(TaskRejectBodySchema));
    expect(body('/api/process-cases')).toEqual(plain(ProcessCaseStartBodySchema));
    expect(body('/api/messages')).toEqual(plain(MessageBodySchema));
    expect(body('/api/definitions')).toEqual(plain(DefinitionDeployBodySchema));
  });

  it("documents the inbox's filters and the task path from the contract", () => {
    const inbox = doc.paths['/api/tasks']!.get!.parameters!.filter((p) => p.in === 'query');
    expect(inbox.map((p) => p.name).sort()).toEqual(Object.keys(TaskInboxQuerySchema.properties).sort());
    expect(inbox.find((p) => p.name === 'status')!.schema).toMatchObject({ enum: ['active', 'completed', 'cancelled'], default: 'active' });
    const id = doc.paths['/api/tasks/{id}/complete']!.post!.parameters!.find((p) => p.in === 'path');
    expect(id).toMatchObject({ name: 'id', required: true, schema: { type: 'string', minLength: 3, maxLength: 200 } });
  });

  it('refuses what the contract refuses: an unknown field, a too long opinion, an unknown inbox filter', async () => {
    const staff = await login(t.app, 'market-staff');
    const complete = (payload: object) => t.app.inject({ method: 'POST', url: '/api/tasks/SP-1%3Areview/complete', headers: staff, payload });
    expect((await complete({ verdict: 'approve' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ path: '/body/verdict' }] } });
    expect((await complete({ opinion: '意'.repeat(4001) })).json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ path: '/body/opinion', keyword: 'maxLength' }] } });
    expect((await t.app.inject({ method: 'GET', url: '/api/tasks?colour=red', headers: staff })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/tasks?status=active&limit=501', headers: staff })).statusCode).toBe(400);
  });
});
