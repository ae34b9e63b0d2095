import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { useSession } from '../auth/session-context';
import {
  AgentsDocument,
  CreateAgentDocument,
  QueuesDocument,
  UpdateAgentDocument,
  type AgentRole,
  type ManagedAgentFieldsFragment,
} from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { AgentAccessControls } from './agent-access-controls';
import { splitList } from '../shared/split-list';

const ROLES: AgentRole[] = ['AGENT', 'SUPERVISOR', 'ADMIN'];

/** An empty box means "no limit"; anything else must be a whole number (the server checks ≥ 1 and ≤ capacity). */
const limit = (s: string): number | null => (s.trim() === '' ? null : Number(s));

interface Draft {
  languages: string;
  queueIds: string[];
  capacity: string;
  publicLimit: string;
  dmLimit: string;
}

const draftOf = (a?: ManagedAgentFieldsFragment): Draft => ({
  languages: a?.languages.join(', ') ?? 'en',
  queueIds: a?.queueIds ?? [],
  capacity: String(a?.capacity ?? 5),
  publicLimit: String(a?.channelCapacity.public ?? ''),
  dmLimit: String(a?.channelCapacity.dm ?? ''),
});

/** Languages, queues, capacity and channel limits: what supervisors may change (admins too). */
function RoutingFields({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  const [queues] = useQuery({ query: QueuesDocument });
  return (
    <>
      <label className="inline-label">
        <span>Languages</span>
        <input
          aria-label="Languages"
          placeholder="en, es"
          value={draft.languages}
          onChange={(e) => onChange({ ...draft, languages: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>Queues</legend>
        {(queues.data?.queues ?? []).map((q) => (
          <label key={q.id} className="checkbox">
            <input
              type="checkbox"
              aria-label={`Queue ${q.name}`}
              checked={draft.queueIds.includes(q.id)}
              onChange={(e) =>
                onChange({
                  ...draft,
                  queueIds: e.target.checked
                    ? [...draft.queueIds, q.id]
                    : draft.queueIds.filter((x) => x !== q.id),
                })
              }
            />
            {q.name}
          </label>
        ))}
      </fieldset>
      <label className="inline-label">
        <span>Capacity</span>
        <input
          aria-label="Capacity"
          type="number"
          min={1}
          value={draft.capacity}
          onChange={(e) => onChange({ ...draft, capacity: e.target.value })}
        />
      </label>
      <label className="inline-label">
        <span>Public limit</span>
        <input
          aria-label="Public limit"
          type="number"
          min={1}
          placeholder="no limit"
          value={draft.publicLimit}
          onChange={(e) => onChange({ ...draft, publicLimit: e.target.value })}
        />
      </label>
      <label className="inline-label">
        <span>DM limit</span>
        <input
          aria-label="DM limit"
          type="number"
          min={1}
          placeholder="no limit"
          value={draft.dmLimit}
          onChange={(e) => onChange({ ...draft, dmLimit: e.target.value })}
        />
      </label>
    </>
  );
}

const routingInput = (d: Draft) => ({
  languages: splitList(d.languages),
  queueIds: d.queueIds,
  capacity: Number(d.capacity),
  channelCapacity: { public: limit(d.publicLimit), dm: limit(d.dmLimit) },
});

function CreateAgentForm({ onCreated }: { onCreated: () => void }) {
  const [{ fetching }, create] = useMutation(CreateAgentDocument);
  const [identity, setIdentity] = useState({
    name: '',
    initials: '',
    email: '',
    role: 'AGENT' as AgentRole,
    timezone: 'UTC',
  });
  const [draft, setDraft] = useState<Draft>(draftOf());
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);

  const submit = async () => {
    setProblems([]);
    setCreated(null);
    const res = await create({ agent: { ...identity, ...routingInput(draft) } });
    if (res.error || !res.data) return setProblems(res.error ? describeApiError(res.error) : []);
    setCreated({ email: res.data.createAgent.agent.email, password: res.data.createAgent.initialPassword });
    setIdentity({ name: '', initials: '', email: '', role: 'AGENT', timezone: identity.timezone });
    setDraft(draftOf());
    onCreated();
  };

  return (
    <form
      className="stack-form"
      aria-label="New agent"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>New agent</h2>
      {(['name', 'initials', 'email', 'timezone'] as const).map((f) => (
        <label key={f} className="inline-label">
          <span>{f[0]!.toUpperCase() + f.slice(1)}</span>
          <input
            aria-label={f[0]!.toUpperCase() + f.slice(1)}
            value={identity[f]}
            required
            onChange={(e) => setIdentity({ ...identity, [f]: e.target.value })}
          />
        </label>
      ))}
      <label className="inline-label">
        <span>Role</span>
        <select
          aria-label="Role"
          value={identity.role}
          onChange={(e) => setIdentity({ ...identity, role: e.target.value as AgentRole })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <RoutingFields draft={draft} onChange={setDraft} />
      <ErrorList problems={problems} />
      {created ? (
        <p className="notice" role="status" data-testid="initial-password">
          {created.email} can sign in with <code>{created.password}</code> (shown once: copy it now).
        </p>
      ) : null}
      <button className="primary" type="submit" disabled={fetching}>
        Create agent
      </button>
    </form>
  );
}

function EditAgentForm({ agent, onDone }: { agent: ManagedAgentFieldsFragment; onDone: () => void }) {
  const [{ fetching }, update] = useMutation(UpdateAgentDocument);
  const [draft, setDraft] = useState<Draft>(draftOf(agent));
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const submit = async () => {
    setProblems([]);
    const res = await update({ id: agent.id, changes: routingInput(draft) });
    if (res.error) return setProblems(describeApiError(res.error));
    onDone();
  };
  return (
    <form
      className="stack-form"
      aria-label={`Edit ${agent.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{agent.name}</h2>
      <RoutingFields draft={draft} onChange={setDraft} />
      <ErrorList problems={problems} />
      <div className="dialog-actions">
        <button type="button" className="ghost" onClick={onDone}>
          Cancel
        </button>
        <button className="primary" type="submit" disabled={fetching}>
          Save
        </button>
      </div>
    </form>
  );
}

/** The brand's agents: admins create, deactivate and reactivate them and reset passwords; supervisors and admins adjust languages, queues and capacities. */
export function AgentsAdmin() {
  const { session } = useSession();
  const [{ data, error }, refetch] = useQuery({ query: AgentsDocument });
  const [queues] = useQuery({ query: QueuesDocument });
  const [editing, setEditing] = useState<string | null>(null);
  const queueName = new Map((queues.data?.queues ?? []).map((q) => [q.id, q.name]));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const current = data?.agents.find((a) => a.id === editing);

  return (
    <div className="admin-section">
      <h1>Agents</h1>
      {error ? <ErrorList problems={describeApiError(error)} /> : null}
      <table className="table" data-testid="agents">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Status</th>
            <th>Languages</th>
            <th>Queues</th>
            <th>Load</th>
            <th>Channel limits</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data?.agents ?? []).map((a) => (
            <tr key={a.id} data-agent={a.email}>
              <td>
                {a.name} <span className="muted">{a.email}</span>
              </td>
              <td>{a.role.toLowerCase()}</td>
              <td>{a.active ? a.status.toLowerCase() : <span className="muted">deactivated</span>}</td>
              <td>{a.languages.join(', ')}</td>
              <td>{a.queueIds.map((q) => queueName.get(q) ?? q).join(', ')}</td>
              <td>
                {a.load}/{a.capacity}
              </td>
              <td>
                {a.channelCapacity.public === null ? '' : `public ≤ ${a.channelCapacity.public} `}
                {a.channelCapacity.dm === null ? '' : `DM ≤ ${a.channelCapacity.dm}`}
              </td>
              <td>
                <button type="button" className="ghost" onClick={() => setEditing(a.id)}>
                  Edit
                </button>
                <AgentAccessControls agent={a} viewer={session.agent} onChanged={reload} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {current ? (
        <EditAgentForm
          key={current.id}
          agent={current}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      {session.agent.role === 'ADMIN' ? <CreateAgentForm onCreated={reload} /> : null}
    </div>
  );
}
