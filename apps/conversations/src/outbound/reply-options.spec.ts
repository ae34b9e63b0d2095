import { ErrorCode } from '@roost/contracts';
import { renderCanned } from '../guidelines/canned-template';
import { postBody } from './x-post-lookup';
import { publicReplyNotAllowed, replyOptions } from './reply-options';

describe('reply options under X reply policy', () => {
  it('offers public first when the API may answer in public', () => {
    expect(replyOptions({ replyPath: 'public', customerHandle: 'ana', lastInboundXId: '12' })).toEqual({
      public: true,
      offered: ['public', 'dm'],
      openInXUrl: 'https://x.com/ana/status/12',
    });
  });

  it.each([
    ['dm', ['dm', 'open_in_x', 'quote']],
    ['manual', ['open_in_x', 'dm', 'quote']],
    ['quote', ['quote', 'dm', 'open_in_x']],
  ])('reply_path %s offers %j and refuses public with those paths', (path, offered) => {
    const o = replyOptions({ replyPath: path, customerHandle: 'ana', lastInboundXId: null });
    expect(o).toMatchObject({ public: false, offered, openInXUrl: null });
    const err = publicReplyNotAllowed(o, path);
    expect(err.code).toBe(ErrorCode.BadUserInput);
    expect(err.details).toMatchObject({ reason: 'PUBLIC_REPLY_NOT_ALLOWED', replyPath: path, offered });
  });
});

describe('canned replies and post matching', () => {
  it('fills known variables and leaves unknown ones visible', () => {
    expect(
      renderCanned('Hi {{ customer_name }}, {{queue_hours}} ^{{agent_initials}} {{order}}', {
        customer_name: 'Ana',
        agent_initials: 'AB',
        queue_hours: '8-20',
      }),
    ).toBe('Hi Ana, 8-20 ^AB {{order}}');
  });

  it('compares what the agent wrote with what X shows (reply @prefixes dropped, NFC)', () => {
    expect(postBody('@ana @bob Cafe\u0301 is open ^AB')).toBe('Café is open ^AB');
    expect(postBody('Café is open ^AB')).toBe('Café is open ^AB');
  });
});
