import type { Msg, Subscription } from '@nats-io/nats-core';
import {
  DomainError,
  ErrorCode,
  InvalidPayloadError,
  type ErrorBody,
  type RpcDef,
  type RpcRequest,
  type RpcResponse,
} from '@roost/contracts';
import { currentCorrelationId, withCorrelation } from '@roost/observability';
import { correlationHeaders, correlationIdOf } from './event-bus';
import type { MessagingLogger } from './logger';
import type { NatsClient } from './nats-client';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

const encoder = new TextEncoder();

/**
 * Answers request/reply methods from a queue group, so N instances of a service share the load.
 * Requests are validated against the contract; domain errors travel back typed.
 */
export class RpcServer {
  private readonly subs: Subscription[] = [];

  constructor(
    private readonly client: NatsClient,
    private readonly service: string,
    private readonly log: MessagingLogger,
  ) {}

  serve<D extends RpcDef>(def: D, handler: (req: RpcRequest<D>) => Promise<RpcResponse<D>>): void {
    const sub = this.client.nc.subscribe(this.client.topology.rpcSubject(def.method), {
      queue: this.service,
      callback: (err, msg) => {
        if (err) {
          this.log.error({ err: err.message, method: def.method }, 'rpc subscription error');
          return;
        }
        void this.answer(def, msg, handler);
      },
    });
    this.subs.push(sub);
  }

  private async answer<D extends RpcDef>(
    def: D,
    msg: Msg,
    handler: (req: RpcRequest<D>) => Promise<RpcResponse<D>>,
  ): Promise<void> {
    let envelope: Envelope<unknown>;
    try {
      const req = def.request.decode(msg.data) as RpcRequest<D>;
      envelope = { ok: true, data: await withCorrelation([correlationIdOf(msg)], () => handler(req)) };
    } catch (err) {
      envelope = { ok: false, error: toErrorBody(err) };
      if (envelope.error.code === ErrorCode.Internal) {
        this.log.error(
          { err: (err as Error).stack ?? String(err), method: def.method },
          'rpc handler failed',
        );
      }
    }
    if (msg.reply) msg.respond(encoder.encode(JSON.stringify(envelope)));
  }

  /** Wait until the server has registered every subscription (so a request right after start finds us). */
  async ready(): Promise<void> {
    await this.client.nc.flush();
  }

  /** Stops answering; requests already in hand still get their answer. */
  async close(): Promise<void> {
    for (const sub of this.subs.splice(0)) sub.unsubscribe();
    await this.client.nc.flush();
  }
}

export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) return err.toBody();
  if (err instanceof InvalidPayloadError) {
    return { code: ErrorCode.BadUserInput, message: err.message, details: { problems: err.problems } };
  }

  return { code: ErrorCode.Internal, message: 'internal error' };
}

/** Typed request with a deadline; a dead or slow service becomes UPSTREAM_UNAVAILABLE, never a hang. */
export class RpcClient {
  constructor(
    private readonly client: NatsClient,
    private readonly defaultTimeoutMs: number,
  ) {}

  async request<D extends RpcDef>(
    def: D,
    payload: RpcRequest<D>,
    timeoutMs = this.defaultTimeoutMs,
  ): Promise<RpcResponse<D>> {
    def.request.check(payload);
    const headers = correlationHeaders(currentCorrelationId());
    let reply: Msg;
    try {
      reply = await this.client.nc.request(
        this.client.topology.rpcSubject(def.method),
        JSON.stringify(payload),
        {
          timeout: timeoutMs,
          ...(headers ? { headers } : {}),
        },
      );
    } catch (err) {
      throw new DomainError(
        ErrorCode.UpstreamUnavailable,
        `${def.method.split('.')[0]} service unavailable`,
        {
          method: def.method,
          cause: (err as Error).name,
        },
      );
    }
    const envelope = JSON.parse(new TextDecoder().decode(reply.data)) as Envelope<unknown>;
    if (!envelope.ok) {
      throw new DomainError(envelope.error.code, envelope.error.message, envelope.error.details);
    }

    return def.response.check(envelope.data) as RpcResponse<D>;
  }
}
