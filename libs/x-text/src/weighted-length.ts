import { parseTweet } from 'twitter-text';

/**
 * Length as X counts it (twitter-text v3 rules): NFC first, every URL is 23, CJK and emoji
 * (including ZWJ sequences and skin tones) weigh 2, most Latin, Arabic and Cyrillic weigh 1.
 */
export function weightedLength(text: string): number {
  return parseTweet(text.normalize('NFC')).weightedLength;
}

/** DM length: X counts characters, so code points of the NFC text. */
export function characterLength(text: string): number {
  let count = 0;
  for (const _ of text.normalize('NFC')) count++;
  return count;
}
