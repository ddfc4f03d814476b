/**
 * A hash router: `#/cases/2026…` matches the pattern `/cases/:caseNo`. Each route renders into the page's
 * main element; a render that fails shows its error there instead of a blank page.
 */

/** A route: a pattern with `:name` segments and what renders it. */
export interface Route {
  pattern: string;
  render: (params: Record<string, string>, query: URLSearchParams) => Promise<Node> | Node;
  /** The navigation entry this route highlights (its pattern by default). */
  nav?: string;
}

/** Matches `path` against `pattern`; the decoded parameters, or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return undefined;
  }
  return params;
}

/** Options of {@link startRouter}. */
export interface RouterOptions {
  routes: Route[];
  outlet: HTMLElement;
  /** The path shown for an empty hash. */
  home: string;
  /** Called before rendering (navigation highlighting); false stops the render (a login gate). */
  before?: (route: Route, path: string) => boolean | Promise<boolean>;
  onError: (error: Error) => Node;
}

/** Renders the current hash now and on every change; returns a function that renders again. */
export function startRouter(options: RouterOptions): () => Promise<void> {
  let generation = 0;
  const render = async (): Promise<void> => {
    const mine = ++generation;
    const [path = '', search = ''] = (location.hash.replace(/^#/, '') || options.home).split('?');
    const found = options.routes.map((r) => ({ r, params: match(r.pattern, path) })).find((x) => x.params);
    const route = found?.r ?? options.routes.find((r) => r.pattern === options.home)!;
    if (options.before && !(await options.before(route, path))) return;
    options.outlet.setAttribute('aria-busy', 'true');
    let content: Node;
    try {
      content = await route.render(found?.params ?? {}, new URLSearchParams(search));
    } catch (e) {
      content = options.onError(e as Error);
    }
    if (mine !== generation) return;
    options.outlet.replaceChildren(content);
    options.outlet.removeAttribute('aria-busy');
    options.outlet.dataset.route = route.pattern;
  };
  window.addEventListener('hashchange', () => void render());
  void render();
  return render;
}

/** Navigates to `path` (a hash path such as `/cases/123`). */
export function go(path: string): void {
  location.hash = `#${path}`;
}
