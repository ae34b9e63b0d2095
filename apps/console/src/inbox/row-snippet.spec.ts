import { rowSnippet } from './row-snippet';

const inbound = (text: string, deleted = false) => ({ direction: 'INBOUND', text, deleted });
const outbound = (text: string) => ({ direction: 'OUTBOUND', text, deleted: false });

describe('inbox row snippet', () => {
  it('shows the customer’s latest message, not the brand’s reply after it', () => {
    expect(
      rowSnippet({ customer: {}, messages: [inbound('first'), inbound('second'), outbound('^AB on it')] }),
    ).toBe('second');
  });

  it('falls back to the latest message of any direction, or nothing', () => {
    expect(rowSnippet({ customer: {}, messages: [outbound('We sent you a DM')] })).toBe('We sent you a DM');
    expect(rowSnippet({ customer: {}, messages: [] })).toBe('');
  });

  it('says why the text is gone: a deleted tweet, or a withdrawn account', () => {
    expect(rowSnippet({ customer: { withdrawnAt: null }, messages: [inbound('', true)] })).toBe(
      'Deleted by the author',
    );
    expect(
      rowSnippet({ customer: { withdrawnAt: '2026-11-22T10:00:00.000Z' }, messages: [inbound('', true)] }),
    ).toBe('Removed: the author withdrew their account');
  });
});
