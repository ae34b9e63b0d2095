import { useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import {
  AgentsDocument,
  QueuesDocument,
  TakeOverConversationDocument,
  type ConversationDetailQuery,
} from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { formatClock, useAgentTimeZone } from '../shared/format-time';
import { useAction } from './use-action';

type Transfer = ConversationDetailQuery['conversationDetail']['transfers'][number];

/**
 * Names of the brand's queues and of the agents the signed-in agent can see, by id (agents see
 * only themselves in `agents`: the transferring actor's name comes with the transfer).
 */
function useNames() {
  const [queues] = useQuery({ query: QueuesDocument });
  const [agents] = useQuery({ query: AgentsDocument });
  const { session } = useSession();
  const me = session.agent.id;
  return useMemo(() => {
    const queue = new Map((queues.data?.queues ?? []).map((q) => [q.id, q.name]));
    const agent = new Map((agents.data?.agents ?? []).map((a) => [a.id, a.name]));
    return {
      queue: (id: string | null) => (id ? (queue.get(id) ?? 'another queue') : null),
      agent: (id: string | null, t?: Transfer) =>
        id === null
          ? null
          : id === me
            ? 'you'
            : (agent.get(id) ?? (t && id === t.actorId && t.actorName ? t.actorName : 'a colleague')),
    };
  }, [queues.data, agents.data, me]);
}

/**
 * The queue's hard lock: only the assignee answers. Supervisors and admins who are not the
 * assignee are offered to take the conversation over (assigned to them through routing, audited).
 */
export function LockNotice(props: {
  conversationId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  onChanged: () => void;
}) {
  const { session } = useSession();
  const [, takeOver] = useMutation(TakeOverConversationDocument);
  const action = useAction(props.onChanged);
  const me = session.agent;
  const mine = props.assigneeId === me.id;
  const canTakeOver = !mine && (me.role === 'SUPERVISOR' || me.role === 'ADMIN');
  return (
    <div className="lock-notice" role="status" data-testid="lock-notice">
      <span>
        <strong>Hard-locked queue:</strong>{' '}
        {mine
          ? 'you are the assignee, only you answer here.'
          : props.assigneeName
            ? `only ${props.assigneeName} answers here.`
            : 'only the assignee answers here.'}
      </span>
      {canTakeOver ? (
        <button
          type="button"
          className="ghost small"
          disabled={action.busy}
          onClick={() =>
            void action
              .run(() => takeOver({ conversationId: props.conversationId }))
              .then((ok) => ok && props.onChanged())
          }
        >
          Take over
        </button>
      ) : null}
      <ErrorList problems={action.problems} />
    </div>
  );
}

/** The conversation's transfers, with the note each left for the next agent. */
export function TransferHistory(props: { transfers: readonly Transfer[] }) {
  const names = useNames();
  const tz = useAgentTimeZone();
  if (props.transfers.length === 0) return null;
  return (
    <section className="transfer-history" aria-label="Transfers">
      <h3>Transfers</h3>
      <ol>
        {props.transfers.map((t) => {
          const from =
            t.fromQueueId !== t.toQueueId
              ? `queue ${names.queue(t.fromQueueId)}`
              : (names.agent(t.fromAgentId, t) ?? 'the waiting list');
          const to =
            t.toAgentId !== null
              ? names.agent(t.toAgentId, t)
              : `the ${names.queue(t.toQueueId) ?? ''} waiting list`;
          return (
            <li key={t.at} data-testid="transfer-entry">
              <span className="muted">{formatClock(t.at, tz)}</span> Transferred by{' '}
              <strong>{t.actorName ?? names.agent(t.actorId) ?? 'an API key'}</strong> from {from} to {to}
              {t.note ? (
                <>
                  : <q className="transfer-note">{t.note}</q>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
