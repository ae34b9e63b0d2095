import type { ServerResponse } from 'node:http';
import type { FieldOptions } from '../http/field-options';
import { HttpProblem } from '../http/http-problem';
import type { WireSerializer } from '../http/wire-serializer';
import { matchingRules } from '../query/query-matcher';
import type { SimStore } from '../store/sim-store';
import { PROBLEM_TYPE } from '../x-sim.constants';
import type { SimTweet } from '../x-sim.types';
import type { StreamRuleBook } from './stream-rule-book';

interface StreamConnection {
  token: string;
  res: ServerResponse;
  fields: FieldOptions;
  heartbeat: NodeJS.Timeout;
}

/**
 * Open filtered-stream connections. X allows one connection per app; a second one gets 429
 * TooManyConnections, which is also what a client sees when it reconnects before X noticed the
 * old socket died.
 */
export class StreamHub {
  private readonly connections = new Map<string, StreamConnection>();
  private stalled = false;
  delivered = 0;

  constructor(
    private readonly deps: {
      store: SimStore;
      rules: StreamRuleBook;
      serializer: WireSerializer;
      heartbeatMs: number;
    },
    private readonly onCountChange: (count: number) => void = () => undefined,
  ) {}

  get connectionCount(): number {
    return this.connections.size;
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  open(params: { token: string; res: ServerResponse; fields: FieldOptions }): void {
    if (this.connections.has(params.token)) {
      throw new HttpProblem(429, {
        title: 'ConnectionException',
        detail: 'This stream is currently at the maximum allowed connection limit.',
        connection_issue: 'TooManyConnections',
        type: PROBLEM_TYPE.streaming,
      });
    }
    params.res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-cache',
    });
    params.res.flushHeaders();
    const conn: StreamConnection = {
      token: params.token,
      res: params.res,
      fields: params.fields,
      heartbeat: setInterval(() => {
        if (!this.stalled) {
          params.res.write('\r\n');
        }
      }, this.deps.heartbeatMs),
    };
    this.connections.set(params.token, conn);
    this.onCountChange(this.connections.size);
    params.res.on('close', () => this.forget(conn));
  }

  /** Sends a tweet to every connection, with the rules it matched; tweets matching no rule are not sent. */
  publish(tweet: SimTweet): void {
    if (this.connections.size === 0 || this.stalled) {
      return; // a stalled X sends nothing, and nothing is replayed later: clients must backfill
    }
    const author = this.deps.store.userById(tweet.author_id);
    const replyTo = tweet.in_reply_to_user_id
      ? this.deps.store.userById(tweet.in_reply_to_user_id)
      : undefined;
    const matched = matchingRules(this.deps.rules.compiled(), {
      tweet,
      authorUsername: author?.username ?? '',
      authorVerified: author?.verified ?? false,
      inReplyToUsername: replyTo?.username,
    });
    if (matched.length === 0) {
      return;
    }
    const matching_rules = matched.map((r) => ({ id: r.id, tag: r.tag ?? '' }));
    for (const conn of this.connections.values()) {
      const includes = this.deps.serializer.tweetIncludes([tweet], conn.fields);
      const payload = {
        data: this.deps.serializer.tweet(tweet, conn.fields.tweetFields),
        ...(includes ? { includes } : {}),
        matching_rules,
      };
      conn.res.write(JSON.stringify(payload) + '\r\n');
      this.delivered++;
    }
  }

  /** Drops every connection; `operational` first sends X's operational-disconnect payload. */
  disconnectAll(operational = false): number {
    const conns = [...this.connections.values()];
    for (const conn of conns) {
      this.forget(conn);
      if (operational) {
        conn.res.end(
          JSON.stringify({
            errors: [
              {
                title: 'operational-disconnect',
                disconnect_type: 'OperationalDisconnect',
                detail: 'This stream has been disconnected for operational reasons.',
                type: PROBLEM_TYPE.operationalDisconnect,
              },
            ],
          }) + '\r\n',
        );
      } else {
        conn.res.destroy();
      }
    }

    return conns.length;
  }

  /** A stalled stream keeps its sockets open but sends neither heartbeats nor tweets. */
  setStalled(stalled: boolean): void {
    this.stalled = stalled;
  }

  close(): void {
    this.disconnectAll();
    this.stalled = false;
  }

  private forget(conn: StreamConnection): void {
    clearInterval(conn.heartbeat);
    if (this.connections.get(conn.token) === conn) {
      this.connections.delete(conn.token);
      this.onCountChange(this.connections.size);
    }
  }
}
