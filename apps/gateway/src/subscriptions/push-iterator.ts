/**
 * A bounded push → pull bridge: the NATS callback pushes, graphql-ws pulls with `for await`.
 * `return()` settles a pending `next()` at once and runs `onReturn` (unsubscribe), so closing a
 * socket never waits for the next event. When a slow subscriber falls `highWaterMark` events
 * behind, the oldest are dropped: live events are notifications, the state stays queryable.
 */
export class PushIterator<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private pending: ((result: IteratorResult<T>) => void) | null = null;
  private finished = false;

  constructor(private readonly opts: { highWaterMark: number; onReturn: () => void; onDrop?: () => void }) {}

  push(value: T): void {
    if (this.finished) return;
    if (this.pending) {
      const resolve = this.pending;
      this.pending = null;
      resolve({ value, done: false });

      return;
    }
    if (this.buffer.length >= this.opts.highWaterMark) {
      this.buffer.shift();
      this.opts.onDrop?.();
    }
    this.buffer.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.finished) return Promise.resolve({ value: undefined, done: true });

    return new Promise((resolve) => {
      this.pending = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.finished) {
      this.finished = true;
      this.buffer.length = 0;
      this.opts.onReturn();
      this.pending?.({ value: undefined, done: true });
      this.pending = null;
    }

    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    void this.return();

    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
