import { describe, expect, it } from 'vitest';
import { parseTimeLimit } from '../../definitions/index.js';
import { joinLimit, splitLimit } from '../../modeler/src/properties/time-limit-text.js';

describe('the time limit fields of the properties panel', () => {
  it('splits an attribute into value and unit and joins it back unchanged', () => {
    for (const text of ['5WD', '20CD', 'P3D', 'PT4H']) expect(joinLimit(splitLimit(text))).toBe(text);
    expect(splitLimit('10WD')).toEqual({ value: '10', unit: 'WD' });
    expect(splitLimit('P1DT2H')).toEqual({ value: 'P1DT2H', unit: 'ISO' });
    expect(splitLimit(undefined)).toEqual({ value: '', unit: 'WD' });
  });

  it('joins only values that deploy accepts when the fields are filled as labelled', () => {
    const joined = [joinLimit({ value: '5', unit: 'WD' }), joinLimit({ value: '3', unit: 'CD' }), joinLimit({ value: 'P2D', unit: 'WD' })];
    expect(joined).toEqual(['5WD', '3CD', 'P2D']);
    for (const text of joined) expect(typeof parseTimeLimit(text!)).toBe('object');
  });

  it('removes the attribute when the value is emptied, and leaves a bad value for the deploy rule to report', () => {
    expect(joinLimit({ value: '  ', unit: 'CD' })).toBeUndefined();
    expect(typeof parseTimeLimit(joinLimit({ value: '5', unit: 'ISO' })!)).toBe('string');
  });
});
