import type { SimTweet, XSim } from '@roost/x-sim';
import type { Logger } from 'pino';
import type { TrafficComposer } from './traffic-composer';
import type { BrandReply, TrafficEvent } from './traffic.types';

const BRAND_HANDLES = new Set(['acme', 'acmecares']);
const MAX_TRACKED_REPLIES = 200;

/** Feeds composed traffic into an in-process sim at a steady rate (events per second). */
export class TrafficGenerator {
  private timer?: NodeJS.Timeout;
  private carry = 0;
  private readonly brandReplies: BrandReply[] = [];
  emitted = 0;

  constructor(
    private readonly sim: XSim,
    private readonly composer: TrafficComposer,
    private readonly logger?: Pick<Logger, 'info' | 'warn'>,
  ) {
    // Remember what the brand answered, so customers can reply in thread.
    sim.store.onTweet((t: SimTweet) => this.track(t));
  }

  start(ratePerSecond: number): void {
    if (ratePerSecond <= 0 || this.timer) {
      return;
    }
    const periodMs = Math.max(20, Math.floor(1000 / ratePerSecond));
    this.timer = setInterval(() => {
      this.carry += (ratePerSecond * periodMs) / 1000;
      const n = Math.floor(this.carry);
      this.carry -= n;
      this.step(n);
    }, periodMs);
    this.logger?.info({ ratePerSecond, periodMs }, 'traffic generator started');
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Emits n events now; returns them (tests use this without timers). */
  step(n: number): TrafficEvent[] {
    const events: TrafficEvent[] = [];
    for (let i = 0; i < n; i++) {
      const e = this.composer.next(this.brandReplies);
      try {
        this.apply(e);
        events.push(e);
        this.emitted++;
      } catch (err) {
        this.logger?.warn({ err, event: e.kind }, 'traffic event refused by sim');
      }
    }

    return events;
  }

  private apply(e: TrafficEvent): void {
    switch (e.kind) {
      case 'tweet':
        this.sim.injectTweet({
          text: e.text,
          authorHandle: e.authorHandle,
          lang: e.lang,
          ...(e.media ? { media: e.media } : {}),
        });
        break;
      case 'thread-reply':
        this.sim.injectTweet({
          text: e.text,
          authorHandle: e.authorHandle,
          lang: e.lang,
          inReplyToTweetId: e.inReplyToTweetId,
        });
        break;
      case 'dm':
        this.sim.injectDm({
          fromHandle: e.fromHandle,
          toHandle: e.toHandle,
          text: e.text,
          ...(e.media ? { media: e.media } : {}),
        });
        break;
    }
  }

  private track(t: SimTweet): void {
    const author = this.sim.store.userById(t.author_id);
    const customer = t.in_reply_to_user_id ? this.sim.store.userById(t.in_reply_to_user_id) : undefined;
    if (
      !author ||
      !customer ||
      !BRAND_HANDLES.has(author.username.toLowerCase()) ||
      BRAND_HANDLES.has(customer.username)
    ) {
      return;
    }
    this.brandReplies.push({ tweetId: t.id, customerHandle: customer.username });
    if (this.brandReplies.length > MAX_TRACKED_REPLIES) {
      this.brandReplies.shift();
    }
  }
}
