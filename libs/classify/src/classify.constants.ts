/** Tunables of @roost/classify, in one place. */

/** Compound score = sum / sqrt(sum² + ALPHA) (VADER's normalisation): one strong word ≈ ±0.5. */
export const SENTIMENT_NORMALISATION_ALPHA = 15;
/** |compound| below this is neutral. */
export const SENTIMENT_NEUTRAL_BAND = 0.2;
/** A negated word flips and shrinks: "not good" is nearly as bad as "bad", but "not bad" is only
 *  mildly positive, so negated negatives shrink more. */
export const NEGATED_POSITIVE_FACTOR = -0.9;
export const NEGATED_NEGATIVE_FACTOR = -0.5;
export const INTENSIFIER_SUBSTRING_BOOST = 1.3;
/** How many tokens after "not"/"no"/"nicht" a negation reaches. */
export const NEGATION_SCOPE_TOKENS = 3;
/** How many tokens before a post-posed negator (Hindi "nahi", "नहीं") it reaches back. */
export const POST_NEGATION_SCOPE_TOKENS = 2;
/** Words after "but"/"pero"/"aber"/"lekin" weigh more than the clause before. */
export const CONTRAST_BEFORE_WEIGHT = 0.5;
export const CONTRAST_AFTER_WEIGHT = 1.5;
export const EXCLAMATION_BOOST = 0.3;
export const MAX_EXCLAMATIONS = 3;

/** X language codes that mean "no language": undetermined, media/hashtag/mention-only, etc. */
export const X_NON_LANGUAGES: ReadonlySet<string> = new Set([
  'und',
  'zxx',
  'qme',
  'qht',
  'qam',
  'qct',
  'qst',
  'art',
]);
/** X's legacy codes mapped to ISO 639-1. */
export const X_LANGUAGE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['in', 'id'],
  ['iw', 'he'],
  ['zh-cn', 'zh'],
  ['zh-tw', 'zh'],
  ['zh-hans', 'zh'],
  ['zh-hant', 'zh'],
]);

export const PRIORITY = {
  base: 20,
  negativeMax: 25,
  complaint: 10,
  purchaseIntent: 8,
  question: 4,
  vip: 25,
  verified: 10,
  followers: [
    { min: 1_000_000, points: 15, reason: 'followers_1m' },
    { min: 100_000, points: 10, reason: 'followers_100k' },
    { min: 10_000, points: 5, reason: 'followers_10k' },
  ],
  /** One point per this many minutes waited, capped. */
  minutesPerWaitPoint: 3,
  waitMax: 20,
  perPreviousContact: 5,
  repeatMax: 15,
  piiExposed: 5,
  spamCeiling: 5,
} as const;
