/**
 * The case status codes of the national exchange systems (SPGL 办理状态): every lifecycle event that
 * moves a case sets one of them, and the summary column `status` carries it as text.
 */

/** SPGL status codes by name. */
export const SPGL = {
  /** 已接件 */
  received: 1,
  /** 已撤件: withdrawn before acceptance */
  withdrawnBeforeAcceptance: 2,
  /** 已受理 */
  accepted: 3,
  /** 不受理 */
  notReceived: 4,
  /** 不予受理 */
  notAccepted: 5,
  /** 补正(开始) */
  correctionStarted: 6,
  /** 补正(结束) */
  correctionEnded: 7,
  /** 部门开始办理 */
  handling: 8,
  /** 特别程序(开始) */
  specialProcedureStarted: 9,
  /** 特别程序(结束) */
  specialProcedureEnded: 10,
  /** 办结(通过) */
  completedApproved: 11,
  /** 办结(容缺通过) */
  completedWithDeferred: 12,
  /** 办结(不通过) */
  completedRefused: 13,
  /** 撤回 */
  withdrawn: 14,
  /** 撤销 */
  revoked: 15,
} as const;

/** An SPGL status code, or 0 before the application. */
export type SpglStatus = (typeof SPGL)[keyof typeof SPGL] | 0;
