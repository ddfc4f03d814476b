/**
 * The bodies of the operations on a task (`POST /api/tasks/:id/<operation>`): 转办, 委派 and its 确认, 加签 and
 * 减签, 驳回, 拿回, 催办, 抄送, and marking the copies of a case read. Every body is closed. With them, what the
 * pages offer in them: the colleagues who may hold the step and the steps to reject to.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './enum.js';

const UserId = Type.String({ minLength: 1, maxLength: 64 });
const Reason = Type.String({ minLength: 1, maxLength: 2000 });
const Signers = Type.Array(UserId, { minItems: 1, maxItems: 20 });
const Names = Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 50 });
const Note = Type.String({ maxLength: 500 });

/** Where added signers go (加签): before the holder, after, or beside them in a parallel multi-instance step. */
export const SIGNER_MODES = ['before', 'after', 'parallel'] as const;
/** How a rejected step goes on (驳回): through the steps again, or back to the rejecting one. */
export const REJECT_RESUMES = ['through', 'back-to-me'] as const;

/** 转办 and 委派: to a colleague who may hold the step, with the reason. */
export const TaskHandOverBodySchema = Type.Object({ to: UserId, reason: Reason }, { additionalProperties: false });
export type TaskHandOverBody = Static<typeof TaskHandOverBodySchema>;

/** 确认: the delegate hands the task back, with an opinion. */
export const TaskResolveBodySchema = Type.Object({ opinion: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false });
export type TaskResolveBody = Static<typeof TaskResolveBodySchema>;

/** 加签: the signers, where they go and why. */
export const TaskAddSignersBodySchema = Type.Object({ signers: Signers, mode: StringEnum(SIGNER_MODES), reason: Reason }, { additionalProperties: false });
export type TaskAddSignersBody = Static<typeof TaskAddSignersBodySchema>;

/** 减签: added signers who have not signed yet, and why. */
export const TaskRemoveSignersBodySchema = Type.Object({ signers: Signers, reason: Reason }, { additionalProperties: false });
export type TaskRemoveSignersBody = Static<typeof TaskRemoveSignersBodySchema>;

/** 驳回: to `previous`, a passed step or `applicant`, how the case resumes, and why. */
export const TaskRejectBodySchema = Type.Object({ to: Type.String({ minLength: 1, maxLength: 128 }), resume: StringEnum(REJECT_RESUMES), reason: Reason }, { additionalProperties: false });
export type TaskRejectBody = Static<typeof TaskRejectBodySchema>;

/** 拿回: why the previous approver takes the step back. */
export const TaskReclaimBodySchema = Type.Object({ reason: Reason }, { additionalProperties: false });
export type TaskReclaimBody = Static<typeof TaskReclaimBodySchema>;

/** 催办: a note for whoever holds the task. */
export const TaskUrgeBodySchema = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
export type TaskUrgeBody = Static<typeof TaskUrgeBodySchema>;

/** 抄送: read-only copies to users or departments, with a note. */
export const TaskCopiesBodySchema = Type.Object({ users: Type.Optional(Names), departments: Type.Optional(Names), note: Type.Optional(Note) }, { additionalProperties: false });
export type TaskCopiesBody = Static<typeof TaskCopiesBodySchema>;

/** Marks the caller's copies of a case read. */
export const CopiesReadBodySchema = Type.Object({ caseNo: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export type CopiesReadBody = Static<typeof CopiesReadBodySchema>;

/** `GET /api/tasks/:id/candidates`: one colleague who may hold the step (转办, 委派 and 加签 go only to them). */
export const CandidateSchema = Type.Object({
  id: Type.String({ description: 'The user id' }),
  name: Type.String({ description: 'The real name; never the ID number' }),
  department: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'A colleague who may hold the step' });
export type CandidateView = Static<typeof CandidateSchema>;

/** `GET /api/tasks/:id/reject-targets`: a step the case passed, to reject to (驳回). */
export const RejectTargetSchema = Type.Object({
  elementId: Type.String({ description: 'The step\'s element id' }),
  name: Type.Optional(Type.String({ description: 'The step\'s name' })),
}, { additionalProperties: false, description: 'A step done before this one' });
export type RejectTargetView = Static<typeof RejectTargetSchema>;
