import twitterText from 'twitter-text';
import type { EntityWithIndices } from 'twitter-text';
import type { HashtagEntity, UrlEntity } from '../x-sim.types';

export interface RawMention {
  start: number;
  end: number;
  username: string;
}

export interface AnalyzedText {
  mentions: RawMention[];
  hashtags: HashtagEntity[];
  urls: UrlEntity[];
}

/** Converts twitter-text's UTF-16 offsets to code-point offsets, which X v2 entities use. */
function toCodePoints<T extends EntityWithIndices>(text: string, items: T[]): T[] {
  twitterText.modifyIndicesFromUTF16ToUnicode(text, items);

  return items;
}

/** Entities as X derives them from the text (twitter-text is X's own open-source extractor). */
export function analyzeText(text: string): AnalyzedText {
  const mentions = toCodePoints(text, twitterText.extractMentionsWithIndices(text)).map((m) => ({
    start: m.indices[0],
    end: m.indices[1],
    username: m.screenName,
  }));
  const hashtags = toCodePoints(text, twitterText.extractHashtagsWithIndices(text)).map((h) => ({
    start: h.indices[0],
    end: h.indices[1],
    tag: h.hashtag,
  }));
  const urls = toCodePoints(text, twitterText.extractUrlsWithIndices(text)).map((u) => {
    const expanded = /^https?:\/\//i.test(u.url) ? u.url : `https://${u.url}`;

    return {
      start: u.indices[0],
      end: u.indices[1],
      url: u.url,
      expanded_url: expanded,
      display_url: expanded.replace(/^https?:\/\//i, ''),
    };
  });

  return { mentions, hashtags, urls };
}

/** X's weighted length (CJK and emoji count double, every URL counts 23). */
export function weightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}
