/** The printable documents of a case, rendered from its state by pure functions. */
export { renderAcceptanceNotice } from './acceptance-notice.js';
export { renderCorrectionNotice } from './correction-notice.js';
export { renderNonAcceptance } from './non-acceptance.js';
export { esc, chineseDate } from './html.js';
export { renderExtensionNotice } from './extension-notice.js';
export { renderSpecialProcedureNotice, PROCEDURE_NAMES } from './special-procedure-notice.js';
export { renderHearingRightNotice, renderHearingNotice } from './hearing-notice.js';
