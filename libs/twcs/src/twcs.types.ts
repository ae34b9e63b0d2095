/** One tweet of the Customer Support on Twitter (TWCS) dataset. */
export interface TwcsRow {
  tweetId: string;
  /** A brand handle (e.g. `AppleSupport`) for outbound rows, an anonymised number for customers. */
  authorId: string;
  /** true: written by a customer; false: written by the brand. */
  inbound: boolean;
  createdAt: Date;
  text: string;
  responseTweetIds: string[];
  inResponseToTweetId?: string;
}

/** A connected group of tweets linked by in_response_to_tweet_id / response_tweet_id. */
export interface TwcsThread {
  /** The smallest tweet id in the group: a stable name for the thread. */
  id: string;
  /** Rows in the group, oldest first (ties by tweet id). */
  rows: TwcsRow[];
}

export class TwcsParseError extends Error {
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(`record ${record}: ${message}`);
  }
}
