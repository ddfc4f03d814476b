/** A tiny DOM builder for the page's own controls (the diagram and the panel are rendered by bpmn-js). */

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/**
 * Creates an element: attributes whose name starts with `on` become listeners, `true` sets a boolean
 * attribute, `false`/`undefined` leave it out. Children may be strings or nodes.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') node.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== undefined) node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

/** Offers `content` as a file download named `fileName`. */
export function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Shows a short status message in the page's status line (`#status`), with a kind for styling. */
export function status(message: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  const line = document.getElementById('status');
  if (!line) return;
  line.textContent = message;
  line.dataset.kind = kind;
}
