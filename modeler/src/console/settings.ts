/**
 * The locality settings page (地方设置) of the reform office: the counting policy of new cases (C1, C2), the
 * office's business hours (a limit then ends at closing, 民法典 第203条), local closures and extra working days,
 * the supervision response limit and the light thresholds, with every stored version. Staff read it; only the
 * reform office saves, each save a new version with its reason. A refusal names the field in Chinese.
 */
import { el, errorText, field, keyed, say, section, select, table, type T } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import type { ConsoleContext } from './context.js';

/** The settings as GET /api/settings/locality shows them. */
export interface LocalitySettings {
  countingPolicy: 'C1' | 'C2';
  businessHours: { open: string; close: string } | null;
  closures: string[];
  extraWorkingDays: string[];
  supervisionResponseLimit: { value: number; unit: 'WD' | 'CD' };
  lightThresholds: { warnAtPercent: number; warnWhenDaysLeft?: number };
}

/** One version of the settings. */
export interface SettingsVersion {
  version: number;
  settings: LocalitySettings;
  reason: string;
  changedBy: string;
  changedByName?: string;
  changedAt: string;
  calendarVersion?: string;
  recalculation?: { checked: number; changed: number; recorded: number; failed: number };
  /** The fields changed against the version before (the law's defaults before version 1). */
  changed?: string[];
}

const FIELDS = ['countingPolicy', 'businessHours', 'closures', 'extraWorkingDays', 'supervisionResponseLimit', 'lightThresholds'] as const;

/** The Chinese name of a settings field as the server names it (`businessHours.close`, `closures[2]` …). */
export function fieldName(t: T, path: string): string {
  const item = /^(\w+)\[(\d+)\]$/.exec(path);
  if (item) return t('{field}, line {n}', { field: keyed(t, 'setting', item[1]), n: Number(item[2]) + 1 });
  return keyed(t, 'setting', path);
}

/** Why the server refused a field, in Chinese, from its problem message (the checks of server/settings). */
function problemText(t: T, path: string, message: string): string {
  if (/closing after opening/.test(message)) return t('must be later than the opening time');
  if (/listed twice/.test(message)) return t('lists the same date twice: {date}', { date: /(\d{4}-\d{2}-\d{2})/.exec(message)?.[1] ?? '' });
  if (/either a closure or an extra working day/.test(message)) return t('{date} cannot be both a closure and an extra working day', { date: /(\d{4}-\d{2}-\d{2})/.exec(message)?.[1] ?? '' });
  if (/YYYY-MM-DD/.test(message)) return t('must be a date YYYY-MM-DD');
  if (/HH:mm/.test(message)) return t('must be a time HH:mm');
  if (/at least one setting/.test(message)) return t('nothing was changed');
  if (path === 'reason') return t('give the reason for the change');
  return t('is not accepted');
}

/** The refusal of a save, naming the field: `地方设置未保存：结束办公时间须晚于开始办公时间`. */
function refusalText(t: T, err: Error & { code?: string; details?: Record<string, any> }): string {
  const details = err.details;
  const problem = Array.isArray(details?.problems) ? details.problems[0] : undefined;
  const path = (problem?.field ?? details?.field) as string | undefined;
  if (err.code === 'SETTINGS_INVALID' && path) return `${fieldName(t, path)}${problemText(t, path, problem?.message ?? err.message)}`;
  return errorText(t, err);
}

/** The dates of a text area: one per line (or separated by commas, spaces or 、), empty lines left out. */
function dates(text: string): string[] {
  return text.split(/[\s,，、]+/).map((d) => d.trim()).filter(Boolean);
}

/** One line describing a version's settings, for the history table. */
function summary(t: T, s: LocalitySettings): string {
  return [
    keyed(t, 'policy', s.countingPolicy),
    s.businessHours ? t('open {open}–{close}', s.businessHours) : t('no business hours (limits end at 24:00)'),
    t('{n} closures', { n: s.closures.length }), t('{n} extra working days', { n: s.extraWorkingDays.length }),
    t('responses within {n} {unit}', { n: s.supervisionResponseLimit.value, unit: keyed(t, 'unit', s.supervisionResponseLimit.unit) }),
    t('warning from {p}%', { p: s.lightThresholds.warnAtPercent }),
  ].join('；');
}

/** The fields a version changed (the server compares it with the version before), by their Chinese names. */
function changedNames(t: T, v: SettingsVersion): string {
  return (v.changed ?? []).map((f) => keyed(t, 'setting', f)).join('、') || '—';
}

/** Renders the settings page. */
export async function settingsPage(ctx: ConsoleContext): Promise<HTMLElement> {
  const { t, http } = ctx;
  const [current, { versions }] = await Promise.all([
    http.get<SettingsVersion>('/api/settings/locality'),
    http.get<{ versions: SettingsVersion[] }>('/api/settings/locality/versions'),
  ]);
  const s = current.settings;
  const mayEdit = ctx.me?.()?.roles.includes('reform-office-admin') ?? false;

  const policy = select('settings-policy', [['C1', keyed(t, 'policy', 'C1')], ['C2', keyed(t, 'policy', 'C2')]]);
  policy.value = s.countingPolicy;
  const hoursOn = el('input', { id: 'settings-hours-on', type: 'checkbox', ...(s.businessHours ? { checked: true } : {}) });
  const open = el('input', { id: 'settings-open', value: s.businessHours?.open ?? '09:00', placeholder: '09:00', size: 5 });
  const close = el('input', { id: 'settings-close', value: s.businessHours?.close ?? '17:00', placeholder: '17:00', size: 5 });
  const closures = el('textarea', { id: 'settings-closures', rows: 3, placeholder: t('One date per line, e.g. 2026-03-10') });
  closures.value = s.closures.join('\n');
  const extra = el('textarea', { id: 'settings-extra', rows: 3, placeholder: t('One date per line, e.g. 2026-03-10') });
  extra.value = s.extraWorkingDays.join('\n');
  const responseValue = el('input', { id: 'settings-response', type: 'number', min: 1, max: 60, value: s.supervisionResponseLimit.value });
  const responseUnit = select('settings-response-unit', [['WD', keyed(t, 'unit', 'WD')], ['CD', keyed(t, 'unit', 'CD')]]);
  responseUnit.value = s.supervisionResponseLimit.unit;
  const warnAt = el('input', { id: 'settings-warn-percent', type: 'number', min: 1, max: 100, value: s.lightThresholds.warnAtPercent });
  const warnDays = el('input', { id: 'settings-warn-days', type: 'number', min: 0, max: 60, value: s.lightThresholds.warnWhenDaysLeft ?? '' });
  const reason = el('input', { id: 'settings-reason', placeholder: t('Why the settings change (kept with the version)') });
  const error = el('p', { class: 'form-error', id: 'settings-error', role: 'alert' });

  /** The changed fields as the PATCH body, or a refusal naming the field. */
  const patch = (): { body: Record<string, unknown> } | { refused: string } => {
    const refuse = (path: string, why: string) => ({ refused: `${fieldName(t, path)}${why}` });
    const hours = hoursOn.checked ? { open: open.value.trim(), close: close.value.trim() } : null;
    if (hours) for (const k of ['open', 'close'] as const) if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hours[k])) return refuse(`businessHours.${k}`, t('must be a time HH:mm'));
    const next: LocalitySettings = {
      countingPolicy: policy.value as 'C1' | 'C2', businessHours: hours,
      closures: dates(closures.value).sort(), extraWorkingDays: dates(extra.value).sort(),
      supervisionResponseLimit: { value: Number(responseValue.value), unit: responseUnit.value as 'WD' | 'CD' },
      lightThresholds: { warnAtPercent: Number(warnAt.value), ...(warnDays.value.trim() !== '' ? { warnWhenDaysLeft: Number(warnDays.value) } : {}) },
    };
    for (const k of ['closures', 'extraWorkingDays'] as const) {
      const bad = next[k].findIndex((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
      if (bad >= 0) return refuse(k, t('must list dates YYYY-MM-DD, but it has {value}', { value: next[k][bad] }));
    }
    if (!Number.isInteger(next.supervisionResponseLimit.value) || next.supervisionResponseLimit.value < 1 || next.supervisionResponseLimit.value > 60) return refuse('supervisionResponseLimit', t('must be a whole number from 1 to 60'));
    if (!(next.lightThresholds.warnAtPercent > 0 && next.lightThresholds.warnAtPercent <= 100)) return refuse('lightThresholds.warnAtPercent', t('must be a share from 1 to 100'));
    if (!reason.value.trim()) return refuse('reason', t('give the reason for the change'));
    const body: Record<string, unknown> = { reason: reason.value.trim(), expectedVersion: current.version };
    for (const f of FIELDS) if (JSON.stringify(next[f]) !== JSON.stringify(s[f])) body[f] = next[f];
    if (Object.keys(body).length === 2) return { refused: t('Nothing was changed') };
    return { body };
  };

  const save = el('button', { type: 'submit', class: 'primary', id: 'settings-save' }, t('Save as a new version'));
  const form = el('form', { id: 'settings-form', class: 'settings-form' },
    field(t('Counting policy'), policy, t('How the day of receipt counts (民法典 第201条); an item may set its own')),
    el('label', { class: 'field check' }, hoursOn, el('span', {}, t('Business hours: limits end at closing time'))),
    el('div', { class: 'field-row' }, field(keyed(t, 'setting', 'businessHours.open'), open), field(keyed(t, 'setting', 'businessHours.close'), close)),
    field(keyed(t, 'setting', 'closures'), closures, t('Working days on which the local offices are closed')),
    field(keyed(t, 'setting', 'extraWorkingDays'), extra, t('Days off on which the local offices work')),
    el('div', { class: 'field-row' }, field(keyed(t, 'setting', 'supervisionResponseLimit'), responseValue), field(t('Unit'), responseUnit)),
    el('div', { class: 'field-row' }, field(keyed(t, 'setting', 'lightThresholds.warnAtPercent'), warnAt), field(keyed(t, 'setting', 'lightThresholds.warnWhenDaysLeft'), warnDays, t('Empty: no warning by days left'))),
    field(keyed(t, 'setting', 'reason'), reason),
    error,
    ...(mayEdit ? [save] : [el('p', { class: 'hint', id: 'settings-read-only' }, t('Only the reform office changes the locality settings.'))]));
  if (!mayEdit) for (const c of form.querySelectorAll('input, select, textarea')) (c as HTMLInputElement).disabled = true;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    const p = patch();
    if ('refused' in p) { error.textContent = p.refused; say(`${t('The settings were not saved')}：${p.refused}`, 'error'); return; }
    save.disabled = true;
    http.patch<SettingsVersion>('/api/settings/locality', p.body).then((saved) => {
      const moved = saved.recalculation ? t('; deadlines of {n} open cases recalculated', { n: saved.recalculation.changed }) : '';
      say(`${t('Saved as version {v}', { v: saved.version })}${moved}`, 'ok');
      void (window as any).shenpi.render();
    }, (err: Error) => {
      save.disabled = false;
      const text = refusalText(t, err);
      error.textContent = text;
      say(`${t('The settings were not saved')}：${text}`, 'error');
    });
  });

  const history = table<SettingsVersion>([
    { head: t('Version'), cell: (v) => String(v.version), className: 'num' },
    { head: t('Changed at'), cell: (v) => dateTime(v.changedAt) },
    { head: t('Changed by'), cell: (v) => v.changedByName ?? v.changedBy },
    { head: t('Changed fields'), cell: (v) => changedNames(t, v) },
    { head: t('Reason'), cell: (v) => v.reason },
    { head: t('Settings'), cell: (v) => summary(t, v.settings) },
  ], versions, t('No version stored yet: the defaults of the law apply'), (v) => ({ 'data-version': String(v.version) }));
  history.id = 'settings-history';

  return el('div', { class: 'page', id: 'settings', 'data-version': String(current.version) },
    el('h1', {}, t('Locality settings')),
    el('p', { id: 'settings-current' }, current.version
      ? t('Version {v} in force since {at}', { v: current.version, at: dateTime(current.changedAt) })
      : t('The defaults of the law are in force')),
    section(t('Settings in force'), form),
    section(t('Version history'), history));
}
