import { withdrawnNotice } from './withdrawn-notice';

describe('withdrawn customer notice', () => {
  it.each([
    ['protected', 'The customer made their account private'],
    ['suspended', 'X suspended the customer’s account'],
    ['deactivated', 'The customer deactivated their account'],
  ])('says why for %s', (reason, text) => {
    expect(withdrawnNotice(reason)).toBe(text);
  });

  it('stays truthful for a reason it does not know', () => {
    expect(withdrawnNotice(null)).toBe('The customer withdrew their account');
    expect(withdrawnNotice('scrub_everything')).toBe('The customer withdrew their account');
  });
});
