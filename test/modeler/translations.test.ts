import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_FACTORIES, SPECIAL_PROCEDURE_TYPES, BUILT_IN_ACTIONS } from '../../definitions/index.js';
import { createTranslate, translateWith, ZH_CN } from '../../modeler/src/i18n/translate.js';
import { ZH_CN_ACCOUNTS } from '../../modeler/src/i18n/zh-cn-accounts.js';
import { ZH_CN_BPMN } from '../../modeler/src/i18n/zh-cn-bpmn.js';
import { ZH_CN_CONSOLE } from '../../modeler/src/i18n/zh-cn-console.js';
import { ZH_CN_MESSAGES } from '../../modeler/src/i18n/zh-cn-messages.js';
import { ZH_CN_OPERATIONS } from '../../modeler/src/i18n/zh-cn-operations.js';
import { ZH_CN_PANEL } from '../../modeler/src/i18n/zh-cn-panel.js';
import { ZH_CN_PORTAL } from '../../modeler/src/i18n/zh-cn-portal.js';
import { ZH_CN_SHENPI } from '../../modeler/src/i18n/zh-cn-shenpi.js';
import { ZH_CN_WORKBENCH } from '../../modeler/src/i18n/zh-cn-workbench.js';
import { repoDir } from '../support/shared.js';
import { ZH_CN_MESSAGES as SERVER_MESSAGES } from '../../contracts/messages/index.js';
import { APPROVAL_REJECTION_STATUS, CASE_SERVICE_STATUS, HEARING_REJECTION_STATUS } from '../../server/http/approval-codes.js';
import { AUTHORITY_STATUS } from '../../server/http/authority-codes.js';
import { REJECTION_STATUS, SERVER_STATUS } from '../../server/http/errors.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? (name === 'i18n' ? [] : sources(p)) : p.endsWith('.ts') ? [p] : [];
  });
}

/** English texts the UI passes to translate: `t('…')`, `translate('…')`, `label: '…'`, `description: '…'`, button labels. */
function uiTexts(): string[] {
  const found = new Set<string>();
  const patterns = [/\bt\('([^']+)'/g, /translate\('([^']+)'/g, /\b(?:label|description|empty): '([^']+)'/g,
    /\[\s*'[\w-]+',\s*'([^']+)',\s*(?:async|\(\))/g, /button\('[\w-]+', '([^']+)'/g, /\{ yes: '([^']+)', no: '([^']+)', unset: '([^']+)' \}/g];
  for (const file of sources(path.join(repoDir, 'modeler/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) for (const g of m.slice(1)) if (g) found.add(g);
  }
  const html = readFileSync(path.join(repoDir, 'modeler/src/index.html'), 'utf8');
  for (const m of html.matchAll(/data-t="([^"]+)"/g)) found.add(m[1]!);
  return [...found].filter((s) => !s.includes('${'));
}

describe('the zh-CN dictionary', () => {
  it('has a Chinese text for every label the modeler and the rule editor show', () => {
    const texts = uiTexts();
    expect(texts.length).toBeGreaterThan(80);
    expect(texts.filter((s) => ZH_CN[s] === undefined)).toEqual([]);
  });

  it("lets no page's text be replaced by the modeler's dictionary, which is merged last", () => {
    const others = { ZH_CN_ACCOUNTS, ZH_CN_BPMN, ZH_CN_CONSOLE, ZH_CN_MESSAGES, ZH_CN_OPERATIONS, ZH_CN_PANEL, ZH_CN_PORTAL, ZH_CN_WORKBENCH };
    const replaced = Object.entries(ZH_CN_SHENPI).flatMap(([key, text]) =>
      Object.entries(others).filter(([, d]) => key in d && d[key] !== text).map(([name, d]) => `${name} '${key}': ${d[key]} → ${text}`));
    expect(replaced).toEqual([]);
    expect(ZH_CN.Department).toBe('部门');
  });

  it('has a console text (error.<CODE>) for every refusal code the server can answer, with nothing left to fill', () => {
    const tables = [REJECTION_STATUS, SERVER_STATUS, APPROVAL_REJECTION_STATUS, HEARING_REJECTION_STATUS, CASE_SERVICE_STATUS, AUTHORITY_STATUS];
    const codes = [...new Set([...tables.flatMap((t) => Object.keys(t)), ...Object.keys(SERVER_MESSAGES)])];
    expect(codes.length).toBeGreaterThan(120);
    expect(codes.filter((c) => ZH_CN_WORKBENCH[`error.${c}`] === undefined)).toEqual([]);
    const unfilled = codes.map((c) => ZH_CN_WORKBENCH[`error.${c}`]!).filter((text) => /[{}[\]]/.test(text) || !/[\u4e00-\u9fff]/.test(text));
    expect(unfilled).toEqual([]);
    expect(ZH_CN['error.EVALUATION_NOT_INVITED']).toBe('该办件未受理办结，不能评价');
    expect(ZH_CN['error.NOTHING_TO_REVOKE']).toBe('该办件未准予许可，没有可撤销的行政许可');
    // A template's optional part is left out where the page has no details to fill it.
    expect(ZH_CN['error.EXTENSION_OVER_CAP']).toBe('延长的期限超过法定上限');
  });

  it('names every deploy rule, special procedure and built-in action in Chinese', () => {
    const keys = [
      ...Object.keys(RULE_FACTORIES).map((r) => `rule.${r}`),
      ...SPECIAL_PROCEDURE_TYPES.map((k) => `procedure.${k}`),
      ...BUILT_IN_ACTIONS.map((a) => `action.${a}`),
    ];
    expect(keys.filter((k) => ZH_CN[k] === undefined)).toEqual([]);
  });

  it('translates bpmn-js palette and properties-panel texts and fills placeholders', () => {
    const t = createTranslate('zh-CN');
    expect(t('Create start event')).toBe('创建开始事件');
    expect(t('User Task')).toBe('用户任务');
    expect(t('Open {element}', { element: '子流程' })).toBe('打开 子流程');
    expect(t('Deployed {code} version {version}', { code: 'ITEM-02', version: 3 })).toBe('已部署 ITEM-02 第 3 版');
  });

  it('falls back to the English text for an unknown key and for the English locale', () => {
    expect(createTranslate('zh-CN')('Some new label')).toBe('Some new label');
    expect(createTranslate('en')('Create start event')).toBe('Create start event');
    expect(translateWith({}, 'Hello {who} and {nobody}', { who: '张三' })).toBe('Hello 张三 and {nobody}');
  });
});
