import { postBody, sameText, unescapeX } from './x-text-match';

describe('sameText: X returns links as t.co URLs and escapes &, < and >', () => {
  const sent = 'Sorry Jo, track it at https://acme.com/track?o=1&k=2 or acme.com <3 & thanks ^AB';

  it('matches X’s copy: reply prefix, escapes, t.co links with their expanded_url', () => {
    const read = {
      text: '@jo_doe Sorry Jo, track it at https://t.co/AbC123 or https://t.co/Zz9 &lt;3 &amp; thanks ^AB',
      urls: [
        { url: 'https://t.co/AbC123', expanded_url: 'https://acme.com/track?o=1&k=2' },
        { url: 'https://t.co/Zz9', expanded_url: 'http://acme.com' },
      ],
    };
    expect(sameText(sent, read)).toBe(true);
  });

  it('matches a DM’s copy, which carries no entities, with URLs taken as wildcards', () => {
    expect(
      sameText(sent, {
        text: 'Sorry Jo, track it at https://t.co/AbC123 or https://t.co/Zz9 &lt;3 &amp; thanks ^AB',
      }),
    ).toBe(true);
  });

  it('matches the text as sent when X returns it unchanged', () => {
    expect(sameText(sent, { text: sent })).toBe(true);
  });

  it('does not match other words, another link count, or an escape left in place', () => {
    expect(
      sameText(sent, {
        text: 'Sorry Jo, track it at https://t.co/AbC123 or https://t.co/Zz9 &lt;3 &amp; thanks ^CD',
      }),
    ).toBe(false);
    expect(
      sameText(sent, { text: 'Sorry Jo, track it at https://t.co/AbC123 or &lt;3 &amp; thanks ^AB' }),
    ).toBe(false);
    expect(sameText('Tom & Jerry', { text: 'Tom &amp;amp; Jerry' })).toBe(false);
    expect(sameText('Tom &amp; Jerry', { text: 'Tom &amp;amp; Jerry' })).toBe(true);
  });

  it('a t.co link whose expanded_url X rewrote still matches on the words, and only on them', () => {
    const read = {
      text: 'see https://t.co/AbC123',
      urls: [{ url: 'https://t.co/AbC123', expanded_url: 'https://other.com/' }],
    };
    expect(sameText('see https://acme.com/', read)).toBe(true); // the wildcard pass: X rewrites expanded URLs
    expect(sameText('look https://acme.com/', read)).toBe(false);
  });

  it('unescapes once and strips the @prefix X adds to replies', () => {
    expect(unescapeX('a &amp;lt; b &gt; c')).toBe('a &lt; b > c');
    expect(postBody('@a @b_c  hello ')).toBe('hello');
  });

  it('leaves out the pic.x.com link X appends to a post with media, and only that link', () => {
    const read = {
      text: '@cust Here is the label ^AB https://t.co/PiC1234567',
      urls: [
        {
          url: 'https://t.co/PiC1234567',
          expanded_url: 'https://x.com/acmecares/status/1/photo/1',
          media_key: '3_1',
        },
      ],
    };
    expect(sameText('Here is the label ^AB', read)).toBe(true);
    expect(sameText('Here is another label ^AB', read)).toBe(false);
    expect(
      sameText('Here is the label ^AB', {
        text: read.text,
        urls: [{ ...read.urls[0]!, media_key: undefined }],
      }),
    ).toBe(false);
  });
});
