/**
 * The documents of a case after acceptance, told to the applicant in writing: the extension notice
 * (行政许可法 第42条), the special procedure notice (第45条), the hearing notices (第47条, 第48条).
 */
import {
  renderExtensionNotice, renderHearingNotice, renderHearingRightNotice, renderSpecialProcedureNotice, type ApprovalState,
} from '../../engine/approval/index.js';
import type { DocumentKind } from './service-types.js';

/** The document of `kind`, or undefined when the case has none (yet). */
export function laterDocument(s: ApprovalState, kind: DocumentKind): string | undefined {
  switch (kind) {
    case 'extension-notice': return s.extension && s.deadlines ? renderExtensionNotice(s) : undefined;
    case 'special-procedure-notice': return s.ledger.length ? renderSpecialProcedureNotice(s) : undefined;
    case 'hearing-right-notice': return s.hearing ? renderHearingRightNotice(s) : undefined;
    case 'hearing-notice': return s.hearing?.notices.length ? renderHearingNotice(s) : undefined;
    default: return undefined;
  }
}
