import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelerRoutes } from '../../server/routes/modeler.js';

describe('the modeler route', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'shenpi-dist-'));
  let app: FastifyInstance;
  beforeAll(async () => {
    // Given a bundle directory (a stand-in; the browser test serves the real build)
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"></html>');
    writeFileSync(path.join(dist, 'main.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'assets', 'bpmn-X1.eot'), 'font');
    for (const page of ['console', 'portal']) {
      mkdirSync(path.join(dist, page));
      writeFileSync(path.join(dist, page, 'index.html'), `<!doctype html><html lang="zh-CN"><body class="${page}"></body></html>`);
      writeFileSync(path.join(dist, page, 'app.js'), `console.log('${page}')`);
    }
    writeFileSync(path.join(tmpdir(), 'outside-the-bundle.txt'), 'secret');
    app = Fastify();
    // The API's home route, as the server registers it before the pages.
    await app.register(async (api) => { api.get('/', async () => 'api home'); });
    await app.register(modelerRoutes, { distDir: dist, build: 'never' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the page at /modeler/ and redirects /modeler there', async () => {
    const page = await app.inject('/modeler/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('zh-CN');
    const bare = await app.inject('/modeler');
    expect([bare.statusCode, bare.headers.location]).toEqual([302, '/modeler/']);
  });

  it('serves bundle files with their type; hashed assets are cached for good, the rest revalidated', async () => {
    const script = await app.inject('/modeler/main.js');
    expect([script.statusCode, script.headers['content-type'], script.headers['cache-control']]).toEqual([200, 'text/javascript; charset=utf-8', 'no-cache']);
    const font = await app.inject('/modeler/assets/bpmn-X1.eot');
    expect(font.headers['cache-control']).toContain('immutable');
  });

  it('serves the console at /console/ and the portal at /portal/, each from its own folder', async () => {
    for (const page of ['console', 'portal']) {
      const res = await app.inject(`/${page}/`);
      expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
      expect(res.body).toContain(`class="${page}"`);
      expect((await app.inject(`/${page}/app.js`)).body).toBe(`console.log('${page}')`);
      expect((await app.inject(`/${page}`)).headers.location).toBe(`/${page}/`);
      expect((await app.inject(`/${page}/../index.html`)).statusCode).toBe(404);
    }
  });

  it('leads / to the portal, in front of the API home route, and leaves other routes alone', async () => {
    const home = await app.inject('/');
    expect([home.statusCode, home.headers.location]).toEqual([302, '/portal/']);
    expect((await app.inject('/modeler/main.js')).statusCode).toBe(200);
  });

  it('answers 404 for a missing file and for paths that leave the bundle directory', async () => {
    expect((await app.inject('/modeler/nope.js')).statusCode).toBe(404);
    expect((await app.inject('/modeler/../outside-the-bundle.txt')).statusCode).toBe(404);
    expect((await app.inject('/modeler/%2e%2e/outside-the-bundle.txt')).statusCode).toBe(404);
    const res = await app.inject(`/modeler/${encodeURIComponent('../outside-the-bundle.txt')}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('secret');
  });
});
