/**
 * The embedded test cases of a table (`tests:`): each case's name, input and expectation, editable as JSON,
 * and after a run, whether it passed and what differed.
 */
import { ruleFindingMessage, type Language } from '../../../contracts/messages/index.js';
import type { RuleTable, TableTest } from '../../../rules/model.js';
import type { TestCaseResult } from '../../../rules/test-cases.js';
import { el } from '../ui/dom.js';

type Translate = (s: string, r?: Record<string, unknown>) => string;

function json(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

/** Parses a JSON field; an empty field is undefined; bad JSON marks the field and keeps the old value. */
function jsonField(value: unknown, role: string, apply: (v: unknown) => void): HTMLTextAreaElement {
  const area = el('textarea', { rows: 2, 'data-role': role });
  area.value = json(value);
  area.addEventListener('change', () => {
    try {
      apply(area.value.trim() ? JSON.parse(area.value) : undefined);
      area.classList.remove('bad-json');
    } catch {
      area.classList.add('bad-json');
    }
  });
  return area;
}

/** Renders the test cases with their last results (by position). */
export function renderTests(
  table: RuleTable,
  results: readonly TestCaseResult[] | undefined,
  t: Translate,
  edit: (change: () => void) => void,
  language: Language = 'zh-CN',
): HTMLElement {
  const cases = table.tests.map((test: TableTest, i) => {
    const result = results?.[i];
    const outcome = result
      ? el('div', { class: `test-outcome ${result.passed ? 'passed' : 'failed'}` },
        result.passed ? t('passed') : `${t('failed')}: ${result.reasons.map((r) => ruleFindingMessage(r, language)).join('；')}`)
      : el('div', { class: 'test-outcome' }, t('not run'));
    const name = el('input', { value: test.name, 'data-role': 'test-name' });
    name.addEventListener('change', () => edit(() => { test.name = name.value; }));
    return el('li', { class: 'test-case', 'data-test': i },
      name,
      el('label', {}, t('Input'), jsonField(test.input, 'test-input', (v) => edit(() => { test.input = (v ?? {}) as Record<string, unknown>; }))),
      el('label', {}, t('Expected result'), jsonField(test.expect, 'test-expect', (v) => edit(() => { test.expect = v; }))),
      el('label', {}, t('Expected rows'), jsonField(test.expectRows, 'test-rows', (v) => edit(() => { test.expectRows = v as string[] | undefined; }))),
      el('button', { type: 'button', class: 'remove', title: t('Remove test'), onclick: () => edit(() => { table.tests.splice(i, 1); }) }, '×'),
      outcome,
    );
  });
  const passed = results?.filter((r) => r.passed).length ?? 0;
  const summary = results
    ? el('div', { class: 'tests-summary', 'data-passed': passed, 'data-failed': results.length - passed },
      t('{passed} of {total} tests passed', { passed, total: results.length }))
    : el('div', { class: 'tests-summary' }, t('{total} test cases', { total: table.tests.length }));
  return el('div', { class: 'tests' }, summary, el('ol', {}, ...cases),
    el('button', { type: 'button', id: 'add-test', onclick: () => edit(() => { table.tests.push({ name: `case ${table.tests.length + 1}`, input: {} }); }) }, t('Add test case')));
}
