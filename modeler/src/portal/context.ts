/** What every portal page gets: the API client, the translate function and the logged-in applicant. */
import type { T } from '../ui/dom.js';
import type { Http, Me } from '../ui/http.js';

/** The portal's page context. */
export interface PortalContext {
  http: Http;
  t: T;
  /** The logged-in applicant, if any. */
  me(): Me | undefined;
  /** Logs in with the real-name account. */
  login(user: string, password: string): Promise<void>;
}
