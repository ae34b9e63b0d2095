import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { useSession } from '../auth/session-context';
import { MeDocument, SetAgentStatusDocument, type AgentStatus } from '../graphql/generated';
import { ErrorList } from './error-list';

const LABEL: Record<AgentStatus, string> = { ONLINE: 'Online', AWAY: 'Away', OFFLINE: 'Offline' };
const ORDER: AgentStatus[] = ['ONLINE', 'AWAY', 'OFFLINE'];
const key = (agentId: string): string => `roost.console.status.${agentId}`;

/**
 * Online / away / offline: routing only assigns to online agents. Shows `me.status` (what routing
 * holds), falling back to the last status this browser set while that loads.
 */
export function StatusControl() {
  const { session } = useSession();
  const agentId = session.agent.id;
  const [status, setStatus] = useState<AgentStatus | null>(() => {
    const saved = window.localStorage.getItem(key(agentId));
    return saved === 'ONLINE' || saved === 'AWAY' || saved === 'OFFLINE' ? saved : null;
  });
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [{ fetching }, set] = useMutation(SetAgentStatusDocument);
  const [me] = useQuery({ query: MeDocument, requestPolicy: 'network-only' });
  const serverStatus = me.data?.me.status;
  useEffect(() => {
    if (!serverStatus) return;
    setStatus(serverStatus);
    window.localStorage.setItem(key(agentId), serverStatus);
  }, [serverStatus, agentId]);

  const change = async (next: AgentStatus) => {
    setProblems([]);
    const res = await set({ status: next });
    if (res.error) {
      setProblems(describeApiError(res.error));
      return;
    }
    setStatus(next);
    window.localStorage.setItem(key(agentId), next);
  };

  return (
    <div className="status-control" data-status={status ?? 'unknown'}>
      <span className={`status-dot ${status?.toLowerCase() ?? 'unknown'}`} aria-hidden="true" />
      <select
        aria-label="My status"
        value={status ?? ''}
        disabled={fetching}
        onChange={(e) => void change(e.target.value as AgentStatus)}
      >
        {status === null ? <option value="">Set status</option> : null}
        {ORDER.map((s) => (
          <option key={s} value={s}>
            {LABEL[s]}
          </option>
        ))}
      </select>
      {problems.length > 0 ? (
        <div className="popover-errors">
          <ErrorList problems={problems} />
        </div>
      ) : null}
    </div>
  );
}
