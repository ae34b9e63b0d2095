/** Public types of @roost/classify. Additive changes only: ingest publishes these fields. */

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
}

export type Intent = 'question' | 'complaint' | 'praise' | 'purchase_intent' | 'spam' | 'other';

export interface IntentResult {
  intent: Intent;
  /** 0..1, how sure the model is (rule models: share of the winning signal). */
  confidence: number;
}

export type PiiType = 'email' | 'phone' | 'card' | 'address' | 'order_number' | 'account_number';

/** Where personal data sits in the text. Offsets are UTF-16 code units into the original text;
 *  the value itself is deliberately not carried so it cannot leak into logs or events. */
export interface PiiMatch {
  type: PiiType;
  start: number;
  end: number;
}

export interface ClassifyAuthor {
  followersCount?: number;
  verified?: boolean;
  vip?: boolean;
}

export interface ClassifyContext {
  waitingMinutes?: number;
  previousContacts?: number;
  /** The brand's own handles (with or without '@'); never PII. */
  brandHandles?: string[];
}

export interface ClassifyInput {
  text: string;
  /** X's `lang` (BCP 47-ish); 'und' and X's pseudo-codes (qme, qht, zxx…) mean "unknown". */
  lang?: string;
  author?: ClassifyAuthor;
  context?: ClassifyContext;
}

export interface Classification {
  /** ISO 639-1, or 'und'. */
  language: string;
  languageSource: 'x' | 'detector';
  sentiment: SentimentResult;
  intent: Intent;
  intentConfidence: number;
  pii: PiiMatch[];
  /** 0..100, higher is answered first. */
  priority: number;
  priorityReasons: string[];
}

/** Pluggable sentiment scorer. Must be synchronous and cheap: ingest calls it once per mention. */
export interface SentimentModel {
  score(text: string, lang: string): SentimentResult;
}

export interface IntentModelInput {
  text: string;
  lang: string;
  sentiment: SentimentResult;
}

/** Pluggable intent classifier; receives the sentiment already computed. */
export interface IntentModel {
  classify(input: IntentModelInput): IntentResult;
}

export interface ClassifierOptions {
  sentiment?: SentimentModel;
  intent?: IntentModel;
}

export interface Classifier {
  classify(input: ClassifyInput): Classification;
}
