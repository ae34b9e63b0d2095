import { appendSignature, formatSignature } from './signature';

describe('formatSignature', () => {
  it('formats initials as ^AB', () => {
    expect(formatSignature('ab')).toBe('^AB');
    expect(formatSignature('^JL')).toBe('^JL');
    expect(formatSignature(' mk ')).toBe('^MK');
  });
  it('rejects anything but 1-4 letters', () => {
    expect(() => formatSignature('')).toThrow(RangeError);
    expect(() => formatSignature('ABCDE')).toThrow(RangeError);
    expect(() => formatSignature('A1')).toThrow(RangeError);
  });
  it('appends with one space, or not at all', () => {
    expect(appendSignature('Thanks!', 'ab')).toBe('Thanks! ^AB');
    expect(appendSignature('Thanks!')).toBe('Thanks!');
  });
});
