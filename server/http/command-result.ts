/** Turning a runner's `CommandResult` into a response body, or into the catalogue error of its rejection. */
import type { CommandResult } from '../../engine/runtime/ports.js';
import { fromRefusal } from './errors.js';

/** The body of an accepted command; throws the mapped `ApiError` for a rejected one. */
export function acceptedOrThrow(result: CommandResult): { caseNo: string; version: number; events: Array<{ seq: number; type: string }> } {
  if (!result.ok) throw fromRefusal(result.refusal);
  return { caseNo: result.caseNo, version: result.version, events: result.events.map((e) => ({ seq: e.seq, type: e.type })) };
}
