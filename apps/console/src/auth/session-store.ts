import type { AgentFieldsFragment } from '../graphql/generated';

export interface Session {
  token: string;
  expiresAt: string;
  agent: AgentFieldsFragment;
}

const KEY = 'roost.console.session';

type Listener = (session: Session | null) => void;

/**
 * The signed-in agent, kept in localStorage so a reload (or a second tab) stays signed in until
 * the token expires. A 4401 socket close or an UNAUTHENTICATED answer clears it (`refused`).
 */
export class SessionStore {
  private session: Session | null;
  private readonly listeners = new Set<Listener>();
  private holds = 0;
  private refusedWhileHeld: string | null = null;

  constructor(private readonly storage: Storage = window.localStorage) {
    this.session = this.read();
  }

  current(): Session | null {
    if (this.session && Date.parse(this.session.expiresAt) <= Date.now()) this.clear();
    return this.session;
  }

  token(): string | null {
    return this.current()?.token ?? null;
  }

  set(session: Session): void {
    this.session = session;
    this.storage.setItem(KEY, JSON.stringify(session));
    this.emit();
  }

  /**
   * While a token renewal is in flight (a password change answers a new token and revokes the old
   * one), a refusal of the old token must not sign the agent out: the gateway closes this tab's
   * socket before the answer arrives. Returns the release; a refusal held meanwhile applies then,
   * unless the session has moved on to a new token.
   */
  hold(): () => void {
    this.holds++;
    let released = false;

    return () => {
      if (released) return;
      released = true;
      this.holds--;
      const refused = this.refusedWhileHeld;
      if (this.holds > 0 || refused === null) return;
      this.refusedWhileHeld = null;
      if (this.session?.token === refused) this.clear();
    };
  }

  /** The gateway refused `token` (null: the current one): sign out, unless a renewal is in flight or the session moved on. */
  refused(token: string | null): void {
    if (!this.session || (token !== null && token !== this.session.token)) return;
    if (this.holds > 0) {
      this.refusedWhileHeld = this.session.token;
      return;
    }
    this.clear();
  }

  clear(): void {
    if (!this.session) return;
    this.session = null;
    this.storage.removeItem(KEY);
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l(this.session);
  }

  private read(): Session | null {
    try {
      const raw = this.storage.getItem(KEY);
      const parsed = raw ? (JSON.parse(raw) as Session) : null;
      return parsed && Date.parse(parsed.expiresAt) > Date.now() ? parsed : null;
    } catch {
      return null; // a corrupt entry means "signed out", never a crash
    }
  }
}
