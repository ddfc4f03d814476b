/** Paths to the shared material beside the repository (`../shared`): conformance data and the domain brief. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root. */
export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** `../shared` beside the repository; CI places it there. */
export const sharedDir = path.resolve(repoDir, '../shared');
/** The BPMN MIWG reference models. */
export const miwgDir = path.join(sharedDir, 'conformance/bpmn-miwg');
/** The DMN TCK decision-table cases. */
export const dmnTckDir = path.join(sharedDir, 'conformance/dmn-tck');
