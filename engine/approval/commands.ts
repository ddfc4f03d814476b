/**
 * The commands of an approval case: imperative and dotted. Lifecycle commands must name a real-name actor
 * (nobody acts in another's name); the core's commands pass through to `engine/core` only while the case
 * is in handling.
 */
import type { SpecialProcedureType } from '../clocks/special-procedures.js';
import type { Limit } from '../clocks/types.js';
import type { Actor, Command, TaskOperation } from '../core/types.js';
import type { Application, MaterialRef, NoticeItem } from './state.js';

/** Commands of the case lifecycle. */
export type LifecycleCommand =
  /** 申报: the application with its facts, materials, the required materials and the fees the rules gave. */
  | (Application & { type: 'case.apply'; actor: Actor })
  /** 一次性补正告知 (行政许可法 第32条). */
  | { type: 'correction.notify'; items: NoticeItem[]; reason?: string; actor: Actor }
  | { type: 'correction.supply'; materials: MaterialRef[]; actor: Actor }
  /** 受理; deemed and back-dated to the receipt when the 第32条 window has lapsed. */
  /** `reason` replaces the default why of the acceptance (e.g. an automatic acceptance at submission). */
  | { type: 'case.accept'; deferred?: string[]; reason?: string; actor: Actor }
  /** 不予受理, with reasons and legal basis. */
  | { type: 'case.reject'; reasons: NoticeItem[]; actor: Actor }
  | {
      type: 'special-procedure.start';
      id: string;
      procedure: SpecialProcedureType;
      reason: string;
      basis: string;
      expectedDuration?: Limit;
      actor: Actor;
    }
  | { type: 'special-procedure.end'; id: string; result?: string; actor: Actor }
  | { type: 'extension.approve'; requested: Limit; reason: string; actor: Actor }
  /** 告知听证权利 (行政许可法 第47条): the decision concerns major interests of the applicant and others. */
  | { type: 'hearing.notify'; reason: string; basis: string; parties?: string[]; actor: Actor }
  /** The applicant, the agent or a party told of the right requests the hearing, within the window (第47条). */
  | { type: 'hearing.request'; actor: Actor }
  /** 听证通知: the time and place, 7 working days before the hearing (第48条第1款第1项). */
  | { type: 'hearing.schedule'; day: string; time?: string; place: string; actor: Actor }
  /** The hearing is held on its notified day; its record (听证笔录) in summary. */
  | { type: 'hearing.hold'; record: string; actor: Actor }
  /** The applicant, the agent or a party told of the right waives it (放弃听证) before requesting. */
  | { type: 'hearing.waive'; actor: Actor }
  /** A requested hearing ends without being held (the request withdrawn …), with the reason; the clocks run again. */
  | { type: 'hearing.end'; reason: string; actor: Actor }
  | { type: 'case.withdraw'; reason: string; actor: Actor }
  | { type: 'case.revoke'; reason: string; basis: string; actor: Actor }
  | { type: 'payment.confirm'; amount: number; reference: string; actor: Actor }
  | { type: 'certificate.issue'; number: string; holder: string; issuer: string; actor: Actor }
  | { type: 'delivery.record'; method: 'pickup' | 'express' | 'online'; trackingNumber?: string; carrier?: string; actor: Actor }
  | { type: 'case.evaluate'; grade: number; comment?: string; actor: Actor }
  | { type: 'rectification.complete'; note: string; actor: Actor }
  /** A supervision sweep: re-reads the lights on `ctx.now` and records each new violation once. */
  | { type: 'supervision.evaluate'; actor: Actor }
  /** A new calendar version: recompute the open clocks on `ctx.calendar` and record each change (行政许可法 第82条). */
  | { type: 'calendar.recalculate'; actor: Actor }
  | TaskNoteCommand;

/** 催办 and 抄送: recorded on the case, they do not change who holds a task. */
export type TaskNoteCommand =
  /** 催办: a reminder to the task's assignee (or its department), limited per day. */
  | { type: 'task.urge'; taskId: string; note?: string; actor: Actor }
  /** 抄送: read-only copies of the case to users or departments. */
  | { type: 'task.copy'; taskId: string; users?: string[]; departments?: string[]; note?: string; actor: Actor };

/** The core commands an approval case passes to `engine/core` while in handling. */
export type PassThroughCommand = Extract<
  Command,
  { type: 'task.claim' | 'task.complete' | 'decision.complete' | 'message.correlate' | 'timer.fire' | 'case.return' }
> | TaskOperationCommand;

/** The operations on a task (转办, 委派, 加签, 减签, 驳回 to a step, 拿回), decided by the core. */
export type TaskOperationCommand = Exclude<TaskOperation, { type: 'task.reject' }> | ApprovalReject;

/** 驳回: to a step as the core does, or to the applicant (`to: 'applicant'`) for a correction. */
export type ApprovalReject = Extract<TaskOperation, { type: 'task.reject' }>;

/** Every command an approval case accepts. */
export type ApprovalCommand = LifecycleCommand | PassThroughCommand;

/** The type names of the approval commands. */
export type ApprovalCommandType = ApprovalCommand['type'];

/**
 * The core commands passed through, by name: one entry per member of {@link PassThroughCommand}, which the
 * compiler holds to (a missing or extra name does not compile), so the set cannot drift from the type.
 */
const PASS_THROUGH_NAMES: Readonly<Record<PassThroughCommand['type'], true>> = {
  'task.claim': true, 'task.complete': true, 'decision.complete': true, 'message.correlate': true, 'timer.fire': true, 'case.return': true,
  // The operations on a task:
  'task.transfer': true, 'task.delegate': true, 'task.resolve': true, 'task.add-signers': true, 'task.remove-signers': true, 'task.reject': true, 'task.reclaim': true,
};

/** The core commands passed through, by name. */
export const PASS_THROUGH: ReadonlySet<string> = new Set(Object.keys(PASS_THROUGH_NAMES));
