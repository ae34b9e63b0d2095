import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id of the work in hand: set where work enters Roost (ingest: one per mention,
 * `<brand>:<tweet>`; the gateway: one per HTTP request or socket operation), carried by the bus
 * (header `roost-correlation-id` on events and requests, outbox rows) and bound again by whoever
 * handles the message, so that every log line of its handling (pino's mixin) and every event or
 * request it sends carry it. A batch handler works on several at once: its lines carry the batch's
 * ids (`correlationIds`, at most MAX_LOGGED), and what it publishes names its own.
 */
const store = new AsyncLocalStorage<readonly string[]>();
const MAX_LOGGED = 20;

/** The HTTP header a caller may name its correlation id in (echoed in the response). */
export const CORRELATION_HTTP_HEADER = 'x-correlation-id';

/** Runs `work` with these correlation ids bound (an empty list binds nothing new). */
export function withCorrelation<T>(ids: string | readonly (string | undefined)[], work: () => T): T {
  const list = (typeof ids === 'string' ? [ids] : ids).filter(
    (id): id is string => typeof id === 'string' && id.length > 0,
  );

  return list.length === 0 ? work() : store.run([...new Set(list)], work);
}

/** The one correlation id of the work in hand; undefined when none or several (a batch). */
export function currentCorrelationId(): string | undefined {
  const ids = store.getStore();

  return ids?.length === 1 ? ids[0] : undefined;
}

/** A new id for work that starts here (an HTTP request without one). */
export const newCorrelationId = (): string => randomUUID();

/** What pino adds to every log line written inside a correlation context. */
export function correlationLogFields(): Record<string, unknown> {
  const ids = store.getStore();
  if (!ids || ids.length === 0) return {};
  if (ids.length === 1) return { correlationId: ids[0] };

  return {
    correlationIds: ids.slice(0, MAX_LOGGED),
    ...(ids.length > MAX_LOGGED ? { correlationCount: ids.length } : {}),
  };
}
