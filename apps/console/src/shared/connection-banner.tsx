import { useSyncExternalStore } from 'react';
import type { ConnectionStatus } from '../api/connection-status';

/** Says so when the live connection is lost; disappears when it is back (lists then refetch). */
export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const { state } = useSyncExternalStore(status.subscribe, status.get);
  // The hidden marker lets tests (and support tooling) see the socket's state without a banner.
  if (state !== 'reconnecting') return <span className="live-state" data-state={state} hidden />;
  return (
    <div className="connection-banner" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Live updates are interrupted. Reconnecting… Counts and lists may be out of date until then.
    </div>
  );
}
