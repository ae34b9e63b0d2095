import { DomainError, ErrorCode, InvalidPayloadError } from '@roost/contracts';

/**
 * What a handler's exception says about the messages it was handling:
 * - `transient`: the world is broken, not the messages (database or NATS unreachable, timeouts,
 *   deadlocks, serialization failures, a server shutting down, missing privileges): the whole batch
 *   waits and retries with growing delays.
 * - `deterministic`: the data itself cannot be stored (PostgreSQL data exceptions, class 22, such as
 *   a NUL character 22021/22P05 or a number past a column's range 22003; NOT NULL and CHECK
 *   violations 23502/23514; a payload the contract refuses): retrying the same message can only fail
 *   again, so once it is found it is dead-lettered at once.
 * - `unknown`: anything else. The batch is split to find the message at fault, which then retries
 *   alone (growing delays, dead-lettered after max_deliver) while the others go on.
 */
export type FailureKind = 'transient' | 'deterministic' | 'unknown';

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Classes and codes that say "try again later", whatever the message. */
const TRANSIENT_CLASSES = ['08', '53', '57', '58', '42', '28', '3D', '3F', 'XX'];
const TRANSIENT_CODES = new Set(['40001', '40P01', '55P03', '55006', '25006']);
const DETERMINISTIC_CODES = new Set(['23502', '23514']);
/** Node's socket errors and pg's own messages for a connection that went away. */
const TRANSIENT_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const TRANSIENT_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|connection (?:is )?closed|client has encountered a connection error|terminating connection|cannot use a pool after calling end/i;
/** @nats-io error names that mean the bus, not the message, is at fault. */
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'ConnectionError',
  'ClosedConnectionError',
  'DrainingConnectionError',
  'NoResponders',
  'RequestError',
  'JetStreamNotEnabled',
]);

function sqlState(err: object): string | undefined {
  const code = (err as { code?: unknown }).code;

  return typeof code === 'string' && SQLSTATE.test(code) ? code : undefined;
}

function kindOf(err: unknown): FailureKind {
  if (!err || typeof err !== 'object') return 'unknown';
  if (err instanceof InvalidPayloadError) return 'deterministic';
  if (err instanceof DomainError) {
    if (err.code === ErrorCode.UpstreamUnavailable || err.code === ErrorCode.RateLimited) return 'transient';

    return err.code === ErrorCode.BadUserInput ? 'deterministic' : 'unknown';
  }
  const state = sqlState(err);
  if (state) {
    if (state.startsWith('22') || DETERMINISTIC_CODES.has(state)) return 'deterministic';
    if (TRANSIENT_CODES.has(state) || TRANSIENT_CLASSES.includes(state.slice(0, 2))) return 'transient';

    return 'unknown';
  }
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && TRANSIENT_ERRNO.has(code)) return 'transient';
  const name = (err as { name?: unknown }).name;
  if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return 'transient';
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return 'transient';

  return 'unknown';
}

/** Classifies an exception, looking through TypeORM's `driverError`, `cause` chains and AggregateErrors. */
export function classifyFailure(err: unknown, depth = 0): FailureKind {
  const own = kindOf(err);
  if (own !== 'unknown' || depth > 4 || !err || typeof err !== 'object') return own;
  const inner: unknown[] = [];
  const { driverError, cause } = err as { driverError?: unknown; cause?: unknown };
  if (driverError) inner.push(driverError);
  if (cause) inner.push(cause);
  if (err instanceof AggregateError) inner.push(...(err.errors as unknown[]));
  const kinds = inner.map((e) => classifyFailure(e, depth + 1));
  // A transient cause wins: one unreachable dependency explains the whole failure.
  if (kinds.includes('transient')) return 'transient';

  return kinds.includes('deterministic') ? 'deterministic' : 'unknown';
}
