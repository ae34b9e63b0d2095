import { mapAsyncIterator } from './map-async-iterator';
import { PushIterator } from './push-iterator';

describe('PushIterator', () => {
  it('hands pushed values to a waiting next() and buffers the rest in order', async () => {
    const it = new PushIterator<number>({ highWaterMark: 10, onReturn: () => {} });
    const pending = it.next();
    it.push(1);
    it.push(2);
    it.push(3);

    await expect(pending).resolves.toEqual({ value: 1, done: false });
    await expect(it.next()).resolves.toEqual({ value: 2, done: false });
    await expect(it.next()).resolves.toEqual({ value: 3, done: false });
  });

  it('drops the oldest values beyond the high-water mark', async () => {
    const drops: number[] = [];
    const it = new PushIterator<number>({
      highWaterMark: 2,
      onReturn: () => {},
      onDrop: () => drops.push(1),
    });
    [1, 2, 3, 4].forEach((v) => it.push(v));

    expect(drops).toHaveLength(2);
    await expect(it.next()).resolves.toEqual({ value: 3, done: false });
    await expect(it.next()).resolves.toEqual({ value: 4, done: false });
  });

  it('return() settles a pending next() at once and unsubscribes once', async () => {
    let returns = 0;
    const it = new PushIterator<number>({ highWaterMark: 2, onReturn: () => (returns += 1) });
    const pending = it.next();
    await it.return();
    await it.return();
    it.push(5);

    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    await expect(it.next()).resolves.toEqual({ value: undefined, done: true });
    expect(returns).toBe(1);
  });
});

describe('mapAsyncIterator', () => {
  it('maps values and closes the source on return() even while a next() is pending', async () => {
    let closed = false;
    const source = new PushIterator<number>({ highWaterMark: 5, onReturn: () => (closed = true) });
    const mapped = mapAsyncIterator(source, (n) => n * 10);
    source.push(4);
    await expect(mapped.next()).resolves.toEqual({ value: 40, done: false });

    const pending = mapped.next();
    await mapped.return?.();

    expect(closed).toBe(true);
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });
});
