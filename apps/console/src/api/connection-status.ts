/** The live socket's state, shown by the banner and used to refetch after a reconnect. */
export type SocketState = 'connecting' | 'online' | 'reconnecting';

export interface ConnectionSnapshot {
  state: SocketState;
  /** Increments each time the socket comes back after a loss: a signal to refetch what was missed. */
  reconnects: number;
}

type Listener = () => void;

export class ConnectionStatus {
  private snapshot: ConnectionSnapshot = { state: 'connecting', reconnects: 0 };
  private wasOnline = false;
  private readonly listeners = new Set<Listener>();

  get = (): ConnectionSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  connected(): void {
    const reconnects = this.wasOnline ? this.snapshot.reconnects + 1 : this.snapshot.reconnects;
    this.wasOnline = true;
    this.update({ state: 'online', reconnects });
  }

  lost(): void {
    // Before the first connection the UI says "connecting", after it "reconnecting".
    this.update({ ...this.snapshot, state: this.wasOnline ? 'reconnecting' : 'connecting' });
  }

  private update(next: ConnectionSnapshot): void {
    if (next.state === this.snapshot.state && next.reconnects === this.snapshot.reconnects) return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}
