import { SessionStore, type Session } from './session-store';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const session = (token: string): Session => ({
  token,
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  agent: {
    id: 'a',
    name: 'Alice',
    email: 'a@b.c',
    role: 'AGENT',
    initials: 'AB',
    timezone: 'UTC',
  } as Session['agent'],
});

describe('SessionStore', () => {
  it('signs out when the gateway refuses the current token', () => {
    const store = new SessionStore(new MemoryStorage());
    store.set(session('old'));
    store.refused('old');
    expect(store.current()).toBeNull();
  });

  it('ignores a refusal of a token it no longer uses', () => {
    const store = new SessionStore(new MemoryStorage());
    store.set(session('new'));
    store.refused('old');
    expect(store.token()).toBe('new');
  });

  it('keeps the agent signed in while a renewal is in flight, then follows the new token', () => {
    const store = new SessionStore(new MemoryStorage());
    store.set(session('old'));
    const release = store.hold();
    store.refused('old'); // the socket closed with 4401 before the new token arrived
    expect(store.token()).toBe('old');
    store.set(session('new'));
    release();
    expect(store.token()).toBe('new');
  });

  it('applies a held refusal when the renewal failed', () => {
    const store = new SessionStore(new MemoryStorage());
    store.set(session('old'));
    const release = store.hold();
    store.refused(null);
    release();
    release(); // twice is once
    expect(store.current()).toBeNull();
  });
});
