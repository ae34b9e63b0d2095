import { describeApiError } from '../api/api-error';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { checkPasswordChange, describePasswordChangeProblems } from './password-change';

const draft = (over: Partial<Parameters<typeof checkPasswordChange>[0]> = {}) => ({
  currentPassword: 'old password 1',
  newPassword: 'a new passphrase',
  confirmPassword: 'a new passphrase',
  ...over,
});

describe('checkPasswordChange', () => {
  it('accepts a long enough, different, confirmed password', () => {
    expect(checkPasswordChange(draft())).toEqual([]);
  });

  it('puts each problem beside its field', () => {
    const fields = (d: ReturnType<typeof draft>) => checkPasswordChange(d).map((p) => [p.field, p.reason]);
    expect(fields(draft({ currentPassword: '' }))).toEqual([['currentPassword', 'REQUIRED']]);
    expect(fields(draft({ newPassword: 'short', confirmPassword: 'short' }))).toEqual([
      ['newPassword', 'PASSWORD_LENGTH'],
    ]);
    expect(fields(draft({ newPassword: 'x'.repeat(201), confirmPassword: 'x'.repeat(201) }))).toEqual([
      ['newPassword', 'PASSWORD_LENGTH'],
    ]);
    expect(fields(draft({ newPassword: 'old password 1', confirmPassword: 'old password 1' }))).toEqual([
      ['newPassword', 'PASSWORD_UNCHANGED'],
    ]);
    expect(fields(draft({ confirmPassword: 'a new passphrasE' }))).toEqual([['confirmPassword', 'MISMATCH']]);
  });
});

describe('describePasswordChangeProblems', () => {
  it('words the server’s refusals for this form and keeps the field', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('the current password is wrong', {
          extensions: {
            code: 'BAD_USER_INPUT',
            details: { field: 'currentPassword', reason: 'WRONG_PASSWORD' },
          },
        }),
      ],
    });
    expect(describePasswordChangeProblems(describeApiError(error))).toEqual([
      {
        code: 'BAD_USER_INPUT',
        reason: 'WRONG_PASSWORD',
        field: 'currentPassword',
        message: 'Your current password is not right.',
      },
    ]);
  });

  it('leaves other problems (rate limits, network) as describeApiError worded them', () => {
    const network = describeApiError(new CombinedError({ networkError: new Error('offline') }));
    expect(describePasswordChangeProblems(network)).toEqual(network);
  });
});
