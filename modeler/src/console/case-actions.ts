/**
 * What a department does on a case from its page: the one-time correction notice (with the pre-review's
 * items, or lines typed here), acceptance, non-acceptance, a special procedure (suspension) and its end,
 * and the single extension. Each posts to the case API and reloads the page.
 */
import type { CaseDetail, NoticeLine } from '../ui/api-types.js';
import { el, field, keyed, say, section, select } from '../ui/dom.js';
import type { ConsoleContext } from './context.js';

/** The kinds of special procedure a department may start (行政许可法 第45条, site check, the applicant's rectification). */
const PROCEDURES = ['SITE_CHECK', 'EXPERT', 'HEARING', 'INSPECT_TEST', 'APPRAISAL', 'PUBLIC_NOTICE', 'BID', 'AUCTION', 'APPLICANT_RECTIFY'];

/** Lines of a textarea, one notice item each: `code: reason` or just the reason. */
export function noticeLines(text: string): NoticeLine[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line, i) => {
    const m = /^([A-Za-z0-9_-]+)\s*[:：]\s*(.+)$/.exec(line);
    return m ? { code: m[1]!, reason: m[2]!, basis: null } : { code: `C${i + 1}`, reason: line, basis: null };
  });
}

/** The actions section; `reload` renders the page again after a command succeeded. */
export function actionsSection(ctx: ConsoleContext, c: CaseDetail, reload: () => void): HTMLElement {
  const { t, http } = ctx;
  const base = `/api/cases/${encodeURIComponent(c.caseNo)}`;
  const run = (id: string, label: string, path: string, body: () => unknown) => {
    const button = el('button', { type: 'button', id, class: 'action' }, label);
    button.addEventListener('click', () => {
      button.disabled = true;
      http.post(`${base}${path}`, body()).then(
        () => { say(t('{action}: done', { action: label }), 'ok'); reload(); },
        (err: Error) => { button.disabled = false; say(`${label}: ${err.message}`, 'error'); });
    });
    return button;
  };

  const received = c.phase === undefined ? !c.acceptance && !c.rejection : c.phase === 'received' || c.phase === 'correcting';
  const handling = c.phase === undefined ? !!c.acceptance && !c.decision : c.phase === 'handling';
  const parts: HTMLElement[] = [];

  if (received) {
    const items = el('textarea', { id: 'correction-items', rows: 3, placeholder: t('One item per line; empty: the pre-review finds them') });
    const reasons = el('textarea', { id: 'reject-reasons', rows: 2, placeholder: t('One reason per line; empty: the pre-review finds them') });
    parts.push(
      el('div', { class: 'action-group' }, el('h3', {}, t('Pre-review')),
        field(t('Correction items'), items),
        run('send-correction', t('Send the correction notice'), '/correction-notice', () => (items.value.trim() ? { items: noticeLines(items.value) } : {})),
        ' ', run('accept', t('Accept'), '/accept', () => ({})),
        field(t('Reasons for non-acceptance'), reasons),
        run('reject', t('Do not accept'), '/reject', () => (reasons.value.trim() ? { reasons: noticeLines(reasons.value) } : {}))),
    );
  }

  if (handling) {
    const kind = select('procedure-type', PROCEDURES.map((p) => [p, keyed(t, 'procedure', p)]));
    const reason = el('input', { id: 'procedure-reason', placeholder: t('Reason told to the applicant') });
    const basis = el('input', { id: 'procedure-basis', placeholder: t('Legal basis') });
    const days = el('input', { id: 'procedure-days', type: 'number', min: 1, value: 5 });
    const running = (c.ledger ?? []).filter((s) => !s.end);
    const extReason = el('input', { id: 'extension-reason', placeholder: t('Reason told to the applicant') });
    const extDays = el('input', { id: 'extension-days', type: 'number', min: 1, value: 10 });
    parts.push(el('div', { class: 'action-group' }, el('h3', {}, t('Special procedure')),
      field(t('Kind'), kind), field(t('Reason'), reason), field(t('Basis'), basis), field(t('Expected working days'), days),
      run('start-procedure', t('Start and suspend the case'), '/special-procedures', () => ({
        procedure: kind.value, reason: reason.value || keyed(t, 'procedure', kind.value), basis: basis.value || t('Administrative Licensing Law, art. 45'),
        expectedDuration: { value: Number(days.value), unit: 'WD' },
      })),
      ...running.map((s) => run(`end-procedure-${s.id}`, t('End {name}', { name: keyed(t, 'procedure', s.type) }), `/special-procedures/${encodeURIComponent(s.id)}/end`, () => ({})))));
    if (!c.extension) {
      parts.push(el('div', { class: 'action-group' }, el('h3', {}, t('Extension')),
        field(t('Working days'), extDays), field(t('Reason'), extReason),
        run('extend', t('Extend once (agency head)'), '/extension', () => ({ requested: { value: Number(extDays.value), unit: 'WD' }, reason: extReason.value || t('Extension') }))));
    }
  }
  return section(t('Actions'), ...(parts.length ? parts : [el('p', {}, t('No action on this case now'))]));
}
