/**
 * The translate module for bpmn-js, diagram-js, the properties panel and Shenpi's own labels. Every label
 * in the UI goes through the `translate` service; a key without a Chinese entry falls back to its English
 * text, so a missing entry is visible but never breaks the page.
 */
import type { Language } from '../../../contracts/messages/index.js';
import { ZH_CN_ACCOUNTS } from './zh-cn-accounts.js';
import { ZH_CN_BPMN } from './zh-cn-bpmn.js';
import { ZH_CN_CLOCKS } from './zh-cn-clocks.js';
import { ZH_CN_CONSOLE } from './zh-cn-console.js';
import { ZH_CN_JOURNEYS } from './zh-cn-journeys.js';
import { ZH_CN_MESSAGES } from './zh-cn-messages.js';
import { ZH_CN_OPERATIONS } from './zh-cn-operations.js';
import { ZH_CN_ORGANISATION } from './zh-cn-organisation.js';
import { ZH_CN_PANEL } from './zh-cn-panel.js';
import { ZH_CN_PORTAL } from './zh-cn-portal.js';
import { ZH_CN_SHENPI } from './zh-cn-shenpi.js';
import { ZH_CN_WORKBENCH } from './zh-cn-workbench.js';

/** A dictionary from English template to its translation. Templates may hold `{name}` placeholders. */
export type Dictionary = Readonly<Record<string, string>>;

/**
 * The zh-CN dictionary: bpmn-js and diagram-js, the properties panel, the console, the portal and the workbench, then the
 * modeler's own labels (later entries win).
 */
export const ZH_CN: Dictionary = { ...ZH_CN_BPMN, ...ZH_CN_PANEL, ...ZH_CN_CONSOLE, ...ZH_CN_ACCOUNTS, ...ZH_CN_PORTAL, ...ZH_CN_WORKBENCH, ...ZH_CN_JOURNEYS, ...ZH_CN_OPERATIONS, ...ZH_CN_ORGANISATION, ...ZH_CN_MESSAGES, ...ZH_CN_CLOCKS, ...ZH_CN_SHENPI };

/** Translates `template` with `dictionary` and fills its `{name}` placeholders from `replacements`. */
export function translateWith(
  dictionary: Dictionary,
  template: string,
  replacements: Record<string, unknown> = {},
): string {
  const text = dictionary[template] ?? template;
  return text.replace(/{([^}]+)}/g, (whole, key: string) => {
    const value = replacements[key];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** The translate function bound to a locale: `zh-CN` (default) or `en` (the English source texts). */
export function createTranslate(locale = 'zh-CN'): (template: string, replacements?: Record<string, unknown>) => string {
  const dictionary: Dictionary = locale.toLowerCase().startsWith('zh') ? ZH_CN : {};
  return (template, replacements) => translateWith(dictionary, template, replacements);
}


/**
 * The language a translate function speaks, for the texts worded from message codes (findings, timeline
 * details) in the same language as the page's labels: a translate function carries no locale of its own, and
 * a label the Chinese dictionary always has comes back unchanged only in English.
 */
export function pageLanguage(t: (template: string) => string): Language {
  return t('Department') === 'Department' ? 'en' : 'zh-CN';
}
