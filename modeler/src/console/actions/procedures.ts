/**
 * Special procedures and the extension on the case page (行政许可法 第45条, 第42条): the kinds the item allows,
 * with the reason, basis and expected duration told to the applicant, the running ones with their end; the
 * one extension, offered only to a user holding the role the item's policy names (the agency head).
 */
import { el, field, keyed, say, select } from '../../ui/dom.js';
import { dateTime } from '../../ui/format.js';
import { group, type CaseActionModule } from './kit.js';
import { isStaff } from './task-ops-kit.js';

/** The procedures 行政许可法 第45条 names (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审). */
const ARTICLE_45 = ['HEARING', 'BID', 'AUCTION', 'INSPECT_TEST', 'APPRAISAL', 'EXPERT'];

type Extra = { specialProcedures?: string[]; extensionPolicy?: { cap: { value: number; unit: string }; approverRole: string } };

/** Special procedures: start one of the item's kinds, end a running one. */
export const procedureActions: CaseActionModule = (kit) => {
  const { t } = kit.ctx;
  const c = kit.c as typeof kit.c & Extra;
  if (c.phase !== 'handling') return undefined;
  // The lead department's, as the server allows it (case.intake): on a joint case a co-department works its step.
  const me = kit.ctx.me?.();
  if (!isStaff(me) || !me.department || me.department !== c.department) return undefined;
  const running = (c.ledger ?? []).filter((s) => !s.end);
  // The item's own kinds; the applicant's correction during handling (APPLICANT_RECTIFY) is asked by 驳回 to
  // the applicant, which tells the correction once (一次性告知) and waits for the resubmission.
  const kinds = (c.specialProcedures ?? []).filter((k) => k !== 'APPLICANT_RECTIFY');
  const parts: (Node | string)[] = running.map((s) => el('div', { class: 'running', 'data-procedure': s.id },
    el('p', {}, `${keyed(t, 'procedure', s.type)} · ${t('since {at}', { at: dateTime(s.start) })}${s.expectedEnd ? ` · ${t('expected end {date}', { date: s.expectedEnd })}` : ''}`),
    kit.run(`end-procedure-${s.id}`, t('End {name}', { name: keyed(t, 'procedure', s.type) }), `/special-procedures/${encodeURIComponent(s.id)}/end`, () => ({}))));
  if (kinds.length && !running.length) {
    const kind = select('procedure-type', kinds.map((p) => [p, keyed(t, 'procedure', p)]));
    const reason = el('input', { id: 'procedure-reason', placeholder: t('Reason told to the applicant') });
    // Art. 45 names the procedures whose time is not counted; for another kind staff give its own basis.
    const basisOf = (k: string) => (ARTICLE_45.includes(k) ? t('Administrative Licensing Law, art. 45') : '');
    const basis = el('input', { id: 'procedure-basis', value: basisOf(kind.value), placeholder: t('Legal basis of the procedure') });
    kind.addEventListener('change', () => { basis.value = basisOf(kind.value); });
    const days = el('input', { id: 'procedure-days', type: 'number', min: 1, value: 5 });
    parts.push(field(t('Kind'), kind), field(t('Reason'), reason), field(t('Basis'), basis), field(t('Expected working days'), days),
      kit.run('start-procedure', t('Start and suspend the case'), '/special-procedures', () => {
        if (!reason.value.trim()) { say(t('Give the reason told to the applicant'), 'error'); reason.focus(); return undefined; }
        if (!basis.value.trim()) { say(t('Give the legal basis of the procedure'), 'error'); basis.focus(); return undefined; }
        return { procedure: kind.value, reason: reason.value.trim(), basis: basis.value.trim(), expectedDuration: { value: Number(days.value), unit: 'WD' } };
      }));
  }
  return parts.length ? group('procedure-actions', t('Special procedure'), ...parts) : undefined;
};

/** The one extension, for its approver only, before the decision. */
export const extensionActions: CaseActionModule = (kit) => {
  const { t } = kit.ctx;
  const c = kit.c as typeof kit.c & Extra;
  const me = kit.ctx.me?.();
  const policy = c.extensionPolicy;
  if (c.phase !== 'handling' || c.extension || c.decision || !policy) return undefined;
  if (!me || ![...me.roles, ...(me.groups ?? [])].includes(policy.approverRole)) return undefined;
  const days = el('input', { id: 'extension-days', type: 'number', min: 1, max: policy.cap.value, value: policy.cap.value });
  const reason = el('input', { id: 'extension-reason', placeholder: t('Reason told to the applicant') });
  return group('extension-actions', t('Extension'), field(t('Working days'), days), field(t('Reason'), reason),
    kit.run('extend', t('Extend once (agency head)'), '/extension', () => {
      if (!reason.value.trim()) { say(t('Give the reason told to the applicant'), 'error'); reason.focus(); return undefined; }
      return { requested: { value: Number(days.value), unit: policy.cap.unit }, reason: reason.value.trim() };
    }));
};
