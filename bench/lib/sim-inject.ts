import { benchText } from './payloads';

export interface SimTweet {
  text: string;
  authorHandle: string;
}

/**
 * Posts tweets to twitter-sim in one request (POST /sim/tweets/batch), so the driver's HTTP cost
 * stays small next to the platform's; refuses to go on when the sim did not take them.
 */
export async function injectTweets(simUrl: string, tweets: readonly SimTweet[]): Promise<void> {
  const res = await fetch(`${simUrl}/sim/tweets/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tweets }),
  });
  await res.text();
  if (res.status !== 201) throw new Error(`inject ${res.status}`);
}

/** Batch `b` of `size` benchmark tweets, each from its own author `<prefix>_<n>`. */
export function benchBatch(b: number, prefix: string, size: number): SimTweet[] {
  return Array.from({ length: size }, (_, k) => ({
    text: benchText(b * size + k),
    authorHandle: `${prefix}_${b * size + k}`,
  }));
}
