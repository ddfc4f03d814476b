/**
 * The browser modeler: `GET /modeler/` serves the page and `GET /modeler/*` the bundle built from `modeler/`
 * into `modeler/dist` (esbuild; see modeler/build.ts). With `build: 'if-missing'` (the default) the bundle is
 * built on registration when it is absent; esbuild is a development dependency, so it is imported only then.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

/** Options of {@link modelerRoutes}. */
export interface ModelerRouteOptions {
  /** The built bundle; `modeler/dist` of the repository by default. */
  distDir?: string;
  /** Build the bundle on registration: always, only when it is missing (default), or never. */
  build?: 'always' | 'if-missing' | 'never';
}

const DEFAULT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modeler/dist');

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

/** `GET /modeler`, `GET /modeler/`, `GET /modeler/*`. */
export const modelerRoutes: FastifyPluginAsync<ModelerRouteOptions> = async (app, options) => {
  const dist = options.distDir ?? DEFAULT_DIST;
  const mode = options.build ?? 'if-missing';
  if (mode === 'always' || (mode === 'if-missing' && !(await exists(path.join(dist, 'index.html'))))) {
    const { buildModeler } = await import('../../modeler/build.js');
    await buildModeler({ outdir: dist, minify: true });
  }

  const send = async (relative: string, reply: import('fastify').FastifyReply) => {
    const file = path.resolve(dist, relative);
    // Only files inside the bundle directory; `..` and absolute paths are not found.
    if (!file.startsWith(dist + path.sep) || !(await exists(file))) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `Expected a file of the modeler bundle, but '${relative}' is none` });
    }
    const ext = path.extname(file);
    const hashed = relative.startsWith('assets/');
    return reply
      .type(TYPES[ext] ?? 'application/octet-stream')
      .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(await readFile(file));
  };

  const hide = { schema: { hide: true } };
  app.get('/modeler', hide, async (_request, reply) => reply.redirect('/modeler/'));
  app.get('/modeler/', hide, async (_request, reply) => send('index.html', reply));
  app.get<{ Params: { '*': string } }>('/modeler/*', hide, async (request, reply) => send(request.params['*'], reply));
};
