/**
 * Helpers for the legal-clock route tests: a new version of a shipped item with its listing changed, deployed
 * through the API, and short readers of a case's clocks, documents and supervision notices.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { itemFiles } from '../items/support.js';

/** Deploys a new version of shipped item `code` with `edit` applied to its item.json; returns the version. */
export async function deployEdited(app: FastifyInstance, admin: Record<string, string>, code: string, edit: (listing: Record<string, any>) => void): Promise<number> {
  const files = await itemFiles(code);
  const listing = JSON.parse(files['item.json']!);
  edit(listing);
  files['item.json'] = JSON.stringify(listing, null, 2);
  const res = await app.inject({ method: 'POST', url: `/api/items/${code}/versions`, headers: admin, payload: { files } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ version: number }>().version;
}

/** A case's detail as the auditor reads it. */
export async function caseDetail(app: FastifyInstance, auditor: Record<string, string>, caseNo: string): Promise<any> {
  const res = await app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: auditor });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A document of a case as HTML; expects 200. */
export async function caseDocument(app: FastifyInstance, token: Record<string, string>, caseNo: string, kind: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/cases/${caseNo}/documents/${kind}`, headers: token });
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
}

/** The supervision notices of a case, oldest first. */
export async function notices(app: FastifyInstance, auditor: Record<string, string>, caseNo: string): Promise<any[]> {
  const res = await app.inject({ method: 'GET', url: `/api/supervision/notices?caseNo=${caseNo}`, headers: auditor });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
