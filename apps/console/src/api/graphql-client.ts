import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import type { SessionStore } from '../auth/session-store';
import { ConnectionStatus } from './connection-status';

/** The gateway closes a socket with 4401 when the token is missing, bad or expired. */
const CLOSE_UNAUTHORIZED = 4401;
const PING_EVERY_MS = 10_000;
const PONG_WITHIN_MS = 5_000;
const MAX_RETRY_WAIT_MS = 10_000;

export interface ApiClient {
  urql: Client;
  status: ConnectionStatus;
  dispose(): void;
}

export const GRAPHQL_PATH = '/graphql';

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${GRAPHQL_PATH}`;
}

const bearer = (token: string | null): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/** Exponential back-off with full jitter, so a restarted gateway is not hit by every tab at once. */
async function retryWait(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_RETRY_WAIT_MS, 500 * 2 ** attempt);
  await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling + 250));
}

/**
 * One graphql-ws socket, opened eagerly and kept open for the whole session so a lost connection
 * is noticed (and announced) even while no list is on screen. It retries forever, except after a
 * 4401 close: the token is no good, so the session ends and the agent signs in again.
 */
function createSocket(session: SessionStore, status: ConnectionStatus): WsClient {
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let sentToken: string | null = null;
  const client: WsClient = createWsClient({
    url: wsUrl(),
    lazy: false,
    keepAlive: PING_EVERY_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait,
    shouldRetry: (event) => !(isCloseEvent(event) && event.code === CLOSE_UNAUTHORIZED),
    connectionParams: () => {
      sentToken = session.token();
      return bearer(sentToken);
    },
    on: {
      connected: () => status.connected(),
      closed: (event) => {
        clearTimeout(pongTimer);
        if (isCloseEvent(event) && event.code === CLOSE_UNAUTHORIZED) {
          session.refused(sentToken);
          return;
        }
        status.lost();
      },
      // A half-open TCP connection never closes by itself: no pong in time means it is gone.
      ping: (received) => {
        if (received) return;
        pongTimer = setTimeout(() => client.terminate(), PONG_WITHIN_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });
  return client;
}

function isCloseEvent(event: unknown): event is { code: number } {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number';
}

/** `live: false` (signed out) skips the socket: only `login` is allowed without a token. */
export function createApiClient(session: SessionStore, opts: { live: boolean }): ApiClient {
  const status = new ConnectionStatus();
  const socket = opts.live ? createSocket(session, status) : null;
  const urql = new Client({
    url: GRAPHQL_PATH,
    // Lists are live (subscriptions trigger refetches), so a cached page is never shown as current.
    requestPolicy: 'cache-and-network',
    // POST only: Apollo's CSRF guard refuses GET queries without a preflight header.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: bearer(session.token()) }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions['code'] === 'UNAUTHENTICATED'))
            session.refused(null);
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            if (!socket) {
              sink.error(new Error('not signed in'));
              return { unsubscribe: () => undefined };
            }
            return { unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) };
          },
        }),
      }),
    ],
  });
  return {
    urql,
    status,
    dispose: () => void socket?.dispose(),
  };
}

/** Per-request headers (auth + extras) for operations that need more than the defaults. */
export function headersWith(session: SessionStore, extra: Record<string, string>): RequestInit {
  return { headers: { ...bearer(session.token()), ...extra } };
}
