import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimUser } from '../x-sim.types';

/** `none`: sim and health routes; `app`: any bearer token; `user`: a `sim-user:<handle>` token. */
export type AuthLevel = 'none' | 'app' | 'user';

export interface AuthContext {
  token: string;
  /** Present for user-context tokens. */
  user?: SimUser;
}

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  auth: AuthContext;
  /** `GET /2/users/:id/mentions`: the name used for rate limits, faults and metrics. */
  key: string;
}

/** A handler returns a JSON response, or `undefined` when it wrote the response itself (streams). */
export type RouteResult = { status: number; body: unknown; headers?: Record<string, string> } | undefined;
export type RouteHandler = (r: RouteRequest) => Promise<RouteResult> | RouteResult;

export interface Route {
  method: string;
  pattern: string;
  key: string;
  auth: AuthLevel;
  handler: RouteHandler;
  segments: string[];
}

/** First match wins, so register `/2/users/me` before `/2/users/:id`. */
export class Router {
  private readonly routes: Route[] = [];

  add(params: { method: string; pattern: string; auth: AuthLevel; handler: RouteHandler }): void {
    this.routes.push({
      ...params,
      key: `${params.method} ${params.pattern}`,
      segments: params.pattern.split('/').filter(Boolean),
    });
  }

  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined {
    const parts = path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) {
        continue;
      }
      if (route.method === method) {
        return { route, params };
      }
      pathMatched = true;
    }

    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    if (segments[i].startsWith(':')) {
      params[segments[i].slice(1)] = decodeURIComponent(parts[i]);
    } else if (segments[i] !== parts[i]) {
      return undefined;
    }
  }

  return params;
}
