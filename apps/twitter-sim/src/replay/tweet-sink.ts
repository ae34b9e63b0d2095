import type { InjectTweetInput, XSim } from '@roost/x-sim';

/** Where replayed tweets go: a sim in this process, or one running elsewhere (POST /sim/tweets). */
export interface TweetSink {
  postTweet(input: InjectTweetInput): Promise<string>;
}

export class InProcessSink implements TweetSink {
  constructor(private readonly sim: XSim) {}

  postTweet(input: InjectTweetInput): Promise<string> {
    return Promise.resolve(this.sim.injectTweet(input).id);
  }
}

export class HttpSimSink implements TweetSink {
  private readonly endpoint: string;

  constructor(baseUrl: string) {
    this.endpoint = new URL('/sim/tweets', baseUrl).toString();
  }

  async postTweet(input: InjectTweetInput): Promise<string> {
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { id?: string; detail?: string; errors?: Array<{ message: string }> };
    if (res.status !== 201 || !body.id) {
      throw new Error(
        `POST ${this.endpoint} → ${res.status}: ${body.errors?.[0]?.message ?? body.detail ?? 'no id'}`,
      );
    }

    return body.id;
  }
}
