/** What every console page gets: the API client and the translate function. */
import type { T } from '../ui/dom.js';
import type { Http, Me } from '../ui/http.js';

/** The console's page context. */
export interface ConsoleContext {
  http: Http;
  t: T;
  /** The logged-in user (for actions only some roles may take). */
  me?: () => Me | undefined;
}

/** Task outcomes the sample processes branch on (`decision = "approve"`), in the order the form offers them. */
export const OUTCOMES = ['approve', 'refuse'] as const;
