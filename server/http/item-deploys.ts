/**
 * What every item deploy route shares: the 422 a refused package answers with (findings naming file, element
 * and row), and the deploy itself, checked against the item it is for and its department, audited as
 * `item.deployed`, answered as the contract's `ItemDeployed`. Nothing is stored when a package is refused.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import type { ItemDeployed } from '../../contracts/api/items.js';
import { negotiateLanguage, wordRuleFindings } from '../../contracts/messages/index.js';
import type { ItemFinding, ItemPackageFiles } from '../../definitions/items/index.js';
import { loadItemPackage } from '../../definitions/items/index.js';
import { deployItemVersion } from '../cases/item-deployment.js';
import { KnexItemRepository } from '../cases/knex-item-repository.js';
import { KnexDefinitionRepository } from '../store/knex-definition-repository.js';
import { reservationOf, reserveItemCode } from '../cases/item-reservations.js';
import { deployBoundary } from '../identity/deploy-boundary.js';
import { orgReferenceFindings, unknownUserStepFindings, unlistedListingDepartments, unlistedStepFindings } from '../organisation/deploy-check.js';
import { hasRole } from '../identity/roles.js';
import { ownerOf } from '../queries/definitions.js';
import { recordNote } from '../queries/version-notes.js';
import { ApiError } from './errors.js';
import { authorize, requireUser } from './guard.js';
import '../plugins/types.js';

/**
 * A refused package: 422 with every finding. `RULE_TABLE_INVALID` when only rule files are at fault,
 * `ITEM_INVALID` otherwise; the message names the first error's file and element or row.
 */
export function itemRefused(findings: readonly ItemFinding[]): ApiError {
  const errs = findings.filter((f) => f.severity === 'error');
  const rules = errs.length > 0 && errs.every((f) => f.file.startsWith('rules/'));
  const first = errs[0];
  return new ApiError(rules ? 'RULE_TABLE_INVALID' : 'ITEM_INVALID', `Expected a deployable item package, but ${errs.length} finding(s) refuse it${first ? `: ${first.file}${first.row ? ` row '${first.row}'` : ''}${first.element ? ` element '${first.element}'` : ''}: ${first.message}` : ''}`, {
    findings: findings.map((f) => ({ ...f })),
  });
}

/** The deployment's stores over one transaction (their caches hold only immutable versions, so fresh ones lose nothing). */
export function inTransaction(trx: Knex.Transaction): { knex: Knex; items: KnexItemRepository; definitions: KnexDefinitionRepository } {
  return { knex: trx, items: new KnexItemRepository(trx), definitions: new KnexDefinitionRepository(trx) };
}

/**
 * Deploys `files` as the next version of item `code` for the calling user: allowed to the item's department
 * admin and the reform office (for a new code, the department its listing names), refused with 422 when
 * the package does not load or is not that item of that department (or lost the rule table `tableId`),
 * and audited when stored. `note` is the deployer's change note (变更说明), kept with the version.
 */
export async function deployItemFiles(app: FastifyInstance, request: FastifyRequest, code: string, files: ItemPackageFiles, tableId?: string, note?: string): Promise<ItemDeployed> {
  const user = requireUser(request);
  const knex = app.store.knex;
  const item = await app.cases.items.find(code);
  const reservation = item ? undefined : await reservationOf(knex, code);
  const known = item?.department ?? reservation?.department ?? (await ownerOf(knex, code));
  const department = known ?? listedDepartment(files);
  authorize(request, 'item.deploy', { kind: 'item', ...(department !== undefined ? { department } : {}) });
  const reform = hasRole(user, 'reform-office-admin');
  // A new item code is the reform office's to create: a department deploys under a code reserved for it.
  if (!item && !reform && !reservation) {
    throw new ApiError('ITEM_CODE_NOT_RESERVED', `Item code '${code}' is not reserved for '${department ?? user.department}'; the reform office reserves item codes (POST /api/items/reservations)`, { itemCode: code });
  }
  const expect = { code, ...(known ? { department: known } : {}), ...(tableId ? { tableId } : {}) };
  if (!reform) {
    const probe = await loadItemPackage(files);
    const refused = probe.ok ? deployBoundary(user, probe.item.definition, department ?? probe.item.listing.implementingBody.name) : undefined;
    if (refused) throw new ApiError(refused.code, refused.message, refused.details);
  }
  // Candidate rules name the organisation: the department and position must exist.
  const probed = await loadItemPackage(files);
  const org = await app.identity.org.snapshot();
  const unknown = probed.ok ? orgReferenceFindings(probed.item.definition, org) : [];
  if (unknown.length) throw new ApiError('DEFINITION_INVALID', unknown[0]!.message, { findings: unknown, first: unknown[0]!.message });
  // The item version, its definition version, the owning department, the reservation and the audit entry commit together.
  const result = await app.audit.transaction(async (trx) => {
    const deployed = await deployItemVersion(files, { ...inTransaction(trx), at: new Date().toISOString(), by: user.id, expect });
    if (!deployed.ok) throw itemRefused(deployed.findings);
    const listed = deployed.item.listing.implementingBody.name;
    // The reform office created the code by deploying it: it is reserved for its department from now on.
    if (!item && !reservation) await reserveItemCode(trx, { code: deployed.item.code, department: listed, name: deployed.item.listing.name, by: user.id, at: new Date().toISOString() });
    if (note) await recordNote(trx, { kind: 'item', key: deployed.item.code, version: deployed.item.version, note });
    return { result: deployed, audit: { actorId: user.id, action: 'item.deployed', target: `${deployed.item.code}@${deployed.item.version}`, details: { department: listed, ...(note ? { note } : {}) } } };
  });
  // As for a plain definition, departments the organisation lacks are told, not refused.
  const language = negotiateLanguage(request.headers['accept-language']);
  const users = probed.ok ? await accountsInUse(app) : new Set<string>();
  const unlisted = probed.ok ? [...unlistedListingDepartments(probed.item.listing, org, language), ...unlistedStepFindings(probed.item.definition, org, language), ...unknownUserStepFindings(probed.item.definition, users, language)] : [];
  return { code: result.item.code, version: result.item.version, definitionVersion: result.item.definition.version, warnings: [...wordRuleFindings(result.warnings, language), ...unlisted] };
}

/** The implementing department a package's listing names, when it can be read at all. */
function listedDepartment(files: ItemPackageFiles): string | undefined {
  try {
    const source = files['item.json'];
    const listing = JSON.parse(String(typeof source === 'string' ? source : new TextDecoder().decode(source))) as { implementingBody?: { name?: unknown } };
    return typeof listing.implementingBody?.name === 'string' ? listing.implementingBody.name : undefined;
  } catch {
    // The loader reports the broken listing, to those allowed to deploy.
    return undefined;
  }
}

/** The ids of the accounts in use, which a step may name as holder, 抄送 recipient or weighed signer. */
export async function accountsInUse(app: FastifyInstance): Promise<Set<string>> {
  return new Set((await app.identity.users.list()).filter((u) => !u.disabled).map((u) => u.id));
}
