/**
 * An item listing (实施清单): the `item.json` of an item package, with the fields of GB/T 39046-2020
 * table 4 that the engine and the public disclosure need. The JSON Schema is `listing.schema.json`.
 */

/** A limit with its explicit unit: working days (工作日, 行政许可法 第82条) or calendar days. */
export interface ListingLimit {
  value: number;
  unit: 'WD' | 'CD';
  article?: string;
  note?: string;
}

/** A fact the applicant states, declared with its type (rule tables may only read declared facts). */
export interface DeclaredFact {
  /** Dotted path, e.g. `applicant.kind`. */
  name: string;
  label: string;
  type: 'boolean' | 'string' | 'integer' | 'number' | 'date';
  enum?: string[];
  required?: boolean;
}

/** A material of the listing; the materials table says when it is required. */
export interface ListingMaterial {
  id: string;
  name: string;
  form: string[];
  originals?: number;
  copies?: number;
  /** `shared`: issued by another department, referenced through the certificate library. */
  source: 'applicant' | 'shared';
  sharedCertificate?: string;
  deferrable?: boolean;
  sample?: string;
  usedBy?: string[];
}

/** The whole listing. */
export interface ItemListing {
  code: string;
  basicCode?: string;
  name: string;
  /** GB/T 39046 A.1 item type, e.g. `01` 行政许可. */
  type: string;
  /** GB/T 39046 A.2 level, e.g. `4` 县级. */
  level: string;
  implementingBody: { name: string; nature: string };
  coImplementing?: string[];
  /** GB/T 39046 A.4 service objects. */
  serviceObjects: string[];
  legalBasis: string[];
  caseType: 'instant' | 'promised';
  statutoryLimit: ListingLimit & {
    article: string;
    /**
     * The one extension (行政许可法 第42条). Absent: the law's own, 10 WD by the agency head, or 15 WD by the
     * same-level government head for joint handling. `null`: the item's law allows none.
     */
    extension?: { value: number; unit: 'WD' | 'CD'; approverRole: string; approverTitle?: string; article?: string } | null;
    /** Whether the promised limit moves by the same days as the statutory one when extended (default true). */
    extensionMovesPromised?: boolean;
    /** An extension asked for after the statutory limit ran out: refused (default) or granted and supervised. */
    lateExtension?: 'refuse' | 'record-violation';
  };
  promisedLimit: ListingLimit;
  correctionWindow: ListingLimit;
  secondCorrectionNotice?: 'refuse' | 'record-violation';
  deliveryLimit?: ListingLimit;
  rectificationLimit?: ListingLimit;
  /** Accept automatically at submission when pre-review finds nothing to correct or reject (scenario S1). */
  acceptOnSubmission?: boolean;
  /** Steps with a clock of their own (行政许可法 第43条), by element id or stage. */
  stepLimits?: { step: string; limit: ListingLimit; article: string; from?: 'acceptance' | 'step' }[];
  /** Hearing limits where the item's law departs from 第47–48条. */
  hearingLimits?: { request?: ListingLimit; hold?: ListingLimit; noticeLead?: ListingLimit };
  specialProcedures: {
    type: string;
    name: string;
    countsTowardStatutory: boolean;
    countsTowardPromised: boolean;
    basis?: string;
    expectedDuration?: ListingLimit;
  }[];
  lights?: { warnAtPercent?: number; warnWhenDaysLeft?: number };
  /** The item's own counting policy; absent: the locality's (C1 unless the locality chose C2). */
  countingPolicy?: 'C1' | 'C2';
  handleForms?: string[];
  onsiteVisits?: number;
  onlineDepth?: string;
  facts: DeclaredFact[];
  acceptanceConditions: { id: string; text: string; check: 'rules' | 'manual' }[];
  materials: ListingMaterial[];
  fees: { charged: boolean; basis?: string; payBefore?: string; exemptions?: string[]; online?: boolean };
  /** `issueAt`: `decision` (default), `manual`, or the element id or stage of the step that generates the certificate. */
  result: { name: string; type: string; eCertificate: boolean; validityYears?: number; issueAt?: string; sample?: string };
  contacts: { consultation: string; complaint: string; address?: string; hours?: string };
  delivery: ('pickup' | 'express' | 'online')[];
  joint?: {
    leadDepartment: string;
    coDepartments: { department: string; item?: string; promisedLimit: ListingLimit; statutoryLimit?: ListingLimit }[];
  };
}
