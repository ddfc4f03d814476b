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

/** The effect of a violated acceptance condition: correct the materials (补正) or do not accept (不予受理). */
export const ACCEPTANCE_EFFECTS = ['CORRECT', 'NOT_ACCEPT'] as const;

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
