import { characterLength, weightedLength } from './weighted-length';

describe('weightedLength', () => {
  it('counts Latin, Arabic and accented letters as 1', () => {
    expect(weightedLength('hello')).toBe(5);
    expect(weightedLength('مرحبا')).toBe(5);
    expect(weightedLength('héllo')).toBe(5);
  });

  it('counts CJK characters as 2', () => {
    expect(weightedLength('日本語')).toBe(6);
    expect(weightedLength('한국어')).toBe(6);
    expect(weightedLength('我的订单')).toBe(8);
    expect(weightedLength('abc日本')).toBe(7);
  });

  it('counts an emoji as 2, including skin tones and ZWJ sequences', () => {
    expect(weightedLength('😀')).toBe(2);
    expect(weightedLength('👍🏽')).toBe(2);
    expect(weightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(weightedLength('🏳️‍🌈')).toBe(2);
    expect(weightedLength('ok 👨‍💻')).toBe(5);
  });

  it('counts every URL as 23 whatever its length', () => {
    expect(weightedLength('https://t.co/x')).toBe(23);
    expect(weightedLength('see https://example.com/a/very/long/path/that/goes/on/and/on?x=1')).toBe(27);
  });

  it('normalises to NFC first: a decomposed é counts once', () => {
    const nfd = 'cafe\u0301';
    expect(nfd.length).toBe(5);
    expect(weightedLength(nfd)).toBe(4);
    expect(weightedLength(nfd)).toBe(weightedLength('caf\u00e9'));
  });
});

describe('characterLength', () => {
  it('counts code points after NFC (DMs are not weighted)', () => {
    expect(characterLength('日本語')).toBe(3);
    expect(characterLength('😀')).toBe(1);
    expect(characterLength('cafe\u0301')).toBe(4);
  });
});
