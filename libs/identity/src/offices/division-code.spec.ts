import { describe, expect, it } from '@jest/globals';
import { isDivisionCode, isInsideDivision } from './division-code';

describe('GB/T 2260 division codes', () => {
  it.each(['500000', '500101', '500243', '110105', '810000'])('%s is one', (code) => expect(isDivisionCode(code)).toBe(true));
  it.each(['5001', '5001011', '50010a', '990101', '000000', 500101])('%s is not', (code) => expect(isDivisionCode(code)).toBe(false));

  it('places districts and counties inside their city, not inside each other', () => {
    expect(isInsideDivision('500101', '500000')).toBe(true);
    expect(isInsideDivision('500243', '500000')).toBe(true);
    expect(isInsideDivision('510104', '500000')).toBe(false);
    expect(isInsideDivision('500000', '500000')).toBe(false);
    expect(isInsideDivision('500102', '500101')).toBe(false);
    expect(isInsideDivision('510104', '510100')).toBe(true);
  });
});
