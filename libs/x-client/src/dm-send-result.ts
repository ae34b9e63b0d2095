/** What X returns for a sent DM. */
export interface DmSendResult {
  dm_conversation_id: string;
  dm_event_id: string;
}

/**
 * X answers `POST /2/dm_conversations/with/:id/messages` with `{ data: { dm_conversation_id,
 * dm_event_id } }`, but twitter-api-v2 types the result without the `data` wrapper. This reads
 * either shape, so callers never depend on the library's typing slip.
 */
export function readDmSendResult(result: DmSendResult | { data: DmSendResult }): DmSendResult {
  const inner = 'data' in result && result.data ? result.data : (result as DmSendResult);

  return { dm_conversation_id: inner.dm_conversation_id, dm_event_id: inner.dm_event_id };
}
