/**
 * The browser harness of the page tests: the real server (`build()` through the server's test helper, on a
 * fresh SQLite database, with demo users of the modeler's and the food licence's departments) with the page
 * routes registered and listening on 127.0.0.1 at an ephemeral port, and one headless Chromium. Two shared cores: one browser at a time, closed after each file.
 */
import { ADMIN_PASSWORD } from '../server/helper.js';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildModeler } from '../../modeler/build.js';
import { modelerRoutes } from '../../server/routes/modeler.js';
import { buildTestApp, type TestApp } from '../server/helper.js';
import { HARNESS_DEPARTMENTS } from './case-world.js';

/** The department admin the demo users seed (`market-supervision`); may deploy its department's items. */
/**
 * Who deploys in the modeler tests: the reform office, since a department admin may deploy only definitions
 * whose steps stay in its own department (and the test diagrams name others).
 */
export const DEPLOYER = { username: 'admin', password: ADMIN_PASSWORD };
/** A department admin: may not save another department's item tables. */
export const DEPARTMENT_ADMIN = { username: 'market-admin', password: 'demo-password-1' };

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A running server with a browser page on the modeler. */
export interface Harness {
  server: TestApp;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Messages the page logged as errors, and uncaught exceptions. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Builds the bundle into modeler/dist, starts the server and opens the modeler page. */
export async function openModeler(query = ''): Promise<Harness> {
  await buildModeler();
  // Without encapsulation, as `npm start` registers the pages: their `/` hook must reach the root context.
  const pages = Object.assign(async (app: FastifyInstance) => app.register(modelerRoutes, { build: 'never' }), { [Symbol.for('skip-override')]: true });
  // Every user of the scenarios logs in from 127.0.0.1: the per-address login limit is raised to fit them all.
  const server = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '60' }, { demoDepartments: HARNESS_DEPARTMENTS, routes: [pages] });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text()); });
  // 404 from /api/items… is the client asking whether a code is an item package (its process or rule table).
  page.on('response', (r) => {
    if (r.status() >= 400 && !(r.status() === 404 && new URL(r.url()).pathname.startsWith('/api/items'))) pageErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.goto(`${baseUrl}/modeler/${query}`);
  await page.waitForSelector('.djs-element[data-element-id="accept"]');
  return {
    server, baseUrl, browser, page, pageErrors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Logs in through the page's header form. */
export async function loginInPage(page: Page, user = DEPLOYER): Promise<void> {
  await page.fill('#login-user', user.username);
  await page.fill('#login-password', user.password);
  await page.click('#login button[type="submit"]');
  await page.waitForSelector('#login-state[data-state="in"]');
}
