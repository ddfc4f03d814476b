/**
 * The modeler's client of Shenpi's HTTP API. Every request carries the bearer token from the login; an
 * answer that is not 2xx becomes an {@link ApiError} with the server's code, message and findings.
 *
 * The modeler edits two kinds of process: item packages (GET /api/items, their versions with
 * GET /api/items/:code/versions, a version's BPMN with GET /api/items/:code/versions/:v/bpmn, a changed
 * process saved as a new item version with PUT /api/items/:code/process, a rule table with
 * PUT /api/items/:code/rules/:tableId) and plain BPMN definitions (GET /api/definitions, a version's BPMN with
 * GET /api/definitions/:key/versions/:v/bpmn, deployed with POST /api/definitions `{ xml, key }`).
 */
import type { DefinitionDeployed, DefinitionRowView } from '../../../contracts/api/definitions.js';
import type { ItemDeployed, ItemRowView, ItemVersionView } from '../../../contracts/api/items.js';
import type { OrganisationView } from '../../../contracts/api/organisation.js';
import type { Finding } from '../../../definitions/findings.js';

/** Whether an entry is an item package (listing, process and rule tables) or a plain BPMN definition. */
export type ProcessKind = 'item' | 'definition';

/** An item or a plain definition with its deployed versions, as the modeler lists them. */
export interface ItemSummary {
  code: string;
  name?: string;
  kind: ProcessKind;
  versions: number[];
  /** The implementing department (an item's, or the owner of a plain definition's key). */
  department?: string;
}

/**
 * One deployed version in the version history: when, by whom and its change note (变更说明), the fields an
 * item version and a definition version share in the contract.
 */
export type VersionEntry = Pick<ItemVersionView, 'version' | 'deployedAt' | 'deployedBy' | 'note'> & Pick<DefinitionRowView, 'version' | 'deployedAt' | 'deployedBy' | 'note'>;

/**
 * A finding as the server reports it, in the modeler's shape: `id` is the BPMN element (`''` when none),
 * `rule` the rule or code; an item package's findings also name their file, rule-table row and field.
 */
export interface ApiFinding extends Finding {
  file?: string;
  row?: string;
  field?: string;
  /** A rule-table finding's message code, which the page words with `params` (`contracts/messages/rule-findings.ts`). */
  messageCode?: string;
}

/**
 * A deploy's answer in the modeler's shape: the new version (an item's {@link ItemDeployed}, or a plain
 * definition's {@link DefinitionDeployed} whose key is its code), its kind, and the warnings that did not
 * refuse it as {@link ApiFinding}s.
 */
export type Deployed = Pick<ItemDeployed, 'code' | 'version'> & { kind: ProcessKind; warnings: ApiFinding[] };

/** A refused request: HTTP status, the server's error code and, for a refused model, its findings. */
export class ApiError extends Error {
  /** `details` is the refusal's own (the field it names, a schema error's path and keyword). */
  constructor(readonly status: number, readonly code: string, message: string, readonly findings: ApiFinding[] = [], readonly details: Record<string, unknown> = {}) {
    super(message);
  }
}

/** The outcome of {@link ApiClient.saveRuleTable}. */
export type RuleTableSaved =
  | { saved: true; version: number }
  /** The server offers no place for the table (no such item, table or route): the caller downloads it. */
  | { saved: false; reason: 'unavailable' }
  /** The server refused it (permission, lint, failing table tests): shown to the user. */
  | { saved: false; reason: 'refused'; error: ApiError };

/** A server finding (a definition's `{ id, rule }` or an item package's `{ element, code, file, row }`) in one shape. */
function toFinding(found: unknown): ApiFinding {
  const raw = (found && typeof found === 'object' ? found : {}) as Partial<Record<'id' | 'element' | 'rule' | 'code' | 'message' | 'severity' | 'file' | 'row' | 'field' | 'messageCode', unknown>> & { params?: unknown };
  const finding: ApiFinding = {
    id: String(raw?.id ?? raw?.element ?? ''),
    rule: String(raw?.rule ?? raw?.code ?? ''),
    message: String(raw?.message ?? ''),
    severity: raw?.severity === 'warning' ? 'warning' : 'error',
  };
  if (raw?.file !== undefined) finding.file = String(raw.file);
  if (raw?.row !== undefined) finding.row = String(raw.row);
  if (raw?.field !== undefined) finding.field = String(raw.field);
  if (typeof raw.messageCode === 'string') finding.messageCode = raw.messageCode;
  if (raw.params && typeof raw.params === 'object') finding.params = Object.fromEntries(Object.entries(raw.params).map(([k, v]) => [k, String(v)]));
  return finding;
}

const sorted = (versions: number[]) => [...new Set(versions.filter(Number.isFinite))].sort((a, b) => a - b);

const TOKEN_KEY = 'shenpi.modeler.token';

/** A small fetch-based client bound to a base URL (the page's origin by default). */
export class ApiClient {
  /** Kept in `sessionStorage` (as the console and the portal keep theirs): a reload keeps the login, closing the tab ends it. */
  private token: string | undefined = typeof sessionStorage === 'undefined' ? undefined : sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  /** The kinds of the codes seen in the last {@link items} list. */
  private readonly kinds = new Map<string, ProcessKind>();

  constructor(private readonly base = '') {}

  /** True after a successful {@link login}. */
  get loggedIn(): boolean {
    return this.token !== undefined;
  }

  private async request(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
    // The modeler is Chinese: refusals come back in Chinese whatever the browser's own language.
    const headers: Record<string, string> = { accept, 'accept-language': 'zh-CN' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) {
      const err = await res.json().catch(() => ({}));
      const findings: unknown[] = err.details?.findings ?? err.findings ?? [];
      throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? res.statusText, findings.map(toFinding));
    }
    return res;
  }

  /** Logs in and keeps the token for later requests. */
  async login(username: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    const body = await res.json();
    this.token = body.token;
    if (typeof sessionStorage !== 'undefined') sessionStorage.setItem(TOKEN_KEY, body.token);
  }

  /** The user name behind the kept token (after a reload), or undefined when there is none or it expired. */
  async whoAmI(): Promise<string | undefined> {
    if (!this.token) return undefined;
    try {
      const me = (await (await this.request('GET', '/api/auth/me')).json()) as { id: string };
      return me.id;
    } catch {
      this.token = undefined;
      if (typeof sessionStorage !== 'undefined') sessionStorage.removeItem(TOKEN_KEY);
      return undefined;
    }
  }

  /**
   * The item packages and the plain definitions, each with its versions, items first. A code deployed as an
   * item is listed once, as the item: its process is also a definition of the same key.
   */
  /** The organisation (`GET /api/org`): departments and positions for the properties panel's pickers. */
  async organisation(): Promise<OrganisationView> {
    return (await this.request('GET', '/api/org')).json();
  }

  async items(): Promise<ItemSummary[]> {
    const [listed, deployed] = await Promise.all([
      this.request('GET', '/api/items').then((r) => r.json() as Promise<ItemRowView[]>),
      this.request('GET', '/api/definitions').then((r) => r.json() as Promise<DefinitionRowView[]>),
    ]);
    // Each catalogue row carries its deployed versions: no request per item.
    const items: ItemSummary[] = listed.map((raw) => ({ code: raw.code, name: raw.name, kind: 'item' as const, versions: sorted(raw.versions), ...(raw.department ? { department: raw.department } : {}) }));
    const itemCodes = new Set(items.map((i) => i.code));
    const definitions = new Map<string, ItemSummary>();
    for (const d of deployed) {
      const code = d.key;
      if (itemCodes.has(code)) continue;
      const entry: ItemSummary = definitions.get(code) ?? { code, ...(d.name !== undefined ? { name: d.name } : {}), kind: 'definition', versions: [], ...(d.department ? { department: d.department } : {}) };
      entry.versions.push(d.version);
      definitions.set(code, entry);
    }
    const all = [...items, ...[...definitions.values()].map((d) => ({ ...d, versions: sorted(d.versions) }))];
    this.kinds.clear();
    for (const entry of all) this.kinds.set(entry.code, entry.kind);
    return all;
  }

  /** The BPMN source of one deployed version, from the item routes or the definition routes by its kind. */
  async versionBpmn(code: string, version: number, kind: ProcessKind = this.kinds.get(code) ?? 'item'): Promise<string> {
    const path = kind === 'item'
      ? `/api/items/${encodeURIComponent(code)}/versions/${version}/bpmn`
      : `/api/definitions/${encodeURIComponent(code)}/versions/${version}/bpmn`;
    return (await this.request('GET', path, undefined, 'application/xml')).text();
  }

  /**
   * The deployed versions of `code` with when, by whom and their change notes: an item's from
   * GET /api/items/:code/versions, a plain definition's from GET /api/definitions?key=.
   */
  async versionHistory(code: string, kind: ProcessKind = this.kinds.get(code) ?? 'item'): Promise<VersionEntry[]> {
    const path = kind === 'item' ? `/api/items/${encodeURIComponent(code)}/versions` : `/api/definitions?key=${encodeURIComponent(code)}`;
    // Both lists carry the version, when, by whom and the note under the same names.
    const listed: Array<ItemVersionView | DefinitionRowView> = await (await this.request('GET', path)).json();
    return listed.map((v) => ({
      version: v.version,
      deployedAt: v.deployedAt,
      ...(v.deployedBy ? { deployedBy: v.deployedBy } : {}),
      ...(v.note ? { note: v.note } : {}),
    }));
  }

  /**
   * Deploys `xml` as the next version of `code`: an item's process as a new item version (its listing and
   * rule tables kept), anything else as a plain definition keyed by `code`. A code not listed yet is tried
   * as an item first. A refused model throws {@link ApiError} with its findings. `department` names who
   * implements a plain definition (the reform office deploys for a department); `note` is the change note
   * kept with the version.
   */
  async deploy(code: string, xml: string, department?: string, note?: string): Promise<Deployed> {
    const noted = note ? { note } : {};
    const kind = this.kinds.get(code);
    if (kind !== 'definition') {
      try {
        const body = (await (await this.request('PUT', `/api/items/${encodeURIComponent(code)}/process`, { xml, ...noted })).json()) as ItemDeployed;
        this.kinds.set(code, 'item');
        return { code: String(body.code ?? code), kind: 'item', version: Number(body.version), warnings: (body.warnings ?? []).map(toFinding) };
      } catch (e) {
        if (kind === 'item' || !(e instanceof ApiError && e.status === 404)) throw e;
      }
    }
    const body = (await (await this.request('POST', '/api/definitions', { xml, key: code, ...(department ? { department } : {}), ...noted })).json()) as DefinitionDeployed;
    this.kinds.set(code, 'definition');
    return { code: String(body.key ?? code), kind: 'definition', version: Number(body.version), warnings: (body.warnings ?? []).map(toFinding) };
  }

  /**
   * Saves a rule table (YAML text) as a new version of its item. 404 or 405 (no such item or table, or no
   * such route) is "cannot store here"; any other refusal is returned, not thrown, so the page shows it.
   */
  async saveRuleTable(code: string, tableId: string, yaml: string): Promise<RuleTableSaved> {
    try {
      const body = (await (await this.request('PUT', `/api/items/${encodeURIComponent(code)}/rules/${encodeURIComponent(tableId)}`, { yaml })).json()) as ItemDeployed;
      return { saved: true, version: Number(body.version) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 404 || e.status === 405) return { saved: false, reason: 'unavailable' };
      return { saved: false, reason: 'refused', error: e };
    }
  }
}
