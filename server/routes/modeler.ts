/**
 * The browser pages, built from `modeler/` into `modeler/dist` (esbuild; see modeler/build.ts): the modeler at
 * `GET /modeler/`, the supervision console at `GET /console/` and the applicant portal at `GET /portal/`, each
 * with its files below it. With `build: 'if-missing'` (the default) the bundle is built on registration when a
 * page is absent; esbuild is a development dependency, so it is imported only then.
 *
 * With the pages served, `GET /` leads to the portal (the public's entrance; staff reach the console from it).
 * The home route belongs to the API's own plugin tree, so the redirect is a hook of the application's root
 * context: this plugin is registered without encapsulation (`skip-override`), and adds no other hook.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Options of {@link modelerRoutes}. */
export interface ModelerRouteOptions {
  /** The built bundle; `modeler/dist` of the repository by default. */
  distDir?: string;
  /** Build the bundle on registration: always, only when it is missing (default), or never. */
  build?: 'always' | 'if-missing' | 'never';
}

const DEFAULT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modeler/dist');

/** The pages besides the modeler: URL prefix and directory of the bundle. */
const PAGES = ['console', 'portal'] as const;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.eot': 'application/vnd.ms-fontobject',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

async function exists(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

/** `GET /modeler[/…]`, `GET /console[/…]`, `GET /portal[/…]`, and `GET /` to the portal. */
export const modelerRoutes: FastifyPluginAsync<ModelerRouteOptions> = async (app, options) => {
  const dist = options.distDir ?? DEFAULT_DIST;
  const mode = options.build ?? 'if-missing';
  const complete = async () => (await exists(path.join(dist, 'index.html'))) && (await Promise.all(PAGES.map((p) => exists(path.join(dist, p, 'index.html'))))).every(Boolean);
  if (mode === 'always' || (mode === 'if-missing' && !(await complete()))) {
    const { buildModeler } = await import('../../modeler/build.js');
    await buildModeler({ outdir: dist, minify: true });
  }

  /** Sends `relative` from the bundle directory `root`; only files inside it (`..` and absolute paths are not found). */
  const send = async (root: string, relative: string, reply: FastifyReply) => {
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep) || !(await exists(file))) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `Expected a file of the page bundle, but '${relative}' is none` });
    }
    const ext = path.extname(file);
    const hashed = relative.startsWith('assets/');
    return reply
      .type(TYPES[ext] ?? 'application/octet-stream')
      .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(await readFile(file));
  };

  const hide = { schema: { hide: true } };
  const serve = (prefix: string, root: string) => {
    app.get(`/${prefix}`, hide, async (_request, reply) => reply.redirect(`/${prefix}/`));
    app.get(`/${prefix}/`, hide, async (_request, reply) => send(root, 'index.html', reply));
    app.get<{ Params: { '*': string } }>(`/${prefix}/*`, hide, async (request, reply) => send(root, request.params['*'], reply));
  };
  serve('modeler', dist);
  for (const page of PAGES) serve(page, path.join(dist, page));

  app.addHook('onRequest', async (request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && request.url === '/') return reply.redirect('/portal/');
    return undefined;
  });
};

// Registered into the parent context so that its `/` hook reaches the home route (see the file comment).
(modelerRoutes as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
