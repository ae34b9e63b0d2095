import templates from './traffic-templates.json';
import { TrafficComposer } from './traffic-composer';
import type { TrafficEvent, TrafficTemplates } from './traffic.types';

const T = templates as unknown as TrafficTemplates;

function run(seed: number, n: number): TrafficEvent[] {
  const c = new TrafficComposer(T, seed);

  return Array.from({ length: n }, () => c.next([{ tweetId: '1', customerHandle: 'maria1' }]));
}

describe('TrafficComposer', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    expect(run(42, 200)).toEqual(run(42, 200));
    expect(run(42, 50)).not.toEqual(run(43, 50));
  });

  it('attaches photos (now and then a video) to some complaints and questions, and photos to some DMs', () => {
    const events = run(11, 3000);
    const tweets = events.filter((e): e is Extract<TrafficEvent, { kind: 'tweet' }> => e.kind === 'tweet');
    const withMedia = tweets.filter((t) => t.media?.length);
    expect(withMedia.length).toBeGreaterThan(50);
    expect(withMedia.length).toBeLessThan(tweets.length / 4);
    expect(new Set(withMedia.map((t) => t.intent))).toEqual(new Set(['complaint', 'question']));
    expect(new Set(withMedia.flatMap((t) => t.media!.map((m) => m.type)))).toEqual(
      new Set(['photo', 'video']),
    );
    const dms = events.filter((e): e is Extract<TrafficEvent, { kind: 'dm' }> => e.kind === 'dm');
    expect(dms.some((d) => d.media?.[0]?.type === 'photo')).toBe(true);
  });

  it('covers every language, intent and way of naming the brand', () => {
    const events = run(7, 3000);
    const tweets = events.filter((e): e is Extract<TrafficEvent, { kind: 'tweet' }> => e.kind === 'tweet');
    expect(new Set(tweets.map((t) => t.intent))).toEqual(
      new Set(['question', 'complaint', 'praise', 'purchase', 'spam']),
    );
    expect(new Set(tweets.map((t) => t.brandRef)).size).toBe(5);
    const langs = new Set(tweets.map((t) => t.lang ?? 'guess'));
    for (const l of ['en', 'es', 'de', 'fr', 'pt', 'ja', 'ko', 'zh', 'hi', 'ar', 'guess']) {
      expect(langs).toContain(l);
    }
    const texts = tweets.map((t) => t.text);
    expect(texts.some((t) => t.includes('@acmecares'))).toBe(true);
    expect(texts.some((t) => /\b(acmee|akme|Akme|Acmee)\b/.test(t))).toBe(true);
    expect(texts.some((t) => /#acme/i.test(t))).toBe(true);
    expect(texts.some((t) => /[\u0900-\u097f]/.test(t))).toBe(true);
    expect(texts.some((t) => /\b(bhai|yaar|nahi)\b/.test(t))).toBe(true);
    expect(texts.some((t) => /#A\d{6}|A-\d{6}/.test(t))).toBe(true);
    expect(texts.some((t) => /@example\.(com|org|net)/.test(t))).toBe(true);
    expect(texts.some((t) => /\+\d{1,2} \d/.test(t))).toBe(true);
    expect(texts.every((t) => !t.includes('{') && t === t.trim())).toBe(true);
    expect(new Set(tweets.map((t) => t.authorHandle)).size).toBeGreaterThan(300);
    expect(events.some((e) => e.kind === 'dm' && e.toHandle === 'acmecares')).toBe(true);
    expect(events.some((e) => e.kind === 'thread-reply' && e.inReplyToTweetId === '1')).toBe(true);
  });

  it('keeps a customer in one language and within X handle rules', () => {
    const tweets = run(3, 2000).filter(
      (e): e is Extract<TrafficEvent, { kind: 'tweet' }> => e.kind === 'tweet',
    );
    const langByHandle = new Map<string, string | undefined>();
    for (const t of tweets) {
      expect(t.authorHandle).toMatch(/^[A-Za-z0-9_]{1,15}$/);
      if (langByHandle.has(t.authorHandle)) {
        expect(langByHandle.get(t.authorHandle)).toBe(t.lang);
      }
      langByHandle.set(t.authorHandle, t.lang);
    }
  });
});
