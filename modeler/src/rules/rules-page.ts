/**
 * The rule-table tab: open a table (an example, a file, or a new one), edit its settings, columns, rows
 * and test cases, see the linter's findings on each cell, run the embedded tests, and save the table with
 * its item as a new item version (through the API when the server can store it there, else as a downloaded
 * YAML file). A refusal of the server (permission, lint, failing tests) is shown with its findings per row.
 */
import { ruleFindingMessage, ruleFindingRuleName, type Language } from '../../../contracts/messages/index.js';
import { AGGREGATIONS, HIT_POLICIES, PURPOSES, type Aggregation, type Finding, type RuleTable } from '../../../rules/model.js';
import { RuleTableError } from '../../../rules/errors.js';
import type { TestCaseResult } from '../../../rules/test-cases.js';
import type { ApiClient, ApiFinding } from '../api/client.js';
import { download, el, say } from '../ui/dom.js';
import { EXAMPLE_TABLES } from './examples.js';
import { addColumn, addRow, checkTable, newTable, openTable, runTests, type CheckResult } from './table-state.js';
import { renderGrid } from './table-view.js';
import { renderTests } from './tests-view.js';
import { pageLanguage } from '../i18n/translate.js';

type Translate = (s: string, r?: Record<string, unknown>) => string;

const AGGREGATION_CHOICES: (Aggregation | '')[] = ['', ...AGGREGATIONS];

/** Mounts the rule editor into `root`. `itemCode` gives the item the table is saved with. */
export function mountRulesPage(root: HTMLElement, api: ApiClient, t: Translate, itemCode: () => string): void {
  // The page's language: the findings are worded from their codes in it, never shown as the English sentence.
  const language: Language = pageLanguage(t);
  const worded = (f: Pick<Finding, 'message' | 'messageCode' | 'params'>) => ruleFindingMessage(f, language);
  const separator = language === 'en' ? '; ' : '；';
  let table: RuleTable = openTable(EXAMPLE_TABLES['acceptance.yaml']!, 'acceptance.yaml');
  let check: CheckResult = checkTable(table);
  let results: TestCaseResult[] | undefined;
  /** The findings of the server's last refusal to save the table; cleared by the next edit. */
  let refusal: ApiFinding[] = [];
  const settings = el('div', { class: 'rule-settings' });
  const grid = el('div', { class: 'rule-grid-wrap' });
  const findings = el('div', { id: 'rule-findings' });
  const tests = el('div', { id: 'rule-tests' });

  const edit = (change: () => void) => {
    change();
    check = checkTable(table);
    results = undefined;
    refusal = [];
    render();
  };
  const select = <T extends string>(id: string, values: readonly T[], current: string, label: (v: T) => string, apply: (v: T) => void) => {
    const s = el('select', { id }, ...values.map((v) => el('option', { value: v, selected: v === current }, label(v))));
    s.addEventListener('change', () => edit(() => apply(s.value as T)));
    return s;
  };
  const text = (id: string, value: string, apply: (v: string) => void) => {
    const input = el('input', { id, value });
    input.addEventListener('change', () => edit(() => apply(input.value.trim())));
    return input;
  };

  function render(): void {
    settings.replaceChildren(
      el('label', {}, t('Table id'), text('table-id', table.id, (v) => { table.id = v; })),
      el('label', {}, t('Table name'), text('table-name', table.name, (v) => { table.name = v; })),
      el('label', {}, t('Purpose'), select('table-purpose', PURPOSES, table.purpose, (v) => t(`purpose.${v}`), (v) => { table.purpose = v; })),
      el('label', {}, t('Hit policy'), select('table-hit-policy', HIT_POLICIES, table.hitPolicy, (v) => t(`hit.${v}`), (v) => { table.hitPolicy = v; })),
      el('label', {}, t('Aggregation'), select('table-aggregation', AGGREGATION_CHOICES, table.aggregation ?? '', (v) => (v ? v : t('None')),
        (v) => { table.aggregation = v || undefined; })),
    );
    grid.replaceChildren(renderGrid({ table, placed: check.placed, t, language, edit }));
    const errors = check.placed.filter((p) => p.finding.severity === 'error').length;
    findings.replaceChildren(
      el('div', { class: 'findings-summary', 'data-errors': errors },
        check.placed.length ? t('{errors} errors, {warnings} warnings', { errors, warnings: check.placed.length - errors }) : t('No problems found')),
      el('ul', { class: 'findings' }, ...check.placed.map((p) => el('li', { class: `finding ${p.finding.severity}`, 'data-code': p.finding.code },
        el('span', { class: 'severity' }, t(p.finding.severity)),
        el('span', { class: 'rule' }, ruleFindingRuleName(p.finding.code, language)),
        el('span', { class: 'element' }, [p.finding.row, p.finding.column].filter(Boolean).join(' / ') || '—'),
        el('span', { class: 'message' }, worded(p.finding)))),
        ...refusal.map((f) => el('li', { class: `finding ${f.severity} server`, 'data-code': f.rule, 'data-row': f.row ?? '' },
          el('span', { class: 'severity' }, t(f.severity)),
          el('span', { class: 'rule' }, ruleFindingRuleName(f.rule, language)),
          el('span', { class: 'element' }, [f.row, f.field].filter(Boolean).join(' / ') || f.file || '—'),
          el('span', { class: 'message' }, worded(f))))),
    );
    tests.replaceChildren(renderTests(table, results, t, edit, language));
  }

  const load = (source: string, fileName: string) => {
    try {
      table = openTable(source, fileName);
      check = checkTable(table);
      results = undefined;
      render();
      say(`${t('Opened')} ${fileName}`, 'ok');
    } catch (e) {
      const detail = e instanceof RuleTableError
        ? e.findings.map(worded).join(separator) || t('not a rule table (it needs id, name, inputs, outputs and rows)')
        : (e as Error).message;
      say(`${t('Cannot open')} ${fileName}: ${detail}`, 'error');
    }
  };

  const examples = el('select', { id: 'rule-example' },
    ...Object.keys(EXAMPLE_TABLES).map((name) => el('option', { value: name }, `${t('Example')}: ${name}`)));
  examples.addEventListener('change', () => load(EXAMPLE_TABLES[examples.value]!, examples.value));
  const file = el('input', { id: 'rule-file', type: 'file', accept: '.yaml,.yml,.json' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen) load(await chosen.text(), chosen.name);
    file.value = '';
  });
  const button = (id: string, label: string, run: () => void | Promise<void>) =>
    el('button', { id, type: 'button', onclick: () => void Promise.resolve(run()).catch((e: Error) => say(e.message, 'error')) }, t(label));
  const toolbar = root.querySelector('.toolbar')!;
  toolbar.append(
    examples,
    el('label', { class: 'file-button' }, t('Open file'), file),
    button('new-table', 'New table', () => { table = newTable('new-table'); edit(() => undefined); }),
    button('add-input', 'Add input', () => edit(() => addColumn(table, 'in', `input${table.inputs.length + 1}`))),
    button('add-output', 'Add output', () => edit(() => addColumn(table, 'out', `output${table.outputs.length + 1}`))),
    button('add-row', 'Add row', () => edit(() => addRow(table))),
    button('run-tests', 'Run tests', async () => {
      const run = await runTests(check);
      results = run.results;
      render();
      if (run.problems.length) say(`${t('The table does not compile')}: ${run.problems.map(worded).join(separator)}`, 'error');
      else say(t('{passed} of {total} tests passed', { passed: run.results.filter((r) => r.passed).length, total: run.results.length }), 'ok');
    }),
    button('save-table', 'Save with item', async () => {
      const code = itemCode();
      const saved = code && api.loggedIn ? await api.saveRuleTable(code, table.id, check.yaml) : undefined;
      if (saved?.saved) return say(t('Saved with {code} version {version}', { code, version: saved.version }), 'ok');
      if (saved?.reason === 'refused') {
        refusal = saved.error.findings;
        render();
        return say(`${t('The server refused the table')}: ${saved.error.message}`, 'error');
      }
      download(`${table.id}.yaml`, check.yaml, 'application/yaml');
      say(t('The server cannot store rule tables yet: downloaded the YAML file'), 'info');
    }),
    button('download-table', 'Download YAML', () => download(`${table.id}.yaml`, check.yaml, 'application/yaml')),
  );
  root.querySelector('.rule-body')!.append(settings, grid, findings, tests);
  render();
}
