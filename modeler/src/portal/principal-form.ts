/**
 * Applying as an agent (代办): when the applicant answers the item's `byAgent` question (委托代理人办理) with
 * yes, the account is the agent and the application is made for the principal (委托人), whose identity the
 * form then asks for — name, ID type and number, and their account if they have one — beside the power of
 * attorney (授权委托书), which the materials check lists for an agent. The server records the agent from
 * the account's real-name record and refuses an agent's application without the principal's identity
 * (PRINCIPAL_IDENTITY_REQUIRED) or the mandate (MANDATE_MISSING): 行政许可法 第二十九条.
 */
import { el, field, keyed, section, type T } from '../ui/dom.js';

/** The ID document types the server accepts (server/identity/real-name.ts `ID_TYPES`). */
const ID_TYPES = ['RESIDENT_ID', 'USCC', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_ID'] as const;

/** The principal as the application sends it (`applicant` of an agent's application). */
export interface Principal {
  id: string;
  name: string;
  idType: string;
  idNumber: string;
}

/** The principal's section and how to read it. */
export interface PrincipalForm {
  box: HTMLElement;
  /** The principal, or the first empty required input with its label. */
  read(): { ok: true; principal: Principal } | { ok: false; input: HTMLElement; label: string };
}

/** The section for the principal's identity; hidden until the application is an agent's. */
export function principalForm(t: T): PrincipalForm {
  const name = el('input', { id: 'principal-name', name: 'principal-name', required: true, autocomplete: 'off' });
  const idType = el('select', { id: 'principal-id-type', name: 'principal-id-type', required: true },
    el('option', { value: '' }, t('Please choose')), ...ID_TYPES.map((v) => el('option', { value: v }, keyed(t, 'idType', v))));
  const idNumber = el('input', { id: 'principal-id', name: 'principal-id', required: true, autocomplete: 'off', inputmode: 'text' });
  const account = el('input', { id: 'principal-account', name: 'principal-account', autocomplete: 'off' });
  const box = section(t('Principal (the applicant you act for)'),
    el('p', { class: 'hint', id: 'principal-hint' }, t('You apply as the agent: give the identity of the person or organisation you act for, and upload the power of attorney (授权委托书) below.')),
    field(t('Name of the principal'), name), field(t('ID type'), idType), field(t('ID number of the principal'), idNumber),
    field(t('Account of the principal (if any)'), account, t('Their login name on this portal; leave empty if they have none')));
  box.id = 'principal';
  box.hidden = true;
  return {
    box,
    read() {
      const required: Array<[HTMLInputElement | HTMLSelectElement, string]> = [[name, t('Name of the principal')], [idType, t('ID type')], [idNumber, t('ID number of the principal')]];
      const empty = required.find(([input]) => !input.value.trim());
      if (empty) return { ok: false, input: empty[0], label: empty[1] };
      const number = idNumber.value.trim().toUpperCase();
      // A principal without an account is known by their ID document, as the window registers them.
      const id = account.value.trim() || `${idType.value}:${number}`;
      return { ok: true, principal: { id, name: name.value.trim(), idType: idType.value, idNumber: number } };
    },
  };
}
