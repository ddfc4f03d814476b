/**
 * The identity plugin: the user directory, login sessions, first-start accounts, and an `onRequest` hook
 * that turns a `Bearer` token into `request.user`. Whether a route needs a user is the route's business
 * (`requireUser` in `server/http/guard.ts`); this hook only says who is calling, if anyone.
 */
import type { ScryptParams } from '../identity/passwords.js';
import { DEFAULT_DEMO_DEPARTMENTS, seedAdmin, seedDemoUsers, type DemoDepartment, type SeededAccount } from '../identity/seed.js';
import { LoginThrottle } from '../identity/login-throttle.js';
import { RateCounters } from '../store/rate-counters.js';
import { SessionStore } from '../identity/sessions.js';
import { UserDirectory } from '../identity/users.js';
import { OrgDirectory } from '../organisation/directory.js';
import { seedSampleOrganisation, withTownship } from '../organisation/sample-org.js';
import { sharedPlugin } from './plugin.js';
import './types.js';

/** Options of the identity plugin. */
export interface IdentityPluginOptions extends Record<string, unknown> {
  scrypt?: ScryptParams;
  /** Departments to create demo users for on first start. */
  demoDepartments?: readonly DemoDepartment[];
}

/** Decorates `app.identity`, `request.user` and `request.authProblem`. */
export const identityPlugin = sharedPlugin<IdentityPluginOptions>('shenpi-identity', async (app, options) => {
  const users = new UserDirectory(app.store.knex, options.scrypt);
  const org = new OrgDirectory(app.store.knex);
  const sessions = new SessionStore(app.store.knex, users, app.config.sessionTtlMs);
  const at = new Date().toISOString();
  const seeded: SeededAccount[] = [];
  const admin = await seedAdmin(users, { password: app.config.adminPassword, at });
  if (admin) {
    seeded.push(admin);
    if (app.config.demoUsers) {
      // The sample organisation: a city, a district and a street, the departments and their positions.
      const departments = withTownship(options.demoDepartments ?? DEFAULT_DEMO_DEPARTMENTS);
      seeded.push(...(await seedDemoUsers(users, departments, { password: app.config.demoPassword, at })));
      await seedSampleOrganisation(app.store.knex, org, users, departments, at);
    }
    // Passwords are never logged: `main` prints them once to the terminal.
    app.log.info({ accounts: seeded.map((a) => a.id) }, 'first start: accounts created');
  }
  const counters = new RateCounters(app.store.knex);
  const throttle = new LoginThrottle(counters, app.config.loginAccountLimit, app.config.loginAccountWindowMs);
  app.decorate('identity', { users, sessions, seeded, throttle, counters, org });

  app.decorateRequest('user', null);
  app.decorateRequest('authProblem', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header === undefined) return;
    const match = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/.exec(header);
    if (!match) {
      request.authProblem = 'malformed';
      return;
    }
    const resolved = await sessions.resolve(match[1]!);
    if ('user' in resolved) request.user = resolved.user;
    else request.authProblem = resolved.problem;
  });
});
