import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useSubscription } from 'urql';
import type { ConnectionStatus } from '../api/connection-status';
import { QueueUpdatedDocument, type QueueUpdatedSubscription } from '../graphql/generated';

export type QueueUpdate = QueueUpdatedSubscription['queueUpdated'];

/**
 * Every `queueUpdated` push the agent may see, handed to `onUpdate`; also calls `onResync` after
 * the socket comes back, because pushes sent while it was down are gone (refetch instead).
 * Returns the subscription's error, if any, so the screen can say live updates failed.
 */
export function useQueueUpdates(opts: {
  status: ConnectionStatus;
  onUpdate: (update: QueueUpdate) => void;
  onResync: () => void;
}) {
  const handlers = useRef(opts);
  handlers.current = opts;
  const [{ error }] = useSubscription(
    { query: QueueUpdatedDocument, variables: {} },
    (_prev: undefined, data) => {
      handlers.current.onUpdate(data.queueUpdated);
      return undefined;
    },
  );
  const { reconnects } = useSyncExternalStore(opts.status.subscribe, opts.status.get);
  useEffect(() => {
    if (reconnects > 0) handlers.current.onResync();
  }, [reconnects]);
  return { error };
}

/** Coalesces a burst of pushes (a flood of mentions) into one refetch per `ms`. */
export function useDebounced(fn: () => void, ms: number): () => void {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );
  const call = useRef(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      fnRef.current();
    }, ms);
  });
  return call.current;
}
