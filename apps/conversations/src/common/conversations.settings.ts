import { bool, cleanEnv, num, str } from 'envalid';

/**
 * Conversations' own tunables. They belong in @roost/config's RoostEnv (read once at boot, STYLE.md
 * practice 5); until they move there, this is the one place this service reads them.
 */
export interface ConversationsSettings {
  /** How long a claim on an outbound post lasts before the reconciler may settle it (longer than X's timeout). */
  readonly outboundLeaseMs: number;
  /** How often the reconciler looks for unsettled posts (it also runs once at start). */
  readonly reconcileIntervalMs: number;
  /** Test only (NODE_ENV=test): SIGKILL this process right after X accepted a post, before the ledger commit. */
  readonly crashAfterPost: boolean;
}

export const CONVERSATIONS_SETTINGS = Symbol('CONVERSATIONS_SETTINGS');

export function readConversationsSettings(source: NodeJS.ProcessEnv = process.env): ConversationsSettings {
  const e = cleanEnv(source, {
    NODE_ENV: str({ default: 'development' }),
    CONVERSATIONS_OUTBOUND_LEASE_MS: num({ default: 30_000 }),
    CONVERSATIONS_RECONCILE_INTERVAL_MS: num({ default: 10_000 }),
    ROOST_TEST_CRASH_AFTER_POST: bool({ default: false }),
  });

  return Object.freeze({
    outboundLeaseMs: e.CONVERSATIONS_OUTBOUND_LEASE_MS,
    reconcileIntervalMs: e.CONVERSATIONS_RECONCILE_INTERVAL_MS,
    crashAfterPost: e.NODE_ENV === 'test' && e.ROOST_TEST_CRASH_AFTER_POST,
  });
}
