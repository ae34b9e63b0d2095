import { checkGuidelines } from './guidelines';

describe('checkGuidelines', () => {
  it('finds a banned phrase case-insensitively with offsets into the original text', () => {
    const text = 'Sorry, we GUARANTEE a refund.';
    const [m] = checkGuidelines(text, ['guarantee']);
    expect(m).toMatchObject({ code: 'GUIDELINE_VIOLATION', phrase: 'guarantee' });
    expect(text.slice(m.start, m.end)).toBe('GUARANTEE');
  });

  it('is accent-insensitive both ways and maps NFD input back to its own offsets', () => {
    const nfd = 'Lo siento, es culpa tuya y no habra reembolso'.replace('habra', 'habra\u0301');
    const matches = checkGuidelines(nfd, ['habrá reembolso', 'CULPA TUYA']);
    expect(matches.map((m) => nfd.slice(m.start, m.end))).toEqual(['culpa tuya', 'habra\u0301 reembolso']);
  });

  it('matches whole words only in spaced scripts', () => {
    expect(checkGuidelines('your refunded order', ['refund'])).toEqual([]);
    expect(checkGuidelines('a refund, sadly', ['refund'])).toHaveLength(1);
  });

  it('matches inside unspaced scripts', () => {
    const text = 'ご迷惑をおかけしましたが保証できません';
    const [m] = checkGuidelines(text, ['保証']);
    expect(text.slice(m.start, m.end)).toBe('保証');
  });

  it('treats runs of whitespace as one space and finds every occurrence', () => {
    expect(checkGuidelines('calm  down, please calm down', ['calm down'])).toHaveLength(2);
  });

  it('ignores empty phrases', () => {
    expect(checkGuidelines('anything', ['', '  '])).toEqual([]);
  });
});
