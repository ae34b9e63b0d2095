import type { UserV2 } from 'twitter-api-v2';
import { normalizeDmEvent } from './normalized-dm';
import { normalizeTweet, usersById } from './normalized-tweet';
import { unescapeXText } from './x-text';

const users = usersById([{ id: '42', username: 'omar', name: 'Omar' } as UserV2]);

describe('X text escaping', () => {
  it('unescapes &amp;, &lt;, &gt; in one pass and nothing else', () => {
    expect(unescapeXText('Q&amp;A &lt;b&gt; 5 &gt; 4 &amp;lt; &quot; &#39; &')).toBe(
      'Q&A <b> 5 > 4 &lt; &quot; &#39; &',
    );
  });

  it('normalises a tweet to the text the customer typed', () => {
    const t = normalizeTweet(
      {
        id: '1',
        text: '@acmecares Q&amp;A &lt;3 https://t.co/AbCdEfGhIj',
        author_id: '42',
        edit_history_tweet_ids: ['1'],
      },
      users,
    );
    expect(t.text).toBe('@acmecares Q&A <3 https://t.co/AbCdEfGhIj');
  });

  it('leaves DM text as X serves it: not escaped', () => {
    const dm = normalizeDmEvent(
      {
        id: '2',
        event_type: 'MessageCreate',
        text: 'I typed &amp; on purpose',
        sender_id: '42',
        dm_conversation_id: '1-42',
      },
      users,
    );
    expect(dm?.text).toBe('I typed &amp; on purpose');
  });
});
