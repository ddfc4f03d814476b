/** The decision-table schema's validator, compiled ahead of time (generate-validator.ts). */
import type { ErrorObject } from 'ajv';

/** True when `data` is a valid decision-table document; otherwise `validate.errors` lists why. */
interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validate: CompiledValidator;
export { validate };
export default validate;
