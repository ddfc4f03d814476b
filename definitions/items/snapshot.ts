/**
 * The snapshot a case takes of an item version at application: limits, extension policy (行政许可法 第42条),
 * correction window (第32条), special-procedure pause overrides (第45条), light thresholds, delivery limit
 * (第44条), fees, result and contacts.
 */
import type { ItemSnapshot } from '../../engine/approval/item-snapshot.js';
import { ARTICLES } from '../../engine/clocks/articles.js';
import { DEFAULT_DELIVERY_LIMIT } from '../../engine/clocks/delivery.js';
import { extensionPolicyFor } from '../../engine/clocks/extension.js';
import type { ItemPauseOverrides, SpecialProcedureType } from '../../engine/clocks/special-procedures.js';
import type { Limit } from '../../engine/clocks/types.js';
import type { ItemListing, ListingLimit } from './listing.js';

/** Default time to rectify after a poor evaluation (ASSUMED; a locality sets its own). */
export const DEFAULT_RECTIFICATION_LIMIT: Limit = { value: 5, unit: 'WD' };

const limit = (l: ListingLimit): Limit => ({ value: l.value, unit: l.unit });

/** Builds the case snapshot of `listing` at `version`. */
export function itemSnapshot(listing: ItemListing, version: number): ItemSnapshot {
  const ext = listing.statutoryLimit.extension;
  const pauseOverrides: ItemPauseOverrides = {};
  for (const p of listing.specialProcedures) {
    // The listing says whether the time counts; a procedure that does not count pauses that clock.
    pauseOverrides[p.type as SpecialProcedureType] = {
      statutory: !p.countsTowardStatutory,
      promised: !p.countsTowardPromised,
      ...(p.basis ? { basis: p.basis } : {}),
    };
  }
  return {
    code: listing.code,
    version,
    name: listing.name,
    department: listing.implementingBody.name,
    caseType: listing.caseType,
    statutoryLimit: limit(listing.statutoryLimit),
    statutoryArticle: listing.statutoryLimit.article,
    promisedLimit: limit(listing.promisedLimit),
    // A listing silent on the extension gets the law's own (第42条: 10 WD by the agency head, or 15 WD by the
    // same-level government head for joint handling); `null` says the item's law allows none.
    extension: ext
      ? { cap: { value: ext.value, unit: ext.unit }, approverRole: ext.approverRole, article: ext.article ?? (listing.joint ? ARTICLES.joint : ARTICLES.decision) }
      : ext === null ? null : extensionPolicyFor({ joint: listing.joint !== undefined }),
    ...(listing.statutoryLimit.extensionMovesPromised === false ? { extensionMovesPromised: false } : {}),
    ...(listing.statutoryLimit.lateExtension ? { lateExtension: listing.statutoryLimit.lateExtension } : {}),
    correctionWindow: limit(listing.correctionWindow),
    secondNoticePolicy: listing.secondCorrectionNotice ?? 'refuse',
    pauseOverrides,
    specialProcedures: listing.specialProcedures.map((p) => p.type),
    ...(listing.specialProcedures.some((p) => p.expectedDuration)
      ? { procedureDurations: Object.fromEntries(listing.specialProcedures.filter((p) => p.expectedDuration).map((p) => [p.type, limit(p.expectedDuration!)])) }
      : {}),
    // Only the listing's own thresholds: where it sets none, the locality's apply (else 80%).
    lightThresholds: { ...listing.lights },
    ...(listing.countingPolicy ? { countingPolicy: listing.countingPolicy } : {}),
    deliveryLimit: listing.deliveryLimit ? limit(listing.deliveryLimit) : DEFAULT_DELIVERY_LIMIT,
    rectificationLimit: listing.rectificationLimit ? limit(listing.rectificationLimit) : DEFAULT_RECTIFICATION_LIMIT,
    ...(listing.fees.payBefore ? { payBefore: listing.fees.payBefore } : {}),
    ...(listing.acceptOnSubmission ? { acceptOnSubmission: true } : {}),
    ...(listing.stepLimits?.length
      ? { stepLimits: listing.stepLimits.map((s) => ({ step: s.step, limit: limit(s.limit), article: s.article, ...(s.from ? { from: s.from } : {}) })) }
      : {}),
    ...(listing.hearingLimits
      ? {
          hearingLimits: Object.fromEntries(
            Object.entries(listing.hearingLimits).map(([k, v]) => [k, limit(v as ListingLimit)]),
          ) as ItemSnapshot['hearingLimits'],
        }
      : {}),
    result: {
      name: listing.result.name,
      eCertificate: listing.result.eCertificate,
      ...(listing.result.validityYears ? { validityYears: listing.result.validityYears } : {}),
      ...(listing.result.issueAt && listing.result.issueAt !== 'decision' ? { issueAt: listing.result.issueAt } : {}),
    },
    ...(listing.joint
      ? {
          joint: {
            leadDepartment: listing.joint.leadDepartment,
            coDepartments: listing.joint.coDepartments.map((c) => ({
              department: c.department,
              promisedLimit: limit(c.promisedLimit),
              ...(c.statutoryLimit ? { statutoryLimit: limit(c.statutoryLimit) } : {}),
            })),
          },
        }
      : {}),
    delivery: [...listing.delivery],
    contacts: {
      consultation: listing.contacts.consultation,
      complaint: listing.contacts.complaint,
      ...(listing.contacts.address ? { address: listing.contacts.address } : {}),
    },
    legalBasis: [...listing.legalBasis],
  };
}
