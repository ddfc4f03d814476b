/**
 * The detail of an approval case as the API shows it: status, stage and light; the clocks (statutory and
 * promised deadlines, the pre-acceptance window, suspensions, the extension, co-departments' deadlines);
 * materials required, attached and uploaded; the lifecycle records; open tasks; the documents it has. The
 * applicant's ID number is shown as its last four characters only.
 */
import { caseLight, clockLights, taskClock, type ApprovalState, type HearingRecord } from '../../engine/approval/index.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import type { SuspensionEntry } from '../../engine/clocks/suspension-ledger.js';
import type { CaseView } from '../cases/service-types.js';
import { idSuffixOf } from '../cases/approval-projection.js';
import type { DocumentKind } from '../cases/service-types.js';
import type { CaseDetailBody } from '../../contracts/api/case-detail.js';
import type { UploadView } from '../../contracts/api/case-intake.js';
import { apiInstant } from '../../contracts/api/time.js';
import { clockLightOut, deadlineOut, deadlinesOut, readingOut } from '../queries/api-times.js';

/** The documents a case has, by the state that produces them. */
export function documentKinds(s: ApprovalState): DocumentKind[] {
  return [
    ...(s.corrections.length ? ['correction-notice' as const] : []),
    ...(s.acceptance && s.deadlines ? ['acceptance-notice' as const] : []),
    ...(s.rejection ? ['non-acceptance' as const] : []),
    ...(s.extension && s.deadlines ? ['extension-notice' as const] : []),
    ...(s.ledger.length ? ['special-procedure-notice' as const] : []),
    ...(s.hearing ? ['hearing-right-notice' as const] : []),
    ...(s.hearing?.notices.length ? ['hearing-notice' as const] : []),
  ];
}

/**
 * The case detail body (`CaseDetailSchema`): the lifecycle in the API's shape, every deadline instant written
 * in UTC next to its legal day (`contracts/api/time.ts`).
 */
export function caseDetail(view: CaseView, extra: { uploads: UploadView[]; version: number; createdAt: string; updatedAt: string }, calendar: WorkingCalendar, now: string): CaseDetailBody {
  const s = view.lifecycle;
  const { idNumber, ...applicant } = s.applicant;
  const light = caseLight(calendar, s, now);
  const lights = clockLights(calendar, s, now, view.openTasks);
  const base = `/api/cases/${encodeURIComponent(view.caseNo)}`;
  return {
    caseNo: view.caseNo, itemCode: view.itemCode, itemVersion: view.itemVersion, itemName: s.item.name,
    status: s.status, phase: s.phase, stage: view.summary.stage, department: s.item.department, currentDepartment: view.summary.department,
    ...(light ? { light: light.light } : {}),
    countingPolicy: s.item.countingPolicy ?? 'C1',
    ...(s.item.localSettingsVersion !== undefined ? { localSettingsVersion: s.item.localSettingsVersion } : {}),
    channel: s.channel, deliveryMethods: [...s.item.delivery], specialProcedures: [...s.item.specialProcedures],
    ...(s.item.extension ? { extensionPolicy: { cap: s.item.extension.cap, approverRole: s.item.extension.approverRole } } : {}),
    applicant: { ...applicant, ...(idSuffixOf(idNumber) ? { idSuffix: idSuffixOf(idNumber) } : {}) },
    ...(s.agent ? { agent: { id: s.agent.id, name: s.agent.name, ...(s.agent.idType ? { idType: s.agent.idType } : {}), ...(idSuffixOf(s.agent.idNumber) ? { idSuffix: idSuffixOf(s.agent.idNumber) } : {}), ...(s.agent.mandate ? { mandate: s.agent.mandate } : {}) } } : {}),
    receivedAt: s.receivedAt, receivedOn: s.receivedOn,
    clocks: {
      ...(s.phase === 'received' && s.window ? { preAcceptanceWindow: deadlineOut(s.window.deadline) } : {}),
      ...(s.deadlines ? { statutory: deadlineOut(s.deadlines.statutory), promised: deadlineOut(s.deadlines.promised), departments: deadlinesOut(s.deadlines.departments) } : {}),
      ...(s.deadlines?.delivery ? { delivery: deadlineOut(s.deadlines.delivery) } : {}),
      suspensions: s.ledger.map(suspensionOut),
      extension: s.extension ? { ...s.extension, at: apiInstant(s.extension.at) } : null,
      ...(light ? { reading: readingOut(light) } : {}),
    },
    // Every clock's light with its reason: promised, statutory, each step, each co-department, each task's own due.
    lights: lights.map(clockLightOut),
    requiredMaterials: s.requiredMaterials, materials: s.materials, uploads: extra.uploads,
    corrections: s.corrections, ...(s.hearing ? { hearing: hearingOut(s.hearing) } : {}), fees: s.fees,
    // The step the fees must be paid before (行政许可法 第58条 and the item's fee basis), so the pages can say so.
    ...(s.item.payBefore ? { payBefore: s.item.payBefore } : {}), coDepartments: s.coDepartments,
    // caseId and responseDueInstant are the records' former names, kept readable for one version.
    supervision: s.supervision.map((r) => {
      const responseDueAt = apiInstant(r.responseDueAt);
      return { ...r, responseDueAt, caseId: r.caseNo, responseDueInstant: responseDueAt };
    }),
    ...pick(s, ['acceptance', 'rejection', 'decision', 'concludedAt', 'certificate', 'delivery', 'evaluationRequest', 'evaluation', 'withdrawal', 'revocation']),
    ...(s.rectification ? { rectification: { ...s.rectification, due: deadlineOut(s.rectification.due) } } : {}),
    // 驳回 to the applicant during handling: what to correct, until it is supplied.
    ...(s.handlingCorrection ? { handlingCorrection: { reason: s.handlingCorrection.reason, requestedOn: s.handlingCorrection.requestedOn, ...(s.handlingCorrection.resubmittedOn ? { resubmittedOn: s.handlingCorrection.resubmittedOn } : {}) } } : {}),
    openTasks: view.openTasks.map((task) => {
      const own = taskClock(s, task, lights);
      const out = task.dueAt ? { ...task, dueAt: apiInstant(task.dueAt) } : task;
      return own ? { ...out, light: clockLightOut(own) } : out;
    }),
    documents: documentKinds(s).map((kind) => ({ kind, url: `${base}/documents/${kind}` })),
    version: extra.version, createdAt: extra.createdAt, updatedAt: extra.updatedAt,
  };
}

/**
 * A special procedure of the ledger with the code of a reason the engine wrote itself, so the pages word it:
 * a hearing requested before the ledger carried the code is known by the English reason it recorded.
 */
export function suspensionOut(entry: SuspensionEntry): SuspensionEntry {
  if (entry.reasonCode !== undefined || entry.type !== 'HEARING') return entry;
  const by = /^hearing requested by (.+)$/.exec(entry.reason ?? '')?.[1];
  return by ? { ...entry, reasonCode: 'hearing.requested-by', reasonParams: { by } } : entry;
}

/** The hearing with its two deadlines in the API's time contract. */
function hearingOut(h: HearingRecord): NonNullable<CaseDetailBody['hearing']> {
  return { ...h, requestBy: deadlineOut(h.requestBy), ...(h.holdBy ? { holdBy: deadlineOut(h.holdBy) } : {}) };
}

/** The records of `keys` the state has, as they are. */
function pick<K extends keyof ApprovalState>(s: ApprovalState, keys: readonly K[]): Partial<Pick<ApprovalState, K>> {
  return Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]])) as Partial<Pick<ApprovalState, K>>;
}
