import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describeApiError } from './api-error';

const refusal = (details: Record<string, unknown>) =>
  new CombinedError({
    graphQLErrors: [new GraphQLError('refused', { extensions: { code: 'BAD_USER_INPUT', details } })],
  });

describe('describeApiError', () => {
  it('names the personal data in a refused public reply', () => {
    const [p] = describeApiError(
      refusal({
        reason: 'PII_IN_PUBLIC_REPLY',
        errors: [{ code: 'PII_IN_PUBLIC_REPLY', piiTypes: ['phone', 'email'] }],
      }),
    );
    expect(p).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PII_IN_PUBLIC_REPLY' });
    expect(p?.message).toContain('a phone number and an e-mail address');
  });

  it('says which limit a too-long reply broke and by how much', () => {
    const [p] = describeApiError(
      refusal({
        reason: 'REPLY_TOO_LONG',
        errors: [{ code: 'REPLY_TOO_LONG', channel: 'public', limit: 280, length: 301, overflow: 21 }],
      }),
    );
    expect(p?.message).toBe(
      'A public reply may be at most 280 characters as X counts them; this one is 301 with your signature (21 too many).',
    );
  });

  it('keeps the field a refusal is about, so the form can show it beside that input', () => {
    const [p] = describeApiError(
      new CombinedError({
        graphQLErrors: [
          new GraphQLError('unknown timezone Mars/Base', {
            extensions: { code: 'BAD_USER_INPUT', details: { field: 'timezone' } },
          }),
        ],
      }),
    );
    expect(p).toMatchObject({ field: 'timezone', message: 'Unknown timezone Mars/Base' });
    const [q] = describeApiError(
      refusal({
        reason: 'INVALID_INPUT',
        problems: [{ property: 'reopenWindowMinutes', message: 'must be >= 0' }],
      }),
    );
    expect(q?.field).toBe('reopenWindowMinutes');
    const [r] = describeApiError(
      refusal({ reason: 'INVALID_INPUT', problems: ['queue.reopenWindowMinutes must not be less than 0'] }),
    );
    expect(r).toMatchObject({
      field: 'reopenWindowMinutes',
      message: 'Reopen window minutes must not be less than 0',
    });
  });

  it('reports a network failure instead of swallowing it', () => {
    const [p] = describeApiError(new CombinedError({ networkError: new Error('fetch failed') }));
    expect(p?.code).toBe('NETWORK');
  });

  it('says a stale view was refreshed when an action hits a newer version', () => {
    const [p] = describeApiError(
      new CombinedError({
        graphQLErrors: [
          new GraphQLError('conversation changed since version 3', { extensions: { code: 'CONFLICT' } }),
        ],
      }),
    );
    expect(p).toMatchObject({ code: 'CONFLICT' });
    expect(p?.message).toBe(
      'Conversation changed since version 3. The view has been refreshed; check it and try again.',
    );
  });
});
