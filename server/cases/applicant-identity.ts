/**
 * Who applies, and for whom (申请人, 代理人): the identities an application records, derived from the
 * channel and the acting account, never taken on the form's word.
 *
 * - Online, the applicant is the account: name and ID come from its real-name record (实名); a form naming
 *   somebody else is refused.
 * - As an agent (代办), the account is the agent (its real-name record), and the principal's identity (name,
 *   ID type, ID number) and the power of attorney (授权委托书, the item's mandate material) are recorded; a
 *   principal with an account must match its real-name record (行政许可法 第29条: an application may be made
 *   through an agent, who presents the mandate).
 * - At a window, the clerk registers the applicant from the identity document presented, and, when an agent
 *   is present, the agent's identity and the mandate as well; the clerk is the command's actor.
 *
 * The fact `byAgent` follows the channel. Pure: the caller looks the records up.
 */
import type { Agent, Applicant, Channel } from '../../engine/approval/index.js';
import type { Json, Variables } from '../../engine/core/types.js';
import { isIdType, sameIdentity, type IdType, type RealName } from '../identity/real-name.js';

/** A person as the form gives them. */
export interface GivenPerson {
  id?: string;
  name?: string;
  kind?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

/** What deciding the identities needs. */
export interface IdentityInput {
  channel: Channel;
  caller: { id: string };
  /** The caller's real-name record, if the account has one. */
  callerRecord?: RealName;
  applicant?: GivenPerson;
  agent?: GivenPerson;
  /** The real-name record of the account `applicant.id` names, if there is one. */
  principalRecord?: RealName;
  facts: Variables;
  /** The item's listed facts and materials. */
  listing: { facts: ReadonlyArray<{ name: string }>; materials: ReadonlyArray<{ id: string; name: string }> };
  /** The material ids the application brings (uploads and shared certificates). */
  brought: readonly string[];
}

/** A refusal: a stable code, a message naming the field, details for the pages. */
export interface IdentityRefusal {
  ok: false;
  code: 'REAL_NAME_REQUIRED' | 'IDENTITY_NOT_OWN' | 'MANDATE_MISSING' | 'MANDATE_NOT_ACCEPTED' | 'PRINCIPAL_IDENTITY_REQUIRED' | 'PRINCIPAL_IDENTITY_MISMATCH' | 'FACT_DERIVED';
  message: string;
  details: Record<string, Json>;
}

/** The identities to record and the facts with `byAgent` set. */
export interface Identities {
  ok: true;
  applicant: Applicant;
  agent?: Agent;
  facts: Variables;
}

const refuse = (code: IdentityRefusal['code'], message: string, details: Record<string, Json> = {}): IdentityRefusal => ({ ok: false, code, message, details });

/** The item's power-of-attorney material (授权委托书), by its listed name. */
export function mandateMaterial(listing: IdentityInput['listing']): { id: string; name: string } | undefined {
  return listing.materials.find((m) => m.name.includes('授权委托书'));
}

/** The kind of applicant an ID type suggests when the form says none: an organisation code is an enterprise. */
function kindOf(idType: IdType): string {
  return idType === 'USCC' ? 'ENTERPRISE' : 'NATURAL_PERSON';
}

/** The first field of `given` that differs from `record`, as `prefix.field`. */
function differing(given: GivenPerson | undefined, record: RealName, prefix: string): string | undefined {
  if (given?.name !== undefined && given.name.trim() !== record.name) return `${prefix}.name`;
  if (given?.idType !== undefined && given.idType !== record.idType) return `${prefix}.idType`;
  if (given?.idNumber !== undefined && given.idNumber.trim().toUpperCase() !== record.idNumber) return `${prefix}.idNumber`;
  return undefined;
}

/** The identity a form gives for a person who presents a document: name, ID type and number, all required. */
function presented(given: GivenPerson | undefined, prefix: string, needsId: boolean): RealName | IdentityRefusal {
  const missing = [...(needsId && !given?.id ? ['id'] : []), ...(['name', 'idType', 'idNumber'] as const).filter((f) => !given?.[f])].map((f) => `${prefix}.${f}`);
  if (missing.length) return refuse('PRINCIPAL_IDENTITY_REQUIRED', `Expected ${missing.join(', ')} for this application, but ${missing.length > 1 ? 'they are' : 'it is'} missing`, { missing, field: missing[0]! });
  if (!isIdType(given!.idType)) return refuse('PRINCIPAL_IDENTITY_REQUIRED', `Expected ${prefix}.idType to be an ID type, but got '${given!.idType}'`, { missing: [`${prefix}.idType`], field: `${prefix}.idType` });
  return { name: given!.name!.trim(), idType: given!.idType, idNumber: given!.idNumber!.trim().toUpperCase() };
}

/** Decides the applicant, the agent and `byAgent` of an application, or refuses it. */
export function applicationIdentities(input: IdentityInput): Identities | IdentityRefusal {
  const given = input.applicant;
  const contact = { ...(given?.phone ? { phone: given.phone } : {}), ...(given?.address ? { address: given.address } : {}) };
  let applicant: Applicant;
  let agent: Agent | undefined;
  if (input.channel === 'online') {
    const record = input.callerRecord;
    if (!record) return refuse('REAL_NAME_REQUIRED', `Expected account '${input.caller.id}' to have a real-name record (name, ID type, ID number) to apply online, but it has none`, { field: 'applicant' });
    // Online, one applies in one's own name only: whatever the form says, the name and ID are the record's
    // (the portal's form fields are the applicant's own view of them; they never reach the case).
    applicant = { id: input.caller.id, name: record.name, kind: given?.kind ?? kindOf(record.idType), idType: record.idType, idNumber: record.idNumber, ...contact };
  } else {
    const principal = presented(given, 'applicant', true);
    if ('ok' in principal) return principal;
    if (input.principalRecord && !sameIdentity(principal, input.principalRecord)) {
      const field = differing(given, input.principalRecord, 'applicant') ?? 'applicant';
      return refuse('PRINCIPAL_IDENTITY_MISMATCH', `Expected the applicant '${given!.id}' as their real-name record says, but ${field} differs`, { field });
    }
    applicant = { id: given!.id!, name: principal.name, kind: given?.kind ?? kindOf(principal.idType), idType: principal.idType, idNumber: principal.idNumber, ...contact };
    if (input.channel === 'agent') {
      const record = input.callerRecord;
      if (!record) return refuse('REAL_NAME_REQUIRED', `Expected account '${input.caller.id}' to have a real-name record to act as an agent, but it has none`, { field: 'agent' });
      const field = differing(input.agent, record, 'agent');
      if (field) return refuse('IDENTITY_NOT_OWN', `Expected ${field} to be the agent account's real-name record, but it differs`, { field });
      agent = { id: input.caller.id, name: record.name, idType: record.idType, idNumber: record.idNumber };
    } else if (input.agent && Object.values(input.agent).some((v) => v !== undefined)) {
      const present = presented(input.agent, 'agent', false);
      if ('ok' in present) return present;
      agent = { id: `${present.idType}:${present.idNumber}`, name: present.name, idType: present.idType, idNumber: present.idNumber };
    }
  }
  if (agent) {
    const mandate = mandateMaterial(input.listing);
    if (!mandate) return refuse('MANDATE_NOT_ACCEPTED', 'Expected the item to list a power of attorney (授权委托书) to accept an agent, but it lists none', { field: 'channel' });
    if (!input.brought.includes(mandate.id)) {
      return refuse('MANDATE_MISSING', `Expected the power of attorney, material '${mandate.id}' (${mandate.name}), with an agent's application, but it is missing`, { material: mandate.id, field: `materials.${mandate.id}` });
    }
    agent = { ...agent, mandate: mandate.id };
  }
  const facts = { ...input.facts };
  if (input.listing.facts.some((f) => f.name === 'byAgent')) {
    const derived = agent !== undefined;
    if (facts.byAgent !== undefined && facts.byAgent !== derived) {
      return refuse('FACT_DERIVED', `Expected facts.byAgent to be ${derived} for this ${input.channel} application (it follows the channel), but it is ${String(facts.byAgent)}`, { field: 'facts.byAgent' });
    }
    facts.byAgent = derived;
  }
  return { ok: true, applicant, ...(agent ? { agent } : {}), facts };
}
