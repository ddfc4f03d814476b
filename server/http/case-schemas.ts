/**
 * JSON Schemas of the item and case routes. Request bodies are closed (an unknown field is a 400); the
 * answers the contract describes (`contracts/api/`) are closed too, every field described.
 */
import { CaseRowSchema } from '../../contracts/api/case-row.js';
import { CaseParamsSchema } from '../../contracts/api/process-cases.js';
import { ItemParamsSchema } from '../../contracts/api/items.js';
import { LimitInputSchema } from '../../contracts/api/case-handling.js';
import { NoticeItemInputSchema } from '../../contracts/api/case-intake.js';

/** A limit with its unit: working days or calendar days. */
export const limitSchema = LimitInputSchema;

/** One line of a correction notice or of a non-acceptance decision (the contract's `NoticeItemInputSchema`). */
export const noticeItemSchema = NoticeItemInputSchema;

/** `caseNo` in the path. */
export const caseParams = CaseParamsSchema;

/** `code` in the path: an item's implementation code. */
export const itemParams = ItemParamsSchema;

/** The answer to a case command: the SPGL status it left the case in, the events it added, extras. */
export const caseCommandSchema = {
  type: 'object',
  required: ['caseNo', 'status', 'events'],
  properties: {
    caseNo: { type: 'string' },
    status: { type: 'integer', description: 'SPGL 办理状态 after the command' },
    events: {
      type: 'array',
      items: { type: 'object', required: ['seq', 'type'], properties: { seq: { type: 'integer' }, type: { type: 'string' } } },
    },
    document: { type: 'string', description: 'URL of the document the command produced (GET, text/html)' },
    requiredMaterials: { type: 'array', items: { type: 'object', properties: { material: { type: 'string' }, name: { type: 'string' } } } },
    fees: { type: 'number' },
    certificateNumber: { type: 'string' },
    id: { type: 'string' },
  },
} as const;

/** A case in a list (the contract's `CaseRowSchema`). */
export const caseRowSchema = CaseRowSchema;
