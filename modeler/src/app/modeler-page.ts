/**
 * The modeler tab: toolbar (open a version of an item or a plain definition from the API, import a file,
 * save a draft, deploy as a new version, download BPMN and SVG), the diagram with its properties panel, and
 * the findings list. An item's process is deployed as a new item version (its listing and rule tables kept);
 * any other code as a plain definition. A process without a diagram (a hand-written package) is laid out.
 * Deploy asks for confirmation and a change note (deploy-dialog.ts); 版本历史 lists the versions with their
 * notes and opens any of them (version-history.ts).
 */
import type Modeler from 'bpmn-js/lib/Modeler.js';
import { departmentChoices, setOrganisation, setOrganisationUnavailable } from '../properties/org-choices.js';
import { ApiError, type ApiClient, type ApiFinding, type Deployed, type ItemSummary } from '../api/client.js';
import { deployFindingText, ruleFindingText, type Language } from '../../../contracts/messages/index.js';
import { confirmDeploy } from './deploy-dialog.js';
import { showVersionHistory } from './version-history.js';
import { renderFindings } from '../validation/findings-list.js';
import { VALIDATED_EVENT, type LiveValidation, type ValidatedEvent } from '../validation/live-validation.js';
import { withDiagram } from './auto-layout.js';
import { download, el, say } from '../ui/dom.js';
import { STARTER_DIAGRAM } from './starter-diagram.js';
import { pageLanguage } from '../i18n/translate.js';

type Translate = (s: string, r?: Record<string, unknown>) => string;

const DRAFT_KEY = (code: string) => `shenpi.draft.${code || 'new'}`;

/** Wires the toolbar and the findings list to `modeler`. Returns a function that reloads the item list. */
export function mountModelerPage(root: HTMLElement, modeler: Modeler, api: ApiClient, t: Translate): { refreshItems(): Promise<void> } {
  let items: ItemSummary[] = [];
  let refused = false;
  const code = el('input', { id: 'item-code', list: 'item-codes', placeholder: t('Item code') });
  const codes = el('datalist', { id: 'item-codes' });
  const version = el('select', { id: 'item-version' });
  // Who implements a plain definition: the reform office deploys for a department, chosen among those the
  // diagram's steps name; empty lets the server take the key's owner, the caller's own or the only one named.
  const department = el('select', { id: 'deploy-department', title: t('Implementing department') });
  // The page's language, for the texts the server's dictionaries word (the browser may ask the server in English).
  const language: Language = pageLanguage(t);
  /**
   * The deploy's warnings in the page's words, by their code and parameters (a step's department or a
   * listing's department missing from the organisation); a step is named as the diagram names it now.
   */
  const deployWarnings = (warnings: readonly ApiFinding[]): string[] => {
    const registry = modeler.get('elementRegistry') as { get(id: string): { businessObject?: { name?: string } } | undefined };
    const worded = warnings.flatMap((w) => {
      const name = w.id ? registry.get(w.id)?.businessObject?.name : undefined;
      // A warning of the item's rule tables (a row without its legal basis …) is worded by its message code.
      const text = deployFindingText(w.rule, w.params && name ? { ...w.params, name } : w.params, language) ?? ruleFindingText(w.messageCode, w.params, language);
      return text ? [t('Note: {text}', { text })] : [];
    });
    const others = warnings.length - worded.length;
    return [...worded, ...(others ? [t('and {n} more warnings', { n: others })] : [])];
  };
  const namedDepartments = (): string[] => {
    const registry = modeler.get('elementRegistry') as { getAll(): { businessObject?: { get?(name: string): unknown } }[] };
    const names = registry.getAll().map((e) => e.businessObject?.get?.('approval:department')).filter((d): d is string => typeof d === 'string' && d !== '');
    return [...new Set(names)].sort();
  };
  const showDepartments = () => {
    const chosen = department.value;
    department.replaceChildren(el('option', { value: '' }, t('Implementing department (automatic)')), ...namedDepartments().map((d) => el('option', { value: d }, d)));
    if ([...department.options].some((o) => o.value === chosen)) department.value = chosen;
  };
  department.addEventListener('focus', showDepartments);
  department.addEventListener('mousedown', showDepartments);
  const file = el('input', { id: 'import-file', type: 'file', accept: '.bpmn,.xml' });
  const findings = root.querySelector<HTMLElement>('#findings')!;

  const importXml = async (xml: string, what: string) => {
    const { warnings } = await modeler.importXML(withDiagram(xml));
    showDepartments();
    (modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
    say(`${t('Opened')} ${what}${warnings.length ? ` (${warnings.length} ${t('import warnings')})` : ''}`, 'ok');
  };
  const xml = async () => (await modeler.saveXML({ format: true })).xml ?? '';
  /** A department's name from the organisation, with its id; undefined for none. */
  const departmentName = (id: string | undefined): string | undefined => {
    if (!id) return undefined;
    const name = departmentChoices().find((c) => c.value === id)?.label;
    return name && name !== id ? `${name}（${id}）` : id;
  };
  const fileBase = () => `${code.value || 'diagram'}${version.value ? `-v${version.value}` : ''}`;

  const showVersions = () => {
    const item = items.find((i) => i.code === code.value);
    version.replaceChildren(...(item?.versions ?? []).map((v) => el('option', { value: v }, `${t('Version')} ${v}`)));
    if (item?.versions.length) version.value = String(item.versions[item.versions.length - 1]);
  };
  code.addEventListener('change', showVersions);

  const actions: [string, string, () => Promise<void>][] = [
    ['open-version', 'Open', async () => {
      if (!code.value || !version.value) return say(t('Choose an item and a version'), 'error');
      const kind = items.find((i) => i.code === code.value)?.kind;
      await importXml(await api.versionBpmn(code.value, Number(version.value), kind), `${code.value} ${t('Version')} ${version.value}`);
    }],
    ['new-diagram', 'New', () => importXml(STARTER_DIAGRAM, t('a new diagram'))],
    ['save-draft', 'Save draft', async () => {
      localStorage.setItem(DRAFT_KEY(code.value), await xml());
      say(t('Draft saved in this browser'), 'ok');
    }],
    ['load-draft', 'Open draft', async () => {
      const draft = localStorage.getItem(DRAFT_KEY(code.value));
      if (!draft) return say(t('No draft for this item'), 'error');
      await importXml(draft, t('the draft'));
    }],
    ['deploy', 'Deploy as new version', async () => {
      if (!code.value) return say(t('Enter the item code to deploy to'), 'error');
      await (modeler.get('liveValidation') as LiveValidation).validate();
      if (refused) return say(t('Fix the errors before deploying'), 'error');
      const target = code.value;
      const listed = items.find((i) => i.code === target);
      const source = await xml();
      let deployed: Deployed | undefined;
      const confirmed = await confirmDeploy(t, {
        code: target,
        version: (listed?.versions.at(-1) ?? 0) + 1,
        department: departmentName(department.value || listed?.department) ?? t('Implementing department (automatic)'),
      }, async (note) => { deployed = await api.deploy(target, source, department.value || undefined, note); });
      if (!confirmed || !deployed) return say(t('Deploy cancelled: nothing was deployed'), 'info');
      await refresh();
      code.value = deployed.code;
      showVersions();
      version.value = String(deployed.version);
      say([t('Deployed {code} version {version}', { code: deployed.code, version: deployed.version }), ...deployWarnings(deployed.warnings)].join('；'), 'ok');
    }],
    ['version-history', 'Version history', async () => {
      if (!code.value) return say(t('Enter or choose an item code first'), 'error');
      const target = code.value;
      const listed = items.find((i) => i.code === target);
      const versions = listed?.versions.length ? await api.versionHistory(target, listed.kind) : [];
      showVersionHistory(t, target, versions, async (v) => {
        try {
          await importXml(await api.versionBpmn(target, v, listed?.kind), `${target} ${t('Version')} ${v}`);
          code.value = target;
          showVersions();
          version.value = String(v);
        } catch (e) {
          say(`${t('Open')}: ${(e as Error).message}`, 'error');
        }
      });
    }],
    ['download-bpmn', 'Download BPMN', async () => download(`${fileBase()}.bpmn`, await xml(), 'application/xml')],
    ['download-svg', 'Download SVG', async () => {
      const { svg } = await modeler.saveSVG();
      download(`${fileBase()}.svg`, svg, 'image/svg+xml');
    }],
  ];
  const buttons = actions.map(([id, label, run]) =>
    el('button', {
      id, type: 'button',
      onclick: () => run().catch((e: unknown) => {
        const message = e instanceof ApiError && e.findings.length
          ? `${e.message}: ${e.findings.map((f) => `${f.id || f.file || ''} ${f.message}`.trim()).join('; ')}` : (e as Error).message;
        say(`${t(label)}: ${message}`, 'error');
      }),
    }, t(label)),
  );
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen) await importXml(await chosen.text(), chosen.name).catch((e: Error) => say(e.message, 'error'));
    file.value = '';
  });
  const importLabel = el('label', { class: 'file-button' }, t('Import file'), file);
  root.querySelector('.toolbar')!.append(code, codes, version, department, ...buttons.slice(0, 4), importLabel, ...buttons.slice(4));

  modeler.on(VALIDATED_EVENT, (e: ValidatedEvent) => {
    refused = e.refused;
    renderFindings(findings, e.findings, {
      selection: modeler.get('selection'), canvas: modeler.get('canvas'), elementRegistry: modeler.get('elementRegistry'), translate: t,
    });
  });

  const refresh = async () => {
    // The department and position pickers; an account that may not read the organisation keeps free values.
    await api.organisation().then(setOrganisation, setOrganisationUnavailable);
    // The properties panel builds its entries again, now choosing departments from the organisation.
    (modeler.get('eventBus') as { fire(event: string): void }).fire('propertiesPanel.providersChanged');
    items = await api.items();
    codes.replaceChildren(...items.map((i) => el('option', { value: i.code, 'data-kind': i.kind }, `${i.name ?? i.code} · ${t(i.kind === 'item' ? 'Item' : 'BPMN definition')}`)));
    showVersions();
  };
  void importXml(STARTER_DIAGRAM, t('a new diagram'));
  return { refreshItems: refresh };
}
