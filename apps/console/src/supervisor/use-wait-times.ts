import { useState } from 'react';
import { useSubscription } from 'urql';
import { WaitTimeUpdatedDocument, type WaitTimeUpdatedSubscription } from '../graphql/generated';

export type WaitTime = WaitTimeUpdatedSubscription['waitTimeUpdated'];

/**
 * The latest expected wait and agents online per queue (`waitTimeUpdated`, recomputed by metrics
 * every few minutes). Until the first estimate arrives a queue has none: the board says so.
 */
export function useWaitTimes(onUpdate?: (w: WaitTime) => void) {
  const [byQueue, setByQueue] = useState<ReadonlyMap<string, WaitTime>>(new Map());
  const [{ error }] = useSubscription(
    { query: WaitTimeUpdatedDocument, variables: {} },
    (_prev: undefined, data) => {
      const w = data.waitTimeUpdated;
      setByQueue((m) => new Map(m).set(w.queueId, w));
      onUpdate?.(w);
      return undefined;
    },
  );
  return { byQueue, error };
}
