import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { useSession } from '../auth/session-context';
import {
  AgentShiftsDocument,
  AgentsDocument,
  SetAgentShiftsDocument,
  type WeeklySlotInput,
} from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { WeeklySlotsEditor } from './weekly-slots-editor';

/**
 * Weekly shifts of one agent in the agent's own timezone (staffing advice compares them with
 * demand). Pick an agent of the brand (the `agents` query) or paste an agent id.
 */
export function ShiftsAdmin() {
  const { session } = useSession();
  const [roster] = useQuery({ query: AgentsDocument });
  const agents = useMemo(() => {
    const m = new Map<string, string>([[session.agent.id, `${session.agent.name} (me)`]]);
    for (const a of roster.data?.agents ?? []) if (a.id !== session.agent.id) m.set(a.id, a.name);
    return [...m];
  }, [roster.data, session.agent]);
  const [agentId, setAgentId] = useState(session.agent.id);
  const [{ data, error }, refetch] = useQuery({ query: AgentShiftsDocument, variables: { agentId } });
  const [{ fetching }, save] = useMutation(SetAgentShiftsDocument);
  const [timezone, setTimezone] = useState('');
  const [slots, setSlots] = useState<WeeklySlotInput[]>([]);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setTimezone(data.agentShifts.timezone);
    setSlots(data.agentShifts.shifts.map(({ day, start, end }) => ({ day, start, end })));
  }, [data]);
  useEffect(() => setSaved(false), [agentId]);

  const submit = async () => {
    setProblems([]);
    const exceptions = (data?.agentShifts.exceptions ?? []).map(({ from, to, kind }) => ({ from, to, kind }));
    const res = await save({ agentId, timezone: timezone.trim(), shifts: slots, exceptions });
    if (res.error) return setProblems(describeApiError(res.error));
    setSaved(true);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="admin-section">
      <h1>Agent shifts</h1>
      <div className="inline-form wide">
        <select
          aria-label="Agent"
          value={agents.some(([id]) => id === agentId) ? agentId : ''}
          onChange={(e) => setAgentId(e.target.value)}
        >
          {agents.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
          {agents.some(([id]) => id === agentId) ? null : <option value="">(other)</option>}
        </select>
        <input
          aria-label="Agent id"
          className="mono"
          value={agentId}
          onChange={(e) => setAgentId(e.target.value.trim())}
          size={38}
        />
        {data ? (
          <span className={`badge ${data.agentShifts.onShiftNow ? 'status-resolved' : ''}`}>
            {data.agentShifts.onShiftNow ? 'on shift now' : 'off shift now'}
          </span>
        ) : null}
      </div>
      <form
        className="stack-form"
        aria-label="Weekly shifts"
        data-agent={data?.agentShifts.agentId ?? ''}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="inline-label">
          <span>Timezone</span>
          <input
            aria-label="Timezone"
            placeholder="Europe/Amsterdam"
            value={timezone}
            onChange={(e) => setTimezone(e.target.value)}
          />
        </label>
        <WeeklySlotsEditor slots={slots} onChange={setSlots} testId="shifts" addLabel="Add a shift" />
        <ErrorList problems={[...(error ? describeApiError(error) : []), ...problems]} />
        <div className="inline-form">
          <button type="submit" className="primary" disabled={fetching || !timezone.trim()}>
            Save shifts
          </button>
          {saved ? (
            <span className="sent-note" role="status">
              Saved
            </span>
          ) : null}
        </div>
      </form>
    </div>
  );
}
