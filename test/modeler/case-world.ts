/**
 * The case world of the console and portal browser scenarios: the food business licence (ITEM-02) deployed
 * into the harness server as an item package, demo users of its department, and API helpers that go through
 * `inject()` on the same server the browser talks to (to compare what a page shows with what the API says).
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_DEMO_DEPARTMENTS, type DemoDepartment } from '../../server/identity/seed.js';
import { deployItemVersion } from '../../server/cases/item-deployment.js';
import { readItemFolder } from '../../server/cases/item-folder.js';
import { itemFolder } from '../items/support.js';
import { DEMO_PASSWORD, login } from '../server/helper.js';

/** The implementing department of ITEM-02, as its package names it. */
export const FOOD_DEPARTMENT = '区市场监督管理局';

/** The demo departments of the harness: the modeler's default one, and ITEM-02's with the step roles of its process. */
export const HARNESS_DEPARTMENTS: readonly DemoDepartment[] = [
  ...DEFAULT_DEMO_DEPARTMENTS,
  { department: FOOD_DEPARTMENT, slug: 'food', groups: ['clerk', 'reviewer', 'section-chief', 'deputy-director', 'inspector', 'issuer', 'chief', 'registrar', 'registration-approver', 'window-clerk'] },
];

/** Staff of ITEM-02's department, the applicant and the auditor, with the demo password. */
export const FOOD_STAFF = { username: 'food-staff', password: DEMO_PASSWORD };
export const APPLICANT = { username: 'applicant', password: DEMO_PASSWORD };

/** The answers of an enterprise opening a restaurant itself, offline only: materials M1–M4 (M2 shared). */
export const FOOD_FACTS = {
  'applicant.kind': 'ENTERPRISE', 'applicant.hasBusinessLicence': 'true', onlyPrepackagedFood: 'false',
  operatesOnline: 'false', usesVendingMachine: 'false', byAgent: 'false',
} as const;

/** Deploys the shipped package `code` as the item's next version; throws with the findings when refused. */
export async function deployShippedItem(app: FastifyInstance, code: string, at: string): Promise<void> {
  const result = await deployItemVersion(await readItemFolder(itemFolder(code)), {
    knex: app.store.knex, items: app.cases.items, definitions: app.runtime.definitions, at, by: 'admin',
  });
  if (!result.ok) throw new Error(`${code}: ${result.findings.map((f) => f.message).join('; ')}`);
}

/** One token per server and user: logins are rate limited per address, and the browser logs in from the same one. */
const tokens = new WeakMap<FastifyInstance, Map<string, { authorization: string }>>();

async function authorization(app: FastifyInstance, user: string): Promise<{ authorization: string }> {
  const mine = tokens.get(app) ?? new Map<string, { authorization: string }>();
  tokens.set(app, mine);
  if (!mine.has(user)) mine.set(user, await login(app, user));
  return mine.get(user)!;
}

/** A JSON API call through `inject()` as `user`; throws on a status that is not 2xx. */
export async function api<T = any>(app: FastifyInstance, user: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const headers = await authorization(app, user);
  const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/** A small PDF-like file for an upload input. */
export function pdf(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) };
}
