/**
 * Maps an async iterator without an async generator: an async generator's `return()` waits for
 * its pending `next()`, so a quiet subscription would never unsubscribe when the client leaves.
 * Here `return()` goes straight to the source (as graphql-js's internal mapAsyncIterator does).
 */
export function mapAsyncIterator<T, U>(
  source: AsyncIterable<T>,
  fn: (value: T) => U | Promise<U>,
): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const close = async (): Promise<void> => {
    try {
      await iterator.return?.();
    } catch {
      // Already closing: nothing left to release.
    }
  };
  const map = async (result: IteratorResult<T>): Promise<IteratorResult<U>> => {
    if (result.done) return { value: undefined, done: true };
    try {
      return { value: await fn(result.value), done: false };
    } catch (err) {
      await close();
      throw err;
    }
  };

  return {
    next: async () => map(await iterator.next()),
    return: async () => {
      await close();

      return { value: undefined, done: true };
    },
    throw: async (error: unknown) => {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
