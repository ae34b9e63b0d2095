import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describeApiError } from './api-error';

const refusal = (details: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions: { code: 'BAD_USER_INPUT', details } })] });

describe('describeApiError', () => {
  it('names the personal data in a refused public reply', () => {
    const [p] = describeApiError(
      refusal({ reason: 'PII_IN_PUBLIC_REPLY', errors: [{ code: 'PII_IN_PUBLIC_REPLY', piiTypes: ['phone', 'email'] }] }),
    );
    expect(p).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PII_IN_PUBLIC_REPLY' });
    expect(p?.message).toContain('a phone number and an e-mail address');
  });

  it('says which limit a too-long reply broke and by how much', () => {
    const [p] = describeApiError(
      refusal({ reason: 'REPLY_TOO_LONG', errors: [{ code: 'REPLY_TOO_LONG', channel: 'public', limit: 280, length: 301, overflow: 21 }] }),
    );
    expect(p?.message).toBe('A public reply may be at most 280 characters as X counts them; this one is 301 with your signature (21 too many).');
  });

  it('reports a network failure instead of swallowing it', () => {
    const [p] = describeApiError(new CombinedError({ networkError: new Error('fetch failed') }));
    expect(p?.code).toBe('NETWORK');
  });
});
