export type Intent = 'question' | 'complaint' | 'praise' | 'purchase' | 'spam';
export type BrandRefKind = 'care' | 'engagement' | 'name' | 'misspelling' | 'hashtag';

interface LanguageTemplates {
  products: string[];
  question: string[];
  complaint: string[];
  praise: string[];
  purchase: string[];
  spam: string[];
  threadReplies: string[];
  dms: string[];
}

/** Shape of traffic-templates.json. */
export interface TrafficTemplates {
  brandRefs: Record<BrandRefKind, string[]>;
  brandRefWeights: Record<BrandRefKind, number>;
  intentWeights: Record<Intent, number>;
  langWeights: Record<string, number>;
  pii: { phone: string[]; email: string[]; order: string[] };
  piiChance: number;
  languages: Record<string, LanguageTemplates>;
  handleStems: string[];
}

export type TrafficEvent =
  | {
      kind: 'tweet';
      authorHandle: string;
      text: string;
      lang?: string;
      intent: Intent;
      brandRef: BrandRefKind;
      /** A photo of the problem (or a short video) on some complaints and questions. */
      media?: Array<{ type: 'photo' | 'video'; altText?: string }>;
    }
  | { kind: 'thread-reply'; authorHandle: string; text: string; lang?: string; inReplyToTweetId: string }
  | {
      kind: 'dm';
      fromHandle: string;
      toHandle: string;
      text: string;
      media?: Array<{ type: 'photo'; altText?: string }>;
    };

/** A brand reply a customer may answer in thread. */
export interface BrandReply {
  tweetId: string;
  customerHandle: string;
}
