/**
 * The modeler's client of Shenpi's HTTP API. Every request carries the bearer token from the login; an
 * answer that is not 2xx becomes an {@link ApiError} with the server's code, message and findings.
 *
 * Routes: POST /api/auth/login → { token }; deploy with POST /api/definitions `{ xml, key }` (the item code is
 * the deployment key); list with GET /api/items, or GET /api/definitions while the item routes are not
 * there; a version's source with GET /api/items/:code/versions/:v/bpmn. Rule tables are saved with
 * PUT /api/items/:code/rules/:tableId when the server offers it (404 means it does not yet).
 */
import type { Finding } from '../../../definitions/findings.js';

/** An item and its deployed versions, as the modeler lists them. */
export interface ItemSummary {
  code: string;
  name?: string;
  versions: number[];
}

/** The answer to a deploy: the new version and the warnings that did not refuse it. */
export interface Deployed {
  code: string;
  version: number;
  warnings: Finding[];
}

/** A refused request: HTTP status, the server's error code and, for a refused model, its findings. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly findings: Finding[] = []) {
    super(message);
  }
}

function versionsOf(raw: any): number[] {
  const list = raw.versions ?? (raw.latestVersion !== undefined ? [raw.latestVersion] : []);
  return (list as any[]).map((v) => Number(typeof v === 'object' ? v.version : v)).filter(Number.isFinite).sort((a, b) => a - b);
}

/** A small fetch-based client bound to a base URL (the page's origin by default). */
export class ApiClient {
  private token: string | undefined;

  constructor(private readonly base = '') {}

  /** True after a successful {@link login}. */
  get loggedIn(): boolean {
    return this.token !== undefined;
  }

  private async request(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) {
      const err = await res.json().catch(() => ({}));
      const findings = err.details?.findings ?? err.findings ?? [];
      throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? res.statusText, findings);
    }
    return res;
  }

  /** Logs in and keeps the token for later requests. */
  async login(username: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    const body = await res.json();
    this.token = body.token;
  }

  /** The items with their deployed versions (from the deployed definitions while there is no item route). */
  async items(): Promise<ItemSummary[]> {
    let body: any;
    try {
      body = await (await this.request('GET', '/api/items')).json();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
      const deployed: any[] = await (await this.request('GET', '/api/definitions')).json();
      const byKey = new Map<string, ItemSummary>();
      for (const d of deployed) {
        const item: ItemSummary = byKey.get(d.key) ?? { code: d.key, name: d.name, versions: [] };
        item.versions.push(Number(d.version));
        byKey.set(d.key, item);
      }
      return [...byKey.values()].map((i) => ({ ...i, versions: i.versions.sort((a, b) => a - b) }));
    }
    const list: any[] = Array.isArray(body) ? body : body.items ?? [];
    return list.map((raw) => ({ code: String(raw.code ?? raw.key), name: raw.name, versions: versionsOf(raw) }));
  }

  /** The BPMN source of one deployed version. */
  async versionBpmn(code: string, version: number): Promise<string> {
    const res = await this.request('GET', `/api/items/${encodeURIComponent(code)}/versions/${version}/bpmn`, undefined, 'application/xml');
    return res.text();
  }

  /** Deploys `xml` as the item's next version. A refused model throws {@link ApiError} with its findings. */
  async deploy(code: string, xml: string): Promise<Deployed> {
    const body = await (await this.request('POST', '/api/definitions', { xml, key: code })).json();
    return { code: String(body.key ?? code), version: Number(body.version), warnings: body.warnings ?? [] };
  }

  /** Saves a rule table (YAML text) with its item; false when the server has no such route yet. */
  async saveRuleTable(code: string, tableId: string, yaml: string): Promise<boolean> {
    try {
      await this.request('PUT', `/api/items/${encodeURIComponent(code)}/rules/${encodeURIComponent(tableId)}`, { yaml });
      return true;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return false;
      throw e;
    }
  }
}
