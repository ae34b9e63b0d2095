import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { MeDocument } from '../graphql/generated';
import { AgentTimeZoneContext, safeTimeZone } from './format-time';

/**
 * The zone every time below is shown in: `me.timezone` (the same query the status control keeps
 * fresh), else the copy from sign-in; sessions saved before the field existed fall back to the browser.
 */
export function AgentTimeZoneProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [me] = useQuery({ query: MeDocument });
  const signedIn: { timezone?: string } = session.agent;
  const tz = safeTimeZone(me.data?.me.timezone ?? signedIn.timezone);
  return <AgentTimeZoneContext.Provider value={tz}>{children}</AgentTimeZoneContext.Provider>;
}
