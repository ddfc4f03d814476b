/**
 * Every action of the case page, in the order a case meets them. Each module decides from the case (and the
 * user) whether it applies now; to add an action, write a module and list it here.
 */
import { certificateActions, deliveryActions, rectificationActions, revocationActions } from './result.js';
import { intakeActions } from './intake.js';
import type { CaseActionModule } from './kit.js';
import { extensionActions, procedureActions } from './procedures.js';
import { stepActions } from './steps.js';
import { taskOperationActions } from './task-operations.js';

export type { ActionKit, CaseActionModule } from './kit.js';

/** The case page's action modules. */
export const CASE_ACTIONS: CaseActionModule[] = [
  intakeActions, stepActions, taskOperationActions, procedureActions, extensionActions, certificateActions, deliveryActions, rectificationActions, revocationActions,
];
