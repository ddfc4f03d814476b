/**
 * The login limits hold for a cluster, not per node: two application instances on one database (one
 * PostgreSQL schema when DATABASE_URL is set, else one SQLite file) share the counters of `rate_counters`.
 * Failed logins of one account are limited across both, also when the guesses race on both nodes at once,
 * and one client address gets its per-minute allowance once for both.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../server/app.js';
import { ADMIN_PASSWORD, buildTestApp, TEST_SCRYPT, type TestApp } from './helper.js';

let first: TestApp;
let second: FastifyInstance;

/** Two nodes on one database: the second is built from the first's configuration. */
async function cluster(env: Record<string, string>): Promise<[FastifyInstance, FastifyInstance]> {
  first = await buildTestApp(env);
  second = await build({ config: first.config, logger: false, scrypt: TEST_SCRYPT, background: false });
  return [first.app, second];
}

afterEach(async () => {
  await second?.close();
  await first?.close();
});

const attempt = (app: FastifyInstance, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username: 'admin', password } });

describe(`login limits across two nodes on one ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} database`, () => {
  it('limits failed logins of one account on both nodes together', async () => {
    const nodes = await cluster({ SHENPI_LOGIN_ACCOUNT_LIMIT: '4', SHENPI_LOGIN_RATE_LIMIT: '1000' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(nodes[i % 2]!, `guess-${i}`, `10.0.0.${i + 1}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // The right password too is refused while the account is throttled, on either node.
    expect((await attempt(nodes[1], ADMIN_PASSWORD)).json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await attempt(nodes[0], ADMIN_PASSWORD)).json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('passes at most the limit of guesses racing on both nodes at once', async () => {
    const nodes = await cluster({ SHENPI_LOGIN_ACCOUNT_LIMIT: '4', SHENPI_LOGIN_RATE_LIMIT: '1000' });
    const statuses = (await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(nodes[i % 2]!, `guess-${i}`, `10.0.1.${i + 1}`)))).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
  });

  it('clears an account\'s failures for both nodes at a successful login', async () => {
    const nodes = await cluster({ SHENPI_LOGIN_ACCOUNT_LIMIT: '3', SHENPI_LOGIN_RATE_LIMIT: '1000' });
    for (let i = 0; i < 2; i++) expect((await attempt(nodes[0], `guess-${i}`)).statusCode).toBe(401);
    expect((await attempt(nodes[1], ADMIN_PASSWORD)).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(nodes[0], `again-${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('gives one client address its allowance once for both nodes', async () => {
    const nodes = await cluster({ SHENPI_LOGIN_RATE_LIMIT: '5' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await nodes[i % 2]!.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.7', payload: { username: `u${i}`, password: 'wrong-password' } });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another address is counted on its own.
    expect((await nodes[1].inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '198.51.100.20', payload: { username: 'u9', password: 'wrong-password' } })).statusCode).toBe(401);
  });
});
