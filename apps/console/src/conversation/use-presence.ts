import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import { useSession } from '../auth/session-context';
import { PresenceDocument, SetPresenceDocument, type PresenceSubscription } from '../graphql/generated';

export type PresenceEntry = PresenceSubscription['presence'];

/** A "typing" signal is re-sent at most this often while keys are pressed. */
const TYPING_EVERY_MS = 3_000;
/** Without a keystroke for this long, the agent is back to "viewing". */
const TYPING_IDLE_MS = 5_000;

/** Other agents in this conversation, by agent id; LEFT removes them. Pure, for the hook and tests. */
export function applyPresence(
  others: ReadonlyMap<string, PresenceEntry>,
  p: PresenceEntry,
  selfId: string,
): Map<string, PresenceEntry> {
  const next = new Map(others);
  if (p.agentId === selfId) return next;
  if (p.state === 'LEFT') next.delete(p.agentId);
  else next.set(p.agentId, p);
  return next;
}

/**
 * Announces this agent's presence (viewing on open, typing while composing, left on close) and
 * returns the other agents present, live from the `presence` subscription.
 */
export function usePresence(conversationId: string): { others: PresenceEntry[]; typing: () => void } {
  const { session } = useSession();
  const selfId = session.agent.id;
  const [, setPresence] = useMutation(SetPresenceDocument);
  const [others, setOthers] = useState<Map<string, PresenceEntry>>(new Map());
  const lastTyping = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useSubscription({ query: PresenceDocument, variables: { conversationId } }, (_prev: undefined, data) => {
    setOthers((o) => applyPresence(o, data.presence, selfId));
    return undefined;
  });

  useEffect(() => {
    void setPresence({ conversationId, state: 'VIEWING' });
    const leave = () => void setPresence({ conversationId, state: 'LEFT' });
    window.addEventListener('pagehide', leave);
    return () => {
      clearTimeout(idle.current);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [conversationId, setPresence]);

  const typing = useCallback(() => {
    const now = Date.now();
    if (now - lastTyping.current >= TYPING_EVERY_MS) {
      lastTyping.current = now;
      void setPresence({ conversationId, state: 'TYPING' });
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(() => {
      lastTyping.current = 0;
      void setPresence({ conversationId, state: 'VIEWING' });
    }, TYPING_IDLE_MS);
  }, [conversationId, setPresence]);

  return { others: [...others.values()], typing };
}
