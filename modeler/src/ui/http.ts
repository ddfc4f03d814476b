/**
 * The HTTP client of the console and the portal: JSON in and out, multipart uploads, and the bearer token
 * kept in `sessionStorage` under a page's own key, so a reload keeps the login but closing the tab ends it.
 * A non-2xx answer becomes an {@link ApiError} with the server's code and message.
 */
import type { SessionView } from '../../../contracts/api/auth.js';
import type { UserView } from '../../../contracts/api/users.js';
import { ApiError } from '../api/client.js';

export { ApiError };

/** The logged-in user as `GET /api/auth/me` and the login answer describe it (the contract's user). */
export type Me = UserView;

/** A fetch-based client bound to the page's origin. */
export class Http {
  constructor(private readonly storageKey: string) {}

  /** The bearer token of the current login, if any. */
  get token(): string | undefined {
    return sessionStorage.getItem(this.storageKey) ?? undefined;
  }

  /** True after a successful {@link login} in this tab. */
  get loggedIn(): boolean {
    return this.token !== undefined;
  }

  /** Exchanges user name and password for a token (POST /api/auth/login) and keeps it; returns the user. */
  async login(username: string, password: string): Promise<Me> {
    const body = await this.json<SessionView>('POST', '/api/auth/login', { username, password });
    sessionStorage.setItem(this.storageKey, body.token);
    return body.user;
  }

  /** Forgets the token (and revokes it on the server when it is still valid). */
  async logout(): Promise<void> {
    if (this.token) await this.send('POST', '/api/auth/logout').catch(() => undefined);
    sessionStorage.removeItem(this.storageKey);
  }

  /** The user behind the kept token, or undefined when there is none or it expired. */
  async me(): Promise<Me | undefined> {
    if (!this.token) return undefined;
    try {
      return await this.json<Me>('GET', '/api/auth/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        sessionStorage.removeItem(this.storageKey);
        return undefined;
      }
      throw e;
    }
  }

  /** GET a JSON resource. */
  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }

  /** POST a JSON body (or none) and read the JSON answer (undefined for 204). */
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>('POST', path, body);
  }

  /** PATCH a JSON body and read the JSON answer (undefined for 204). */
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>('PATCH', path, body);
  }

  /** POST a multipart form (file uploads). */
  async upload<T>(path: string, form: FormData): Promise<T> {
    const res = await this.send('POST', path, form);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  /** GET a resource as text with the given Accept header (HTML documents, CSV). */
  async text(path: string, accept: string): Promise<string> {
    return (await this.send('GET', path, undefined, accept)).text();
  }

  /**
   * GET a file: its bytes, type and the file name its Content-Disposition gives (UTF-8 `filename*` first).
   * The bytes are kept as sent (a CSV's byte-order mark included, which spreadsheets need).
   */
  async file(path: string, accept = '*/*'): Promise<{ blob: Blob; name: string; type: string }> {
    const res = await this.send('GET', path, undefined, accept);
    const disposition = res.headers.get('content-disposition') ?? '';
    const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const plain = /filename="([^"]*)"/i.exec(disposition);
    const name = utf8 ? decodeURIComponent(utf8[1]!) : plain?.[1] ?? 'file';
    const blob = await res.blob();
    return { blob, name, type: res.headers.get('content-type')?.split(';')[0] ?? blob.type };
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, body);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  /** Sends a request with the token; throws {@link ApiError} for any answer that is not 2xx. */
  async send(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
    // The pages are Chinese: refusals come back in Chinese whatever the browser's own language.
    const headers: Record<string, string> = { accept, 'accept-language': 'zh-CN' };
    const token = this.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    if (!res.ok) {
      const err = await res.json().catch(() => ({}));
      throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? res.statusText, err.details?.findings ?? [], err.details ?? {});
    }
    return res;
  }
}
