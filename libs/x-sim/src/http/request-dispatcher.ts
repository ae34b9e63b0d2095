import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimStoreError } from '../store/sim-store';
import { USER_TOKEN_PREFIX } from '../x-sim.constants';
import type { XSimLogger } from '../x-sim.types';
import { sendJson } from './http-io';
import { HttpProblem } from './http-problem';
import { rateLimitHeaders } from './rate-limiter';
import type { ServedFault } from './fault-injector';
import type { AuthContext, Route, RouteResult, Router } from './router';
import type { SimContext } from './sim-context';

/**
 * One request, X's order of checks: route → bearer auth (401) → injected fault → rate limit
 * (429 with x-rate-limit-* headers) → user-context requirement (403) → handler. A fault armed
 * `afterCommit` lets the request through every check and the handler, then answers its status in
 * place of the handler's answer (whatever that was); `stallMs` delays the fault's answer.
 */
export class RequestDispatcher {
  constructor(
    private readonly router: Router,
    private readonly ctx: SimContext,
    private readonly logger?: XSimLogger,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const method = req.method ?? 'GET';
    let endpoint = `${method} ${url.pathname}`;
    res.on('finish', () => this.ctx.metrics.requests.inc({ endpoint, status: String(res.statusCode) }));
    try {
      if (method === 'GET' && url.pathname === '/metrics') {
        endpoint = 'GET /metrics';
        const text = await this.ctx.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': this.ctx.metrics.registry.contentType });
        res.end(text);

        return;
      }
      const found = this.router.match(method, url.pathname);
      if (found === undefined) {
        throw HttpProblem.notFound(`No route for ${method} ${url.pathname}`);
      }
      if (found === 'method-not-allowed') {
        throw new HttpProblem(405, {
          title: 'Method Not Allowed',
          detail: `${method} is not allowed on ${url.pathname}`,
          type: 'about:blank',
          status: 405,
        });
      }
      const { route, params } = found;
      endpoint = route.key;
      const { auth, fault } =
        route.auth === 'none'
          ? { auth: { token: '' }, fault: undefined }
          : await this.authorize({ req, res, route });
      let result: RouteResult;
      try {
        result = await route.handler({ req, res, params, query: url.searchParams, auth, key: route.key });
      } catch (e) {
        if (!fault) {
          throw e;
        }
      }
      if (fault) {
        // Committed (or refused) and then failed: the client cannot tell which.
        if (res.headersSent || !(await stall(res, fault.stallMs))) {
          return;
        }
        throw this.faultProblem(fault);
      }
      if (result) {
        sendJson({ res, status: result.status, body: result.body, headers: result.headers });
      }
    } catch (e) {
      this.fail(res, e, endpoint);
    }
  }

  /** The fault's answer: X's 429 with reset headers, its 5xx problem, or a generic problem. */
  private faultProblem(fault: ServedFault): HttpProblem {
    if (fault.status === 429) {
      return HttpProblem.tooManyRequests(
        rateLimitHeaders({
          limit: 0,
          remaining: 0,
          reset: Math.ceil(this.ctx.clock() / 1000) + fault.resetInSeconds,
        }),
      );
    }

    return fault.status >= 500
      ? HttpProblem.serverError(fault.status)
      : new HttpProblem(fault.status, {
          title: 'Injected fault',
          type: 'about:blank',
          status: fault.status,
          detail: 'Injected fault',
        });
  }

  /** Auth, then an armed fault (thrown now unless it fires after the handler), rate limit, user context. */
  private async authorize({
    req,
    res,
    route,
  }: {
    req: IncomingMessage;
    res: ServerResponse;
    route: Route;
  }): Promise<{ auth: AuthContext; fault?: ServedFault }> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S.*)$/i.exec(header);
    if (!match) {
      throw HttpProblem.unauthorized();
    }
    const token = match[1].trim();
    let auth: AuthContext = { token };
    if (token.startsWith(USER_TOKEN_PREFIX)) {
      try {
        auth = { token, user: this.ctx.store.ensureUser(token.slice(USER_TOKEN_PREFIX.length)) };
      } catch {
        throw HttpProblem.unauthorized();
      }
    }
    const fault = this.ctx.faults.take(route.key);
    if (fault) {
      this.ctx.metrics.faultsServed.inc({ endpoint: route.key, status: String(fault.status) });
      if (!fault.afterCommit) {
        if (!(await stall(res, fault.stallMs))) {
          throw new ClientGone();
        }
        throw this.faultProblem(fault);
      }
    }
    const limit = this.ctx.limiter.consume(route.key, token);
    const headers = rateLimitHeaders(limit);
    if (!limit.allowed) {
      throw HttpProblem.tooManyRequests(headers);
    }
    for (const [k, v] of Object.entries(headers)) {
      res.setHeader(k, v);
    }
    if (route.auth === 'user' && !auth.user) {
      throw HttpProblem.userContextRequired();
    }

    return { auth, fault };
  }

  private fail(res: ServerResponse, e: unknown, endpoint: string): void {
    if (e instanceof ClientGone) {
      return;
    }
    if (res.headersSent) {
      res.destroy();

      return;
    }
    if (e instanceof HttpProblem) {
      sendJson({ res, status: e.status, body: e.body, headers: e.headers });

      return;
    }
    if (e instanceof SimStoreError) {
      const problem = HttpProblem.invalidRequest(e.message);
      sendJson({ res, status: problem.status, body: problem.body });

      return;
    }
    this.logger?.error({ err: e, endpoint }, 'x-sim handler failed');
    sendJson({ res, status: 500, body: HttpProblem.serverError(500).body });
  }
}

/** The client hung up during a stall: nothing is left to answer. */
class ClientGone extends Error {}

/**
 * Waits `ms` (0: not at all) unless the client hangs up first, as a client timing out does.
 * Resolves false when the client is gone. The timer never holds the process open.
 */
function stall(res: ServerResponse, ms: number): Promise<boolean> {
  if (ms <= 0) {
    return Promise.resolve(!res.destroyed);
  }

  return new Promise((resolve) => {
    const done = (alive: boolean) => {
      clearTimeout(timer);
      res.off('close', gone);
      resolve(alive);
    };
    const gone = () => done(false);
    const timer = setTimeout(() => done(!res.destroyed), ms);
    timer.unref();
    res.on('close', gone);
  });
}
