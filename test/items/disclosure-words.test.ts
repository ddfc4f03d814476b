/** Rule cells in words for the public disclosure: every S-FEEL unary-test form Shenpi tables use. */
import { describe, expect, it } from 'vitest';
import { outputWords, unaryWords } from '../../definitions/items/disclosure-words.js';

const rooms = { name: 'rooms', label: '客房数', unit: '间' };
const use = { name: 'propertyUse', label: '房屋用途' };
const names = { RESIDENTIAL: '住宅', NON_RESIDENTIAL: '非住宅', PARKING_STORAGE: '车位/储藏室' };

describe('unary tests in words', () => {
  it.each([
    ['>= 50', '客房数：50间及以上'],
    ['> 1', '客房数：超过1间'],
    ['< 10', '客房数：不足10间'],
    ['<= 10', '客房数：不超过10间'],
    ['30', '客房数：30间'],
    ['[10..49]', '客房数：10间至49间'],
    ['(10..50)', '客房数：超过10间至不足50间'],
    ['not(30)', '客房数：不是30间'],
  ])('%s → %s', (cell, words) => {
    expect(unaryWords(cell, rooms, names)).toBe(words);
  });

  it('names coded values, lists and their negation, and booleans as 是/否', () => {
    expect(unaryWords('"RESIDENTIAL"', use, names)).toBe('房屋用途：住宅');
    expect(unaryWords('"RESIDENTIAL","PARKING_STORAGE"', use, names)).toBe('房屋用途：住宅或车位/储藏室');
    expect(unaryWords('not("NON_RESIDENTIAL")', use, names)).toBe('房屋用途：不是非住宅');
    expect(unaryWords('true', { name: 'smallMicro', label: '买受方为小微企业' }, names)).toBe('买受方为小微企业：是');
    expect(unaryWords('not(true)', { name: 'smallMicro', label: '买受方为小微企业' }, names)).toBe('买受方为小微企业：否');
    expect(unaryWords('not(false)', { name: 'x' }, names)).toBe('x：是');
  });

  it('has no words for a dash (no condition) and refuses to guess at an expression', () => {
    expect(unaryWords('-', rooms, names)).toBeUndefined();
    expect(unaryWords('', rooms, names)).toBeUndefined();
    expect(unaryWords('> rooms * 2', rooms, names)).toBeNull();
    expect(unaryWords('date("2026-01-01")', rooms, names)).toBeNull();
  });
});

describe('outputs in words', () => {
  it('gives a literal with its unit, a string without quotes, and nothing for an expression', () => {
    expect(outputWords('80', { unit: '元' }, names)).toBe('80元');
    expect(outputWords('"证书工本费"', {}, names)).toBe('证书工本费');
    expect(outputWords('(certificatesRequested - 1) * 10', { unit: '元' }, names)).toBeNull();
  });
});
