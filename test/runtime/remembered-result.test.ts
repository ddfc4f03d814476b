/**
 * A result remembered under an idempotency key is answered again as it was first answered, including one
 * remembered before the refusal of a command was named `refusal` (it was `rejection`).
 */
import { describe, expect, it } from 'vitest';
import { rememberedResult } from '../../engine/runtime/case-runner.js';

describe('remembered results', () => {
  it('reads a refusal remembered under its former name', () => {
    const stored = { ok: false, caseNo: 'C-1', rejection: { code: 'TASK_NOT_ACTIVE', message: "Expected task 't1' to be active, but it is completed" } };
    expect(rememberedResult(stored)).toEqual({ ok: false, caseNo: 'C-1', refusal: { code: 'TASK_NOT_ACTIVE', message: "Expected task 't1' to be active, but it is completed" } });
  });

  it('leaves an accepted result and a refusal under its own name as they are', () => {
    const accepted = { ok: true, caseNo: 'C-1', version: 3, events: [], effects: [] };
    expect(rememberedResult(accepted)).toEqual(accepted);
    const refused = { ok: false, caseNo: 'C-1', refusal: { code: 'INVALID_COMMAND', message: 'x' } };
    expect(rememberedResult(refused)).toEqual(refused);
  });
});
