import { randomUUID } from 'node:crypto';
import type { MentionReceivedV1 } from '@roost/contracts';

const TEXTS = [
  '@acmecares my order never arrived and nobody answers, this is terrible',
  '@acmecares how do I reset my router? the light keeps blinking',
  '@acme love the new phone, battery lasts forever!',
  '@acmecares mi pedido llegó roto, necesito ayuda',
  '@acme where can I buy the new headphones in Berlin?',
  '@acmecares mein Paket ist seit einer Woche unterwegs',
];

export function benchText(i: number): string {
  return `${TEXTS[i % TEXTS.length]} #${i}`;
}

/** The payload Roost's ingest publishes, for the anchor to carry the same bytes. */
export function anchorMention(brandId: string, i: number, createdAt: string): MentionReceivedV1 {
  return {
    schema: 1,
    brandId,
    source: 'stream',
    channel: 'public',
    tweet: { id: String(1_000_000_000 + i), text: benchText(i), createdAt, lang: 'en' },
    author: {
      id: String(5_000_000 + i),
      handle: `cust${i}`,
      name: `Customer ${i}`,
      followersCount: 120,
      verified: false,
    },
    account: { id: randomUUID(), handle: 'acmecares', role: 'care', xUserId: '1' },
    replyPath: 'public',
    matchedRules: [{ id: '1', tag: `brand:${brandId}:0` }],
    classification: {
      language: 'en',
      sentiment: { label: 'neutral', score: 0 },
      intent: 'question',
      pii: [],
      priority: 30,
    },
    receivedAt: createdAt,
  };
}
