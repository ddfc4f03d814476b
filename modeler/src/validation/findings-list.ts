/**
 * The findings list under the diagram: one line per finding (severity, rule name in Chinese, element id,
 * message), errors first. Clicking a line selects its element and scrolls it into view.
 */
import type { Finding } from '../../../definitions/findings.js';

interface Selection {
  select(element: unknown): void;
}
interface Canvas {
  scrollToElement(element: unknown): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

/** The modeler services the list needs. */
export interface ListServices {
  selection: Selection;
  canvas: Canvas;
  elementRegistry: ElementRegistry;
  translate: (text: string, replacements?: Record<string, unknown>) => string;
}

/** Renders `findings` into `container`, replacing what was there. */
export function renderFindings(container: HTMLElement, findings: readonly Finding[], services: ListServices): void {
  const t = services.translate;
  container.replaceChildren();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summary = document.createElement('div');
  summary.className = 'findings-summary';
  summary.textContent = findings.length === 0
    ? t('No problems: the diagram can be deployed')
    : t('{errors} errors, {warnings} warnings', { errors, warnings: findings.length - errors });
  summary.dataset.errors = String(errors);
  container.append(summary);
  const list = document.createElement('ul');
  list.className = 'findings';
  for (const f of findings) {
    const item = document.createElement('li');
    item.className = `finding ${f.severity}`;
    item.dataset.rule = f.rule;
    item.dataset.elementId = f.id;
    const ruleName = t(`rule.${f.rule}`);
    const parts = [
      ['severity', t(f.severity)],
      ['rule', ruleName === `rule.${f.rule}` ? f.rule : ruleName],
      ['element', f.id || '—'],
      ['message', f.message],
    ];
    for (const [cls, text] of parts) {
      const span = document.createElement('span');
      span.className = cls!;
      span.textContent = text!;
      item.append(span);
    }
    item.addEventListener('click', () => {
      const element = f.id ? services.elementRegistry.get(f.id) : undefined;
      if (!element) return;
      services.selection.select(element);
      services.canvas.scrollToElement(element);
    });
    list.append(item);
  }
  container.append(list);
}
