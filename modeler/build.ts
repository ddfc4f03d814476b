/**
 * Bundles the browser pages with esbuild into `modeler/dist/`: the modeler, `src/main.ts` (bpmn-js, the
 * properties panel, Shenpi's modules, the definitions lint rules and the browser-safe parts of `rules/`), the
 * CSS of bpmn-js, diagram-js and the properties panel with their fonts, and the page `src/index.html`; the
 * supervision console into `dist/console/` and the applicant portal into `dist/portal/` (plain DOM modules,
 * no bpmn-js), each as `index.html`, `app.js` and `styles.css`.
 *
 * Only esbuild is imported here (no `node:` modules), so that this file obeys the modeler's import boundary.
 * The bundle targets the browser platform, where esbuild refuses Node built-ins; the plugin below also
 * refuses the server and the engine runtime, which must never reach the page.
 */
import * as esbuild from 'esbuild';

/** Options of {@link buildModeler}. */
export interface BuildOptions {
  /** Output directory; `modeler/dist` when absent. */
  outdir?: string;
  /** Minify the bundle (the server start does; tests need not). */
  minify?: boolean;
}

/** What a build produced. */
export interface BuildResult {
  outdir: string;
  /** Every output file, relative to the repository. */
  outputs: string[];
  /** Every source file bundled, relative to the repository (for the import boundary test). */
  inputs: string[];
}

const here = new URL('.', import.meta.url);
const repoDir = decodeURIComponent(new URL('..', here).pathname);
const modelerDir = decodeURIComponent(here.pathname);

/** Refuses, at build time, any import the page must not contain. */
const browserBoundary: esbuild.Plugin = {
  name: 'shenpi-browser-boundary',
  setup(build) {
    build.onResolve({ filter: /^node:|(^|\/)(server|engine\/runtime)\// }, (args) => {
      if (args.path.startsWith('node:') || !args.importer.includes('node_modules')) {
        return { errors: [{ text: `'${args.path}' (imported by ${args.importer}) is not browser-safe` }] };
      }
      return undefined;
    });
  },
};

/** The entry points of a plain page under `src/<name>/`: its page, its script and its styles. */
function pageEntries(name: 'console' | 'portal'): Record<string, string> {
  return {
    [`${name}/index`]: `${modelerDir}src/${name}/index.html`,
    [`${name}/app`]: `${modelerDir}src/${name}/main.ts`,
    [`${name}/styles`]: `${modelerDir}src/${name}/${name}.css`,
  };
}

/** Builds the modeler bundle. Throws when esbuild reports an error (a Node-only import, a type-less syntax error). */
export async function buildModeler(options: BuildOptions = {}): Promise<BuildResult> {
  const outdir = options.outdir ?? `${modelerDir}dist`;
  const result = await esbuild.build({
    absWorkingDir: repoDir,
    entryPoints: {
      main: `${modelerDir}src/main.ts`,
      styles: `${modelerDir}src/styles.css`,
      index: `${modelerDir}src/index.html`,
      ...pageEntries('console'),
      ...pageEntries('portal'),
    },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: options.minify ?? false,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    loader: { '.html': 'copy', '.yaml': 'text', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
    assetNames: 'assets/[name]-[hash]',
    define: { 'process.env.NODE_ENV': options.minify ? '"production"' : '"development"' },
    plugins: [browserBoundary],
  });
  const rel = (p: string) => (p.startsWith(repoDir) ? p.slice(repoDir.length) : p);
  return {
    outdir,
    outputs: Object.keys(result.metafile.outputs).map(rel),
    inputs: Object.keys(result.metafile.inputs).map(rel),
  };
}
