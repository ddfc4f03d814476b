/**
 * Intake on the case page (行政许可法 第32条): the one-time correction notice, made by ticking the materials of
 * the case's list with a reason each (so the applicant's correction page offers an upload for exactly those),
 * acceptance, and non-acceptance with reasons.
 */
import type { CaseDetail, NoticeLine } from '../../ui/api-types.js';
import { el, field, say } from '../../ui/dom.js';
import { group, type ActionKit, type CaseActionModule } from './kit.js';

/** Whether the case waits for the acceptance decision. */
export function awaitingAcceptance(c: CaseDetail): boolean {
  return c.phase === undefined ? !c.acceptance && !c.rejection : c.phase === 'received' || c.phase === 'correcting';
}

/** The materials a correction may ask for: the case's required ones, those on file, missing ones first. */
export function correctable(c: CaseDetail): { material: string; name: string; onFile: boolean }[] {
  const onFile = new Set((c.materials ?? []).map((m) => m.material));
  const rows = (c.requiredMaterials ?? []).map((m) => ({ material: m.material, name: m.name, onFile: onFile.has(m.material) }));
  return [...rows.filter((r) => !r.onFile), ...rows.filter((r) => r.onFile)];
}

/** The correction picker: a checkbox and a reason per material; missing ones come ticked with a reason. */
function correctionPicker(kit: ActionKit): { box: HTMLElement; lines: () => NoticeLine[] | undefined } {
  const { t } = kit.ctx;
  const rows = correctable(kit.c).map((m) => {
    const tick = el('input', { type: 'checkbox', 'data-material': m.material, ...(m.onFile ? {} : { checked: true }) });
    const reason = el('input', { class: 'correction-reason', 'data-material': m.material, placeholder: t('Reason told to the applicant'), value: m.onFile ? '' : t('Not supplied') });
    return { m, tick, reason, row: el('li', { 'data-material': m.material, class: 'pick' },
      el('label', { class: 'check' }, tick, el('span', {}, m.name), el('small', { class: m.onFile ? 'on-file' : 'missing' }, m.onFile ? t('on file') : t('missing'))), reason) };
  });
  const lines = (): NoticeLine[] | undefined => {
    const picked = rows.filter((r) => r.tick.checked);
    if (!picked.length) { say(t('Tick at least one material to correct'), 'error'); return undefined; }
    const unreasoned = picked.find((r) => !r.reason.value.trim());
    if (unreasoned) { say(t('Give the reason for {name}', { name: unreasoned.m.name }), 'error'); unreasoned.reason.focus(); return undefined; }
    return picked.map((r) => ({ code: r.m.material, reason: r.reason.value.trim(), basis: null }));
  };
  return { box: el('ul', { class: 'picker', id: 'correction-picker' }, ...rows.map((r) => r.row)), lines };
}

/** Correction notice, acceptance, non-acceptance: while the case waits for the acceptance decision. */
export const intakeActions: CaseActionModule = (kit) => {
  const { t } = kit.ctx;
  if (!awaitingAcceptance(kit.c)) return undefined;
  const open = (kit.c.corrections ?? []).find((x) => !x.suppliedAt);
  const picker = correctionPicker(kit);
  const reasons = el('textarea', { id: 'reject-reasons', rows: 2, placeholder: t('One reason per line') });
  const reasonLines = (): NoticeLine[] | undefined => {
    const list = reasons.value.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!list.length) { say(t('Give at least one reason for non-acceptance'), 'error'); reasons.focus(); return undefined; }
    return list.map((reason, i) => ({ code: `R${i + 1}`, reason, basis: null }));
  };
  const correction = open
    ? el('p', { class: 'notice', id: 'correction-open' }, t('The correction notice is out; waiting for the applicant to supply the materials.'))
    : (kit.c.corrections ?? []).length
      ? el('p', { class: 'notice', id: 'correction-done' }, t('The applicant supplied the corrections; the notice is issued once only (art. 32).'))
      : el('div', {}, field(t('Materials to correct'), picker.box),
        kit.run('send-correction', t('Send the correction notice'), '/correction-notice', () => { const items = picker.lines(); return items && { items }; }));
  return group('intake-actions', t('Pre-review'), correction,
    el('div', { class: 'actions' }, kit.run('accept', t('Accept'), '/accept', () => ({}), { primary: true })),
    field(t('Reasons for non-acceptance'), reasons),
    kit.run('reject', t('Do not accept'), '/reject', () => { const r = reasonLines(); return r && { reasons: r }; }));
};
