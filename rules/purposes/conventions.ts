/**
 * The table conventions of an approval item. Each purpose fixes the hit policy and the output columns a
 * table must have, so that the engine can read its decision through a typed helper. docs/rules.md
 * explains each one to reform-office staff.
 */
import type { Aggregation, HitPolicy, Purpose, ValueType } from '../model.js';

/** A required (or optional) output column of a convention. */
export interface ConventionColumn {
  name: string;
  type: ValueType;
  required: boolean;
  allowedValues?: (string | number | boolean)[];
}

/** What a table of one purpose must look like. */
export interface Convention {
  purpose: Purpose;
  summary: string;
  hitPolicies: HitPolicy[];
  /** When set, only these aggregations (or none, if `undefined` is listed) are allowed. */
  aggregations?: (Aggregation | undefined)[];
  outputs: ConventionColumn[];
}

/** Time units of a limit: working days (工作日), calendar days (自然日), months. */
export const LIMIT_UNITS = ['WD', 'CD', 'MONTH'] as const;
/** The effect of a violated acceptance condition: correct the materials (补正) or do not accept (不予受理). */
export const ACCEPTANCE_EFFECTS = ['CORRECT', 'NOT_ACCEPT'] as const;
/** Supervision lights (红黄绿灯); PAUSED while a case is suspended. */
export const LIGHTS = ['GREEN', 'YELLOW', 'RED', 'PAUSED'] as const;

/** The conventions, by purpose. `general` has none. */
export const CONVENTIONS: Partial<Record<Purpose, Convention>> = {
  acceptance: {
    purpose: 'acceptance',
    summary: 'each row is a VIOLATED acceptance condition (受理条件); COLLECT all of them',
    hitPolicies: ['COLLECT', 'RULE ORDER'],
    aggregations: [undefined],
    outputs: [
      { name: 'code', type: 'string', required: true },
      { name: 'effect', type: 'string', required: true, allowedValues: [...ACCEPTANCE_EFFECTS] },
      { name: 'reason', type: 'string', required: true },
    ],
  },
  materials: {
    purpose: 'materials',
    summary: 'each row makes one material (申请材料) required under its condition; COLLECT all of them',
    hitPolicies: ['COLLECT', 'RULE ORDER'],
    aggregations: [undefined],
    outputs: [
      { name: 'material', type: 'string', required: true },
      { name: 'name', type: 'string', required: true },
      { name: 'form', type: 'string', required: true },
      { name: 'copies', type: 'number', required: true },
      { name: 'deferrable', type: 'boolean', required: false },
    ],
  },
  deadlines: {
    purpose: 'deadlines',
    summary: 'one row per case kind gives the statutory and promised limits with units and the extension cap',
    hitPolicies: ['UNIQUE', 'FIRST', 'ANY', 'PRIORITY'],
    outputs: [
      { name: 'statutoryLimit', type: 'number', required: true },
      { name: 'statutoryUnit', type: 'string', required: true, allowedValues: [...LIMIT_UNITS] },
      { name: 'promisedLimit', type: 'number', required: true },
      { name: 'promisedUnit', type: 'string', required: true, allowedValues: [...LIMIT_UNITS] },
      { name: 'extensionLimit', type: 'number', required: true },
      { name: 'extensionUnit', type: 'string', required: true, allowedValues: [...LIMIT_UNITS] },
      { name: 'extensionApprover', type: 'string', required: false },
    ],
  },
  fees: {
    purpose: 'fees',
    summary: 'each row is a fee item; C+ sums `amount`, COLLECT lists the items',
    hitPolicies: ['COLLECT', 'RULE ORDER'],
    aggregations: [undefined, 'SUM'],
    outputs: [
      { name: 'amount', type: 'number', required: true },
      { name: 'item', type: 'string', required: false },
    ],
  },
  lights: {
    purpose: 'lights',
    summary: 'thresholds that turn elapsed time into a supervision light (红黄绿灯)',
    hitPolicies: ['FIRST', 'UNIQUE', 'PRIORITY'],
    outputs: [{ name: 'light', type: 'string', required: true, allowedValues: [...LIGHTS] }],
  },
  'special-procedures': {
    purpose: 'special-procedures',
    summary: 'whether each special procedure (特别程序) counts toward the statutory and the promised limit',
    hitPolicies: ['UNIQUE', 'FIRST'],
    outputs: [
      { name: 'countsTowardStatutoryLimit', type: 'boolean', required: true },
      { name: 'countsTowardPromisedLimit', type: 'boolean', required: true },
    ],
  },
};
