import type { ComplianceJobs } from './compliance/compliance-jobs';
import type { FaultInjector } from './http/fault-injector';
import type { RateLimiter } from './http/rate-limiter';
import type { SimMetrics } from './http/sim-metrics';
import type { DuplicateGuard } from './store/duplicate-guard';
import type { SimStore } from './store/sim-store';
import type { StreamHub } from './stream/stream-hub';
import type { StreamRuleBook } from './stream/stream-rule-book';
import type {
  ApiTier,
  InjectDmInput,
  InjectTweetInput,
  PendingFault,
  SimDmEvent,
  SimTweet,
  SimUser,
} from './x-sim.types';

export interface SimStats {
  users: number;
  tweets: number;
  dms: number;
  rules: number;
  streamConnections: number;
  streamStalled: boolean;
  streamDelivered: number;
  pendingFaults: PendingFault[];
}

/** What the /sim routes and the programmatic XSim handle share: test-side actions on the emulated X. */
export class SimOperations {
  constructor(
    private readonly deps: {
      store: SimStore;
      rules: StreamRuleBook;
      hub: StreamHub;
      faults: FaultInjector;
      duplicates: DuplicateGuard;
      limiter: RateLimiter;
      metrics: SimMetrics;
      seedBrands: boolean;
      compliance: ComplianceJobs;
    },
  ) {}

  /** A tweet by anyone (created on first use); it reaches the stream, mentions and search. */
  injectTweet(input: InjectTweetInput): SimTweet {
    const author = this.deps.store.ensureUser(input.authorHandle, input.lang);
    const tweet = this.deps.store.createTweet({
      authorId: author.id,
      text: input.text,
      inReplyToTweetId: input.inReplyToTweetId,
      quoteTweetId: input.quoteTweetId,
      lang: input.lang,
      source: 'sim',
      mediaKeys: (input.media ?? []).map((m) => this.deps.store.media.create(m).media_key),
    });
    this.deps.metrics.tweetsInjected.inc();

    return tweet;
  }

  injectDm(input: InjectDmInput): SimDmEvent {
    const from = this.deps.store.ensureUser(input.fromHandle);
    const to = this.deps.store.ensureUser(input.toHandle);

    return this.deps.store.createDm({
      senderId: from.id,
      recipientId: to.id,
      text: input.text,
      mediaKeys: (input.media ?? []).slice(0, 1).map((m) => this.deps.store.media.create(m).media_key),
    });
  }

  /** Replies to a tweet, oldest first. */
  replies(tweetId: string): SimTweet[] {
    return this.deps.store.repliesTo(tweetId);
  }

  /** What a handle posted: its tweets (oldest first) and the DMs it sent. */
  postsBy(handle: string): { tweets: SimTweet[]; dms: SimDmEvent[] } {
    const user = this.deps.store.userByUsername(handle);
    if (!user) {
      return { tweets: [], dms: [] };
    }

    return {
      tweets: this.deps.store.allTweets().filter((t) => t.author_id === user.id),
      dms: this.deps.store.dmsOf(user.id).filter((d) => d.sender_id === user.id),
    };
  }

  registerBrand(params: { username: string; name?: string; apiTier?: ApiTier }): SimUser {
    return this.deps.store.registerBrand(params);
  }

  stats(): SimStats {
    return {
      ...this.deps.store.counts(),
      rules: this.deps.rules.list().length,
      streamConnections: this.deps.hub.connectionCount,
      streamStalled: this.deps.hub.isStalled,
      streamDelivered: this.deps.hub.delivered,
      pendingFaults: this.deps.faults.pending(),
    };
  }

  /** Empties the store, rules, faults, duplicate memory and rate-limit windows; open streams stay connected. */
  reset(): void {
    this.deps.store.reset();
    this.deps.rules.clear();
    this.deps.faults.clear();
    this.deps.duplicates.reset();
    this.deps.limiter.reset();
    this.deps.compliance.reset();
    this.deps.hub.setStalled(false);
    if (this.deps.seedBrands) {
      this.deps.store.seedBrands();
    }
  }
}
