import { SentimentResult } from '../classify.types';
import { computePriority } from './compute-priority';

const neutral: SentimentResult = { label: 'neutral', score: 0 };
const angry: SentimentResult = { label: 'negative', score: -0.8 };

describe('computePriority', () => {
  it('starts from a base for a neutral, anonymous mention', () => {
    expect(computePriority({ sentiment: neutral, intent: 'other' })).toEqual({ priority: 20, reasons: [] });
  });

  it('ranks an angry complaint above a neutral question', () => {
    const complaint = computePriority({ sentiment: angry, intent: 'complaint' });
    const question = computePriority({ sentiment: neutral, intent: 'question' });
    expect(complaint.priority).toBeGreaterThan(question.priority);
    expect(complaint.reasons).toEqual(['negative_sentiment', 'complaint']);
  });

  it('adds VIP, verified and follower tiers with reasons', () => {
    const r = computePriority({
      sentiment: neutral,
      intent: 'other',
      author: { vip: true, verified: true, followersCount: 250_000 },
    });
    expect(r.reasons).toEqual(['vip', 'verified', 'followers_100k']);
    expect(r.priority).toBe(20 + 25 + 10 + 10);
  });

  it('grows with waiting time and repeat contacts, each capped', () => {
    const short = computePriority({ sentiment: neutral, intent: 'other', context: { waitingMinutes: 30 } });
    const long = computePriority({ sentiment: neutral, intent: 'other', context: { waitingMinutes: 600 } });
    expect(short.reasons).toEqual(['waiting_30m']);
    expect(long.priority - 20).toBe(20);
    const repeat = computePriority({
      sentiment: neutral,
      intent: 'other',
      context: { previousContacts: 10 },
    });
    expect(repeat.priority - 20).toBe(15);
    expect(repeat.reasons).toEqual(['repeat_contact_10']);
  });

  it('never exceeds 100', () => {
    const r = computePriority({
      sentiment: { label: 'negative', score: -1 },
      intent: 'complaint',
      author: { vip: true, verified: true, followersCount: 5_000_000 },
      context: { waitingMinutes: 1000, previousContacts: 9 },
      piiCount: 2,
    });
    expect(r.priority).toBe(100);
  });

  it('keeps spam near zero whatever the author', () => {
    const r = computePriority({
      sentiment: neutral,
      intent: 'spam',
      author: { verified: true, followersCount: 2_000_000 },
    });
    expect(r.priority).toBeLessThanOrEqual(5);
    expect(r.reasons).toEqual(['spam']);
  });
});
