/**
 * The part of an item version a case keeps for its whole life (taken at application): limits with their
 * units, the extension policy, the Art. 32 correction window, the special-procedure overrides, the light
 * thresholds, fees and the result. A case keeps the rules of the version it started with, even after a new
 * version is deployed.
 */
import type { ExtensionPolicy } from '../clocks/extension.js';
import type { LightThresholds } from '../clocks/lights.js';
import type { SecondNoticePolicy } from '../clocks/correction-notice.js';
import type { ItemPauseOverrides } from '../clocks/special-procedures.js';
import type { CountingPolicy, Limit } from '../clocks/types.js';

/** One co-department of a joint approval (并联审批) with its own limit. */
export interface CoDepartmentSpec {
  readonly department: string;
  readonly promisedLimit: Limit;
  readonly statutoryLimit?: Limit;
}

/**
 * A step with its own limit and light, e.g. the lower-level review of 行政许可法 第43条 (20 working days from
 * the lower agency's acceptance). `step` names the step by element id or stage.
 */
export interface StepLimitSpec {
  readonly step: string;
  readonly limit: Limit;
  readonly article: string;
  /** Count from the case's acceptance (第43条: 自其受理行政许可申请之日起) or from the step's start (default). */
  readonly from?: 'acceptance' | 'step';
}

/** The snapshot of an item version inside a case. Plain JSON. */
export interface ItemSnapshot {
  /** Implementation code: also the key of the item's process definition. */
  readonly code: string;
  readonly version: number;
  readonly name: string;
  /** The implementing body (实施主体). */
  readonly department: string;
  /** 即办件 (instant, done the same day) or 承诺件 (promised). */
  readonly caseType: 'instant' | 'promised';
  readonly statutoryLimit: Limit;
  /** The article behind the statutory limit. */
  readonly statutoryArticle: string;
  readonly promisedLimit: Limit;
  /** The one extension the item allows (its own law's, else 行政许可法 第42条's), or null when it allows none. */
  readonly extension: ExtensionPolicy | null;
  /** False when the promised limit stays put while the statutory one is extended (default: it moves too). */
  readonly extensionMovesPromised?: boolean;
  /** An extension after the statutory limit ran out: refused (default) or granted and recorded for supervision. */
  readonly lateExtension?: 'refuse' | 'record-violation';
  /** The pre-acceptance window of 行政许可法 第32条. */
  readonly correctionWindow: Limit;
  readonly secondNoticePolicy: SecondNoticePolicy;
  /** Which clocks each special procedure pauses, where the item departs from 行政许可法 第45条. */
  readonly pauseOverrides: ItemPauseOverrides;
  /** The special procedures the item may run. */
  readonly specialProcedures: readonly string[];
  /** The expected duration the listing gives each special procedure, told to the applicant when none is given (第45条). */
  readonly procedureDurations?: Readonly<Record<string, Limit>>;
  /** Accepted automatically at submission when pre-review finds nothing to correct or reject (scenario S1). */
  readonly acceptOnSubmission?: boolean;
  /** Steps with their own clock (sub-clocks per level, 第43条). */
  readonly stepLimits?: readonly StepLimitSpec[];
  /** The hearing limits where the item's own law departs from 行政许可法 第47–48条 (5, 20 and 7 working days). */
  readonly hearingLimits?: { readonly request?: Limit; readonly hold?: Limit; readonly noticeLead?: Limit };
  readonly lightThresholds: LightThresholds;
  /**
   * The counting policy of the case's clocks (C1 when absent): the listing's, else the locality's when the case
   * was received. A case keeps it for its whole life, as it keeps its item version.
   */
  readonly countingPolicy?: CountingPolicy;
  /** Limits end at the office's closing time (民法典 第203条), set when the locality had business hours at receipt. */
  readonly useBusinessHours?: boolean;
  /** The locality settings version the case was received under. */
  readonly localSettingsVersion?: number;
  /** Issue and delivery limit from the decision (行政许可法 第44条). */
  readonly deliveryLimit: Limit;
  /** The time a department has to rectify after a poor evaluation (ASSUMED default 5 WD). */
  readonly rectificationLimit: Limit;
  /** The element id or stage of the step that needs the fees paid first, if any. */
  readonly payBefore?: string;
  /** The result (certificate) and its validity in years (absent = long-term). */
  readonly result: {
    readonly name: string;
    readonly eCertificate: boolean;
    readonly validityYears?: number;
    /**
     * When the certificate is generated: `decision` (the approving decision, default), `manual` (only by
     * `certificate.issue`), or the element id or stage of the step at whose start it is generated.
     */
    readonly issueAt?: string;
  };
  readonly joint?: { readonly leadDepartment: string; readonly coDepartments: readonly CoDepartmentSpec[] };
  /** Delivery methods the item offers. */
  readonly delivery: readonly ('pickup' | 'express' | 'online')[];
  /** Consultation and complaint phones, printed on every document. */
  readonly contacts: { readonly consultation: string; readonly complaint: string; readonly address?: string };
  readonly legalBasis: readonly string[];
}
