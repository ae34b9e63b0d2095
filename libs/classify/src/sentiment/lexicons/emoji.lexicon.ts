import emojiEmotion from 'emoji-emotion/index.json';

/** Emoji valence from emoji-emotion (AFINN-style -5..5), with customer-care overrides: a 😤 or 🙄
 *  aimed at a brand is annoyance, not the neutral "triumph" the generic list gives it. */
const OVERRIDES: Record<string, number> = {
  '🤬': -4,
  '😤': -2,
  '🙄': -2,
  '🤦': -2,
  '🤮': -3,
  '🥲': -1,
  '😑': -1,
  '❌': -1,
  '⚠': -1,
  '🎉': 2,
  '🥰': 3,
  '🥳': 2,
  '⭐': 2,
  '🌟': 2,
  '✨': 1,
  '💪': 2,
  '🔥': 1,
  '✅': 1,
  '🎁': 1,
  '💰': 1,
  '🚀': 1,
  '💜': 3,
  '🤩': 3,
  '👍': 2,
  '👎': -2,
  '😍': 3,
};

const VS16 = /\uFE0F/g;

export const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map([
  ...(emojiEmotion as Array<{ emoji: string; polarity: number }>).map(
    (e) => [e.emoji.replace(VS16, ''), e.polarity] as [string, number],
  ),
  ...Object.entries(OVERRIDES),
]);

/** Every pictographic code point; skin tones, ZWJ and VS16 are not Extended_Pictographic. */
export const EMOJI_RE = /\p{Extended_Pictographic}/gu;

/** ASCII emoticons, matched on lowercased text. */
export const EMOTICON_RE = /(?:^|\s)(:-?\)|:-?d|;-?\)|:-?\(|:'\(|<3|:\/)(?=\s|$)/g;
export const EMOTICON_VALENCE: ReadonlyMap<string, number> = new Map([
  [':)', 2],
  [':-)', 2],
  [':d', 2],
  [':-d', 2],
  [';)', 2],
  [';-)', 2],
  [':(', -2],
  [':-(', -2],
  [":'(", -2],
  ['<3', 3],
  [':/', -1],
]);
