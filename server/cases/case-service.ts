/**
 * The application service of approval cases (no HTTP: the routes call it). It reads the item version,
 * applies its rule tables, stores uploaded materials, and runs every lifecycle command through the
 * `CaseRunner` (load -> step -> commit -> dispatch) on the approval aggregate. Documents are rendered from
 * the stored state by the aggregate's pure render functions.
 */
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import { toZoned } from '../../engine/calendar/dates.js';
import { openCaseClocks } from '../../engine/approval/open-clocks.js';
import {
  renderAcceptanceNotice, renderCorrectionNotice, renderNonAcceptance, timeline,
  type ApprovalCaseState, type ApprovalCommand, type MaterialRef, type NoticeItem,
} from '../../engine/approval/index.js';
import { openTasks } from '../../engine/core/index.js';
import type { Actor, Json } from '../../engine/core/types.js';
import type { CaseRunner, ExecuteOptions } from '../../engine/runtime/case-runner.js';
import type { CaseStore, Clock } from '../../engine/runtime/ports.js';
import { TaskService } from '../runtime/task-service.js';
import { withLocality } from '../settings/case-locality.js';
import { newCaseNumber } from './case-number.js';
import { laterDocument } from './later-documents.js';
import { checkFacts } from './facts.js';
import type { FileStorage } from './file-storage.js';
import type { ItemRepository } from './item-repository.js';
import { feesFor, materialsFor, preReview, type PreReview } from './item-rules.js';
import type {
  ApplyInput, CalendarReach, CaseView, DocumentKind, MaterialInput, RecalculationReport, ServiceRefusal, ServiceResult, TimelineEntry,
} from './service-types.js';

/** The system actor of an automatic acceptance at submission, and its reason. */
export const AUTO_ACCEPTANCE_ACTOR: Actor = { id: 'system', name: 'acceptance on submission' };
export const AUTO_ACCEPTANCE_REASON = 'accepted on submission as the item is configured';

/** Collaborators of a `CaseService`. */
export interface CaseServiceDeps {
  runner: CaseRunner<ApprovalCaseState, ApprovalCommand>;
  store: CaseStore;
  items: ItemRepository;
  files: FileStorage;
  clock: Clock;
  calendar: WorkingCalendar;
  /** Case numbers; random by default (not guessable in sequence). */
  caseNumber?: (day: string) => string;
  /** Certificate numbers; `<item code>-<year>-<random>` by default. */
  certificateNumber?: (itemCode: string, day: string) => string;
  /** The open cases (awaiting acceptance or in handling); without it there are none to recalculate. */
  openCases?: () => Promise<string[]>;
}

type Without<C, K extends string> = C extends unknown ? Omit<C, 'type' | K> : never;
/** The hearing commands (行政许可法 第47条, 第48条). */
export type HearingCommand = Extract<ApprovalCommand, { type: `hearing.${string}` }>;

type Args<T extends ApprovalCommand['type']> = Without<Extract<ApprovalCommand, { type: T }>, never>;

/** Approval cases from application to evaluation. */
export class CaseService {
  /**
   * Claim and complete, on the task path the task routes take too: the step authority (`stepAuthority`, the
   * actor's roles carrying its step roles, see `caseActor`) is checked on the case the command loads.
   */
  private readonly tasks = new TaskService<ServiceResult>(async (caseNo, command, opts) => (await this.runWithState(caseNo, command, undefined, undefined, opts.precondition)).result);

  constructor(private readonly deps: CaseServiceDeps) {}

  /**
   * 申报: checks the facts, stores the materials, computes the required materials and fees, and opens the case.
   * An item configured with `acceptOnSubmission` is accepted at the submission instant by the system when
   * pre-review finds nothing to correct or reject (scenario S1); the acceptance notice is then returned as `document`.
   */
  async apply(input: ApplyInput): Promise<ServiceResult<{ requiredMaterials: { material: string; name: string }[]; fees: number; document?: string }>> {
    // The route has read the current version already (to check the caller against its department).
    const item = input.item?.code === input.itemCode ? input.item : await this.deps.items.current(input.itemCode);
    if (!item) return refusal('', 'ITEM_NOT_AVAILABLE', `Expected item '${input.itemCode}' to be deployed and enabled, but it is not`);
    const problems = checkFacts(item.listing.facts, input.facts);
    if (problems.length) return refusal('', 'FACTS_INVALID', problems.map((p) => p.message).join('; '), { problems: problems.map((p) => ({ ...p })) });
    const materials = await this.store(item.listing.materials.map((m) => m.id), input.materials);
    if ('unknown' in materials) return refusal('', 'UNKNOWN_MATERIAL', `Expected materials of the item's list, but '${materials.unknown}' is not one`);
    const requiredMaterials = await materialsFor(item, input.facts);
    const fees = await feesFor(item, input.facts);
    const day = this.today();
    const caseNo = (this.deps.caseNumber ?? newCaseNumber)(day);
    const command: ApprovalCommand = {
      type: 'case.apply', caseNo, item: withLocality(item.snapshot, this.deps.calendar), channel: input.channel, applicant: input.applicant,
      ...(input.agent ? { agent: input.agent } : {}), facts: input.facts, materials: materials.refs, requiredMaterials, fees, actor: input.actor,
    };
    // The acceptance at submission steps on the state the application left and commits with it: one
    // transaction, one load and one commit (and on PostgreSQL one chain append) for both.
    const accept: ApprovalCommand = { type: 'case.accept', actor: AUTO_ACCEPTANCE_ACTOR, reason: AUTO_ACCEPTANCE_REASON };
    const follow = async (state: ApprovalCaseState) => (state.approval && (await preReview(item, state.approval)).acceptable ? accept : undefined);
    const { results, state } = item.listing.acceptOnSubmission
      ? await this.deps.runner.executeThen(caseNo, command, follow, { definition: { key: item.code, version: item.version } })
      : await this.deps.runner.executeWithState(caseNo, command, { definition: { key: item.code, version: item.version } }).then((r) => ({ results: [r.result], state: r.state }));
    const [applied, accepted] = results;
    if (!applied!.ok) return { ok: false, caseNo, refusal: applied!.refusal };
    const committed = state ?? (await this.load(caseNo))?.state;
    const events = [...applied!.events, ...(accepted?.ok ? accepted.events : [])];
    const document = accepted?.ok ? { document: (committed?.approval && renderDocument(committed.approval, 'acceptance-notice')) || '' } : {};
    return {
      ok: true, caseNo, status: committed?.approval?.status ?? 0, events, ...document,
      requiredMaterials: requiredMaterials.map((m) => ({ material: m.material, name: m.name })), fees: fees.total,
    };
  }

  /** 预审: what the acceptance conditions and the materials table find, without changing the case. */
  async preReview(caseNo: string): Promise<PreReview | undefined> {
    const loaded = await this.load(caseNo);
    if (!loaded?.state.approval) return undefined;
    const item = await this.deps.items.get(loaded.itemKey, loaded.definitionVersion);
    return item ? preReview(item, loaded.state.approval) : undefined;
  }

  /** 一次性补正告知: the pre-review's corrections (or the given items) in one notice; returns the printable notice. */
  async notifyCorrection(caseNo: string, args: { actor: Actor; items?: NoticeItem[]; reason?: string }): Promise<ServiceResult<{ document: string }>> {
    const items = args.items ?? (await this.preReview(caseNo))?.corrections ?? [];
    const run = await this.runWithState(caseNo, { type: 'correction.notify', items, actor: args.actor, ...(args.reason ? { reason: args.reason } : {}) });
    return this.withDocument(run.result, 'correction-notice', run.state);
  }

  async supplyCorrection(caseNo: string, args: { actor: Actor; materials: MaterialInput[] }): Promise<ServiceResult> {
    const loaded = await this.load(caseNo);
    const item = loaded && (await this.deps.items.get(loaded.itemKey, loaded.definitionVersion));
    if (!item) return refusal(caseNo, 'CASE_NOT_FOUND', `Expected case '${caseNo}' to exist, but it does not`);
    const materials = await this.store(item.listing.materials.map((m) => m.id), args.materials);
    if ('unknown' in materials) return refusal(caseNo, 'UNKNOWN_MATERIAL', `Expected materials of the item's list, but '${materials.unknown}' is not one`);
    return this.run(caseNo, { type: 'correction.supply', materials: materials.refs, actor: args.actor });
  }

  /** 受理: returns the printable acceptance notice with the promised date. */
  async accept(caseNo: string, args: Args<'case.accept'>): Promise<ServiceResult<{ document: string }>> {
    const run = await this.runWithState(caseNo, { type: 'case.accept', ...args });
    return this.withDocument(run.result, 'acceptance-notice', run.state);
  }

  /** 不予受理: the pre-review's reasons (or the given ones); returns the printable decision. */
  async reject(caseNo: string, args: { actor: Actor; reasons?: NoticeItem[] }): Promise<ServiceResult<{ document: string }>> {
    const reasons = args.reasons ?? (await this.preReview(caseNo))?.rejectionReasons ?? [];
    const run = await this.runWithState(caseNo, { type: 'case.reject', reasons, actor: args.actor });
    return this.withDocument(run.result, 'non-acceptance', run.state);
  }

  /** Completes a task; refused (STEP_*) unless the actor is of the step's department and holds its role. */
  completeTask(caseNo: string, args: Args<'task.complete'>): Promise<ServiceResult> {
    return this.tasks.complete(caseNo, args);
  }

  /** Claims a task; the same step authority as completing it. */
  claimTask(caseNo: string, args: Args<'task.claim'>): Promise<ServiceResult> {
    return this.tasks.claim(caseNo, args);
  }

  startSpecialProcedure(caseNo: string, args: Args<'special-procedure.start'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'special-procedure.start', ...args });
  }

  endSpecialProcedure(caseNo: string, args: Args<'special-procedure.end'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'special-procedure.end', ...args });
  }

  /** 延长审批 (行政许可法 第42条): returns the extension notice with the reason and the new dates. */
  async approveExtension(caseNo: string, args: Args<'extension.approve'>): Promise<ServiceResult<{ document: string }>> {
    const run = await this.runWithState(caseNo, { type: 'extension.approve', ...args });
    return this.withDocument(run.result, 'extension-notice', run.state);
  }

  /**
   * The hearing commands (行政许可法 第47条, 第48条): notify the right, request or waive it, schedule, hold or end
   * the hearing. Returns the notice the command produced (听证告知书, 听证通知书), if any.
   */
  async hearing(caseNo: string, command: HearingCommand): Promise<ServiceResult<{ document?: string }>> {
    const result = await this.run(caseNo, command);
    const kind = command.type === 'hearing.notify' ? 'hearing-right-notice' : command.type === 'hearing.schedule' ? 'hearing-notice' : undefined;
    return kind ? this.withDocument(result, kind) : result;
  }

  withdraw(caseNo: string, args: Args<'case.withdraw'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'case.withdraw', ...args });
  }

  confirmPayment(caseNo: string, args: Args<'payment.confirm'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'payment.confirm', ...args });
  }

  /** Issues the certificate to the certificate library: number, holder (the applicant), issuer (the implementing body). */
  async issueCertificate(caseNo: string, args: { actor: Actor; number?: string }): Promise<ServiceResult<{ certificateNumber: string }>> {
    const s = (await this.load(caseNo))?.state.approval;
    if (!s) return refusal(caseNo, 'CASE_NOT_FOUND', `Expected case '${caseNo}' to exist, but it does not`);
    // Generated already at the decision (or its step): asking again without another number answers it.
    if (s.certificate && (args.number === undefined || args.number === s.certificate.number)) {
      return { ok: true, caseNo, status: s.status, events: [], certificateNumber: s.certificate.number };
    }
    const number = args.number ?? (this.deps.certificateNumber ?? defaultCertificateNumber)(s.item.code, this.today());
    const result = await this.run(caseNo, { type: 'certificate.issue', number, holder: s.applicant.name, issuer: s.item.department, actor: args.actor });
    return result.ok ? { ...result, certificateNumber: number } : result;
  }

  recordDelivery(caseNo: string, args: Args<'delivery.record'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'delivery.record', ...args });
  }

  /** 好差评: a grade of 4 or 5 opens a rectification with its own deadline. */
  evaluate(caseNo: string, args: Args<'case.evaluate'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'case.evaluate', ...args });
  }

  /** 撤销行政许可 (行政许可法 第69条): a granted, concluded case is revoked with its reason and legal basis. */
  revoke(caseNo: string, args: Args<'case.revoke'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'case.revoke', ...args });
  }

  completeRectification(caseNo: string, args: Args<'rectification.complete'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'rectification.complete', ...args });
  }

  /**
   * The supervision sweep of one case: lights on the current day, one record per new violation. A system
   * command, so it steps again on the fresh state when a user's command won the race.
   */
  evaluateSupervision(caseNo: string): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'supervision.evaluate', actor: { id: 'system', name: 'supervision' } }, undefined, 3);
  }

  /**
   * A new calendar version reaches the open cases (行政许可法 第82条): runs `calendar.recalculate` on every
   * case awaiting acceptance or in handling, on this service's calendar. Each changed deadline becomes one
   * `deadline.recalculated` event; a case with no change is not written. A system command, retried on a race.
   */
  async recalculateOpenCases(): Promise<RecalculationReport> {
    const report: RecalculationReport = { calendarVersion: this.deps.calendar.version, checked: 0, changed: 0, recorded: 0, failed: [] };
    for (const caseNo of (await this.deps.openCases?.()) ?? []) {
      report.checked++;
      const result = await this.run(caseNo, { type: 'calendar.recalculate', actor: { id: 'system', name: 'calendar' } }, undefined, 3);
      if (!result.ok) {
        report.failed.push({ caseNo, code: result.refusal.code, message: result.refusal.message });
        continue;
      }
      const recorded = result.events.filter((e) => e.type === 'deadline.recalculated').length;
      if (recorded) report.changed++;
      report.recorded += recorded;
    }
    return report;
  }

  /** How the open cases stand against this service's calendar: how many have a running deadline on provisional days. */
  async calendarReach(): Promise<CalendarReach> {
    const reach: CalendarReach = { calendarVersion: this.deps.calendar.version, open: 0, provisional: 0 };
    const now = this.deps.clock.now().toISOString();
    for (const caseNo of (await this.deps.openCases?.()) ?? []) {
      const s = (await this.load(caseNo))?.state.approval;
      if (!s) continue;
      reach.open++;
      if (openCaseClocks(s, now).some((c) => c.current.provisional)) reach.provisional++;
    }
    return reach;
  }

  /** 退回: sends the process back to an earlier step, with the reason. */
  returnCase(caseNo: string, args: Args<'case.return'>): Promise<ServiceResult> {
    return this.run(caseNo, { type: 'case.return', ...args } as ApprovalCommand);
  }

  async timeline(caseNo: string): Promise<TimelineEntry[]> {
    return timeline(await this.deps.store.listEvents(caseNo));
  }

  async getCase(caseNo: string): Promise<CaseView | undefined> {
    const loaded = await this.load(caseNo);
    if (!loaded?.state.approval) return undefined;
    return {
      caseNo, itemCode: loaded.itemKey, itemVersion: loaded.definitionVersion, summary: loaded.summary,
      lifecycle: loaded.state.approval, openTasks: openTasks(loaded.state.process),
    };
  }

  /** A printable document of the case, rendered from its state; undefined when the case has none of that kind. */
  async document(caseNo: string, kind: DocumentKind): Promise<string | undefined> {
    const s = (await this.load(caseNo))?.state.approval;
    return s ? renderDocument(s, kind) : undefined;
  }

  private today(): string {
    return toZoned(this.deps.clock.now().toISOString(), this.deps.calendar.zone).date;
  }

  private async load(caseNo: string) {
    const stored = await this.deps.store.loadCase(caseNo);
    return stored ? { ...stored, state: stored.state as unknown as ApprovalCaseState } : undefined;
  }

  private async run(caseNo: string, command: ApprovalCommand, definition?: { key: string; version: number }, retryOnConflict?: number): Promise<ServiceResult> {
    return (await this.runWithState(caseNo, command, definition, retryOnConflict)).result;
  }

  /** Runs `command`; the state it committed comes back with the result, so the case is not read again. */
  private async runWithState(
    caseNo: string, command: ApprovalCommand, definition?: { key: string; version: number }, retryOnConflict?: number, precondition?: ExecuteOptions['precondition'],
  ): Promise<{ result: ServiceResult; state?: ApprovalCaseState }> {
    const opts = { ...(definition ? { definition } : {}), ...(retryOnConflict ? { retryOnConflict } : {}), ...(precondition ? { precondition } : {}) };
    const { result, state } = await this.deps.runner.executeWithState(caseNo, command, opts);
    if (!result.ok) return { result: { ok: false, caseNo, refusal: result.refusal } };
    const committed = state ?? (await this.load(caseNo))?.state;
    const status = committed?.approval?.status ?? 0;
    return { result: { ok: true, caseNo, status, events: result.events }, ...(committed ? { state: committed } : {}) };
  }

  /** Adds the document of `kind`, rendered from `state` when the command answered it, else from the stored case. */
  private async withDocument(result: ServiceResult, kind: DocumentKind, state?: ApprovalCaseState): Promise<ServiceResult<{ document: string }>> {
    if (!result.ok) return result;
    const document = state?.approval ? renderDocument(state.approval, kind) : await this.document(result.caseNo, kind);
    return { ...result, document: document ?? '' };
  }

  /**
   * Stores uploads and keeps shared-certificate references; refuses a material the item does not list before
   * writing any file. The uploads are written side by side: each waits on its own flushes to disk (see
   * `LocalDiskStorage.put`), which one after another made an application with three files wait three times.
   */
  private async store(listed: string[], inputs: MaterialInput[]): Promise<{ refs: MaterialRef[] } | { unknown: string }> {
    const unknown = inputs.find((input) => !listed.includes(input.material));
    if (unknown) return { unknown: unknown.material };
    const refs = await Promise.all(inputs.map(async (input): Promise<MaterialRef> => {
      if ('shared' in input) return { material: input.material, kind: 'shared', certificate: { ...input.shared } };
      if ('stored' in input) return { material: input.material, kind: 'upload', ...input.stored };
      const stored = await this.deps.files.put(input.file.bytes, { name: input.file.name, ...(input.file.contentType ? { contentType: input.file.contentType } : {}) });
      return { material: input.material, kind: 'upload', name: stored.name, ref: stored.ref, sha256: stored.sha256, size: stored.size, contentType: stored.contentType };
    }));
    return { refs };
  }
}

/** The printable document of `kind` of lifecycle `s`; undefined when the case has none of that kind. */
function renderDocument(s: NonNullable<ApprovalCaseState['approval']>, kind: DocumentKind): string | undefined {
  if (kind === 'acceptance-notice') return s.acceptance && s.deadlines ? renderAcceptanceNotice(s) : undefined;
  if (kind === 'correction-notice') return s.corrections.length ? renderCorrectionNotice(s) : undefined;
  if (kind === 'non-acceptance') return s.rejection ? renderNonAcceptance(s) : undefined;
  return laterDocument(s, kind);
}

function refusal(caseNo: string, code: string, message: string, details?: Record<string, Json>): { ok: false; caseNo: string; refusal: ServiceRefusal } {
  return { ok: false, caseNo, refusal: { code, message, ...(details ? { details } : {}) } };
}

function defaultCertificateNumber(itemCode: string, day: string): string {
  return `${itemCode}-${day.slice(0, 4)}-${newCaseNumber(day).slice(-8)}`;
}
