import { createClassifier } from './classifier';
import { IntentModel, SentimentModel } from './classify.types';

describe('createClassifier', () => {
  const classifier = createClassifier();

  it('classifies a complaint end to end', () => {
    const c = classifier.classify({
      text: '@acmecares order #A7719320 arrived broken 😡 call me on (415) 555-0199',
      lang: 'en',
      author: { followersCount: 120_000 },
      context: { waitingMinutes: 12, previousContacts: 1, brandHandles: ['@acmecares'] },
    });
    expect(c.language).toBe('en');
    expect(c.languageSource).toBe('x');
    expect(c.sentiment.label).toBe('negative');
    expect(c.intent).toBe('complaint');
    expect(c.pii.map((m) => m.type)).toEqual(['order_number', 'phone']);
    expect(c.priorityReasons).toEqual(
      expect.arrayContaining([
        'negative_sentiment',
        'complaint',
        'followers_100k',
        'waiting_12m',
        'repeat_contact_1',
        'pii_exposed',
      ]),
    );
    expect(c.priority).toBeGreaterThan(60);
  });

  it("detects the language when X says 'und'", () => {
    const c = classifier.classify({ text: '@JioCare bhai 3 din se net nahi chal raha', lang: 'und' });
    expect(c).toMatchObject({ language: 'hi', languageSource: 'detector', intent: 'complaint' });
  });

  it('never reports the brand handle as PII', () => {
    const c = classifier.classify({
      text: '@acmecares hi@acmecares thanks!',
      context: { brandHandles: ['acmecares'] },
    });
    expect(c.pii).toEqual([]);
  });

  it('handles empty text', () => {
    const c = classifier.classify({ text: '' });
    expect(c).toMatchObject({
      language: 'und',
      intent: 'other',
      pii: [],
      sentiment: { label: 'neutral', score: 0 },
    });
  });

  it('uses a plugged-in sentiment and intent model', () => {
    const calls: string[] = [];
    const sentiment: SentimentModel = {
      score: (text, lang) => {
        calls.push(`${lang}:${text}`);
        return { label: 'positive', score: 0.9 };
      },
    };
    const intent: IntentModel = {
      classify: ({ sentiment: s }) => ({ intent: s.score > 0.5 ? 'praise' : 'other', confidence: 0.7 }),
    };
    const c = createClassifier({ sentiment, intent }).classify({ text: 'terrible', lang: 'en' });
    expect(calls).toEqual(['en:terrible']);
    expect(c.sentiment).toEqual({ label: 'positive', score: 0.9 });
    expect(c).toMatchObject({ intent: 'praise', intentConfidence: 0.7 });
  });
});
