import type { ClientRequest, IncomingMessage } from 'node:http';
import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { classifyPostError, PostWithoutIdError } from './post-outcome';

function answered(code: number, data: Record<string, unknown> = {}): ApiResponseError {
  return new ApiResponseError(`Request failed with code ${code}`, {
    code,
    data: data as never,
    headers: {},
    request: {} as ClientRequest,
    response: { statusCode: code } as IncomingMessage,
  });
}

describe('classifyPostError: only a clear refusal proves nothing was posted', () => {
  it.each([500, 502, 503, 504, 429, 408])('%i is an unknown outcome (the write may be on X)', (code) => {
    expect(classifyPostError(answered(code, { title: 'Service Unavailable' }))).toMatchObject({
      kind: 'unknown',
      status: code,
    });
  });

  it('a timeout or a reset connection is an unknown outcome', () => {
    const reset = new ApiRequestError('Request failed', {
      request: {} as ClientRequest,
      error: new Error('socket hang up'),
    });
    expect(classifyPostError(reset)).toMatchObject({ kind: 'unknown', status: null });
    expect(classifyPostError(new PostWithoutIdError('201 without an id'))).toMatchObject({ kind: 'unknown' });
  });

  it.each([
    [400, 'Invalid Request'],
    [401, 'Unauthorized'],
    [403, 'Reply to this conversation is not allowed because you have not been mentioned'],
    [404, 'Not Found'],
  ])('%i (%s) is a refusal', (code, detail) => {
    expect(classifyPostError(answered(code, { detail }))).toEqual({ kind: 'refused', status: code, detail });
  });

  it('403 duplicate content is X saying it already holds the post', () => {
    const detail = 'You are not allowed to create a Tweet with duplicate content.';
    expect(classifyPostError(answered(403, { detail }))).toEqual({ kind: 'duplicate', status: 403, detail });
  });

  it('an error that never reached X is not classified (the caller rethrows it)', () => {
    expect(classifyPostError(new TypeError('x is undefined'))).toBeNull();
  });
});
