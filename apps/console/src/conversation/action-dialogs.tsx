import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  AddNoteDocument,
  AgentLoadDocument,
  AgentsDocument,
  QueuesDocument,
  SnoozeConversationDocument,
  TagConversationDocument,
  TransferConversationDocument,
} from '../graphql/generated';
import { Dialog } from '../shared/dialog';
import { ErrorList } from '../shared/error-list';
import { useAction } from './use-action';
import { splitList } from '../shared/split-list';

/** The API's limit on a transfer note (TRANSFER_NOTE_MAX_LENGTH in the contracts); longer is refused. */
const TRANSFER_NOTE_MAX_LENGTH = 1000;

export interface ActionProps {
  conversationId: string;
  version: number | undefined;
  onClose: () => void;
  /** After success: the view refetches what the action changed. */
  onDone: () => void;
  onStale: () => void;
}

export function NoteDialog(props: ActionProps) {
  const [text, setText] = useState('');
  const [, addNote] = useMutation(AddNoteDocument);
  const action = useAction(props.onStale);
  const save = async () => {
    if (await action.run(() => addNote({ conversationId: props.conversationId, text: text.trim() })))
      props.onDone();
  };
  return (
    <Dialog title="Add a shared note" onClose={props.onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <textarea
          aria-label="Note"
          rows={4}
          value={text}
          placeholder="Visible to every agent of the brand, on this customer"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
          }}
        />
        <ErrorList problems={action.problems} />
        <div className="dialog-actions">
          <button type="button" className="ghost" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={action.busy || !text.trim()}>
            Save note
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function TagDialog(props: ActionProps & { tags: readonly string[] }) {
  const [text, setText] = useState('');
  const [, tag] = useMutation(TagConversationDocument);
  const action = useAction(props.onStale);
  const apply = async (add: string[], remove: string[]) => {
    const ok = await action.run(() =>
      tag({ conversationId: props.conversationId, add, remove, expectedVersion: props.version }),
    );
    if (ok) props.onDone();
    return ok;
  };
  return (
    <Dialog title="Tag the conversation" onClose={props.onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void apply(splitList(text), []).then((ok) => ok && props.onClose());
        }}
      >
        {props.tags.length > 0 ? (
          <ul className="chips">
            {props.tags.map((t) => (
              <li key={t} className="chip">
                {t}
                <button
                  type="button"
                  className="chip-x"
                  aria-label={`Remove tag ${t}`}
                  onClick={() => void apply([], [t])}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          aria-label="Tags to add"
          placeholder="refund, late-delivery"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <ErrorList problems={action.problems} />
        <div className="dialog-actions">
          <button type="button" className="ghost" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={action.busy || splitList(text).length === 0}>
            Add tags
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Snooze choices, in the agent's own clock: the browser's timezone. */
export function snoozeChoices(now: Date): Array<{ label: string; until: Date }> {
  const tomorrow9 = new Date(now);
  tomorrow9.setDate(now.getDate() + 1);
  tomorrow9.setHours(9, 0, 0, 0);
  return [
    { label: '30 minutes', until: new Date(now.getTime() + 30 * 60_000) },
    { label: '1 hour', until: new Date(now.getTime() + 60 * 60_000) },
    { label: '4 hours', until: new Date(now.getTime() + 4 * 60 * 60_000) },
    { label: 'Tomorrow 09:00', until: tomorrow9 },
  ];
}

export function SnoozeDialog(props: ActionProps) {
  const [, snooze] = useMutation(SnoozeConversationDocument);
  const action = useAction(props.onStale);
  const choices = useMemo(() => snoozeChoices(new Date()), []);
  const pick = async (until: Date) => {
    const ok = await action.run(() =>
      snooze({
        conversationId: props.conversationId,
        until: until.toISOString(),
        expectedVersion: props.version,
      }),
    );
    if (ok) props.onDone();
  };
  return (
    <Dialog title="Snooze until" onClose={props.onClose}>
      <div className="dialog-form choice-list">
        {choices.map((c) => (
          <button key={c.label} type="button" className="ghost" onClick={() => void pick(c.until)}>
            {c.label}
          </button>
        ))}
        <ErrorList problems={action.problems} />
      </div>
    </Dialog>
  );
}

export function TransferDialog(props: ActionProps & { currentQueueId: string | null }) {
  const [queues] = useQuery({ query: QueuesDocument });
  // Supervisors get the whole brand from `agents`; agents get only themselves there, so the
  // colleagues they can see holding conversations are offered too.
  const [roster] = useQuery({ query: AgentsDocument });
  const [load] = useQuery({ query: AgentLoadDocument, variables: { first: 100 } });
  const agents = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of roster.data?.agents ?? [])
      m.set(a.id, `${a.name} (${a.status.toLowerCase()}, ${a.load}/${a.capacity})`);
    for (const e of load.data?.conversations.edges ?? [])
      if (e.node.assignee && !m.has(e.node.assignee.id)) m.set(e.node.assignee.id, e.node.assignee.name);
    return [...m].sort((a, b) => a[1].localeCompare(b[1]));
  }, [roster.data, load.data]);
  const [queueId, setQueueId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [note, setNote] = useState('');
  const [, transfer] = useMutation(TransferConversationDocument);
  const action = useAction(props.onStale);
  const tooLong = note.trim().length > TRANSFER_NOTE_MAX_LENGTH;
  const submit = async () => {
    const ok = await action.run(() =>
      transfer({
        conversationId: props.conversationId,
        toQueueId: queueId || null,
        toAgentId: agentId || null,
        note: note.trim() || null,
      }),
    );
    if (ok) props.onDone();
  };
  return (
    <Dialog title="Transfer" onClose={props.onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          To queue
          <select value={queueId} onChange={(e) => setQueueId(e.target.value)}>
            <option value="">(keep the queue)</option>
            {(queues.data?.queues ?? []).map((q) => (
              <option key={q.id} value={q.id} disabled={q.id === props.currentQueueId}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          To agent
          <select value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            <option value="">(routing picks)</option>
            {agents.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note for the next agent
          <textarea
            aria-label="Note for the next agent"
            rows={3}
            value={note}
            placeholder="What they should know: shown in the conversation’s history and notes"
            onChange={(e) => setNote(e.target.value)}
          />
          <small className={tooLong ? 'error' : 'muted'}>
            {note.trim().length}/{TRANSFER_NOTE_MAX_LENGTH}
          </small>
        </label>
        <ErrorList problems={action.problems} />
        <div className="dialog-actions">
          <button type="button" className="ghost" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={action.busy || (!queueId && !agentId) || tooLong}
          >
            Transfer
          </button>
        </div>
      </form>
    </Dialog>
  );
}
