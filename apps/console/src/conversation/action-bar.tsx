import { useImperativeHandle, useState, type Ref } from 'react';
import { useMutation } from 'urql';
import { headersWith } from '../api/graphql-client';
import { useSession } from '../auth/session-context';
import {
  ReopenConversationDocument,
  ResolveWithFollowUpDocument,
  type ConversationDetailQuery,
} from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { NoteDialog, SnoozeDialog, TagDialog, TransferDialog } from './action-dialogs';
import { MoveToDmDialog, ResolveFollowUpDialog } from './dm-dialogs';
import { useAction } from './use-action';

export type ActionName = 'note' | 'tag' | 'transfer' | 'snooze' | 'dm' | 'resolve';

/** Single-key shortcuts, also listed in the help overlay. */
export const ACTION_KEYS: Record<ActionName, string> = {
  note: 'n',
  tag: 't',
  transfer: 'x',
  snooze: 's',
  dm: 'm',
  resolve: 'e',
};

export interface ActionBarHandle {
  trigger(name: ActionName): void;
}

type Detail = ConversationDetailQuery['conversationDetail'];

const BUTTONS: Array<[Exclude<ActionName, 'resolve'>, string]> = [
  ['note', 'Note'],
  ['tag', 'Tag'],
  ['transfer', 'Transfer'],
  ['snooze', 'Snooze'],
  ['dm', 'Move to DM'],
];

/**
 * The conversation's actions. Dialog state is lifted to the view (`open`), so keyboard shortcuts
 * open the same dialogs. Resolve goes straight through unless the conversation moved to DM: then
 * the public follow-up dialog comes first.
 */
export function ActionBar(props: {
  conversationId: string;
  resolved: boolean;
  /** Snoozed: it can be woken up (reopened) before its time. */
  snoozed: boolean;
  customerName: string;
  queueId: string | null;
  detail: Detail | undefined;
  onChanged: () => void;
  /** Moved to DM: the view then prompts for the public follow-up. */
  onMovedToDm: () => void;
  ref?: Ref<ActionBarHandle>;
}) {
  const [open, setOpen] = useState<ActionName | null>(null);
  const { store } = useSession();
  const [{ fetching: resolving }, resolve] = useMutation(ResolveWithFollowUpDocument);
  const [{ fetching: reopening }, reopen] = useMutation(ReopenConversationDocument);
  const action = useAction(props.onChanged);
  const version = props.detail?.version;
  const close = () => setOpen(null);
  const done = () => {
    close();
    props.onChanged();
  };
  const common = {
    conversationId: props.conversationId,
    version,
    onClose: close,
    onDone: done,
    onStale: props.onChanged,
  };

  const resolveNow = async () => {
    if (props.detail?.followUpRequired) {
      setOpen('resolve');
      return;
    }
    const opts = { fetchOptions: headersWith(store, { 'idempotency-key': crypto.randomUUID() }) };
    if (
      await action.run(() =>
        resolve({ conversationId: props.conversationId, expectedVersion: version }, opts),
      )
    )
      props.onChanged();
  };
  useImperativeHandle(props.ref, () => ({
    trigger: (name: ActionName) => {
      if (props.resolved && name !== 'note') return;
      if (name === 'resolve') void resolveNow();
      else setOpen(name);
    },
  }));
  const reopenNow = async () => {
    if (await action.run(() => reopen({ conversationId: props.conversationId, expectedVersion: version })))
      props.onChanged();
  };

  return (
    <div className="action-bar">
      <div className="action-buttons" role="toolbar" aria-label="Conversation actions">
        {BUTTONS.map(([name, label]) => (
          <button
            key={name}
            type="button"
            className="ghost small"
            aria-keyshortcuts={ACTION_KEYS[name]}
            disabled={props.resolved && name !== 'note'}
            onClick={() => setOpen(name)}
          >
            {label} <kbd aria-hidden="true">{ACTION_KEYS[name]}</kbd>
          </button>
        ))}
        {props.snoozed ? (
          <button type="button" className="ghost small" disabled={reopening} onClick={() => void reopenNow()}>
            Wake up now
          </button>
        ) : null}
        {props.resolved ? (
          <>
            <button type="button" className="ghost small" disabled>
              Resolved
            </button>
            <button
              type="button"
              className="ghost small"
              disabled={reopening}
              onClick={() => void reopenNow()}
            >
              Reopen
            </button>
          </>
        ) : (
          <button
            type="button"
            className="ghost small resolve-button"
            aria-keyshortcuts={ACTION_KEYS.resolve}
            disabled={resolving}
            onClick={() => void resolveNow()}
          >
            {resolving ? 'Resolving…' : 'Resolve'} <kbd aria-hidden="true">{ACTION_KEYS.resolve}</kbd>
          </button>
        )}
      </div>
      <ErrorList problems={action.problems} />
      {open === 'note' ? <NoteDialog {...common} /> : null}
      {open === 'tag' ? (
        <TagDialog {...common} onDone={props.onChanged} tags={props.detail?.tags ?? []} />
      ) : null}
      {open === 'transfer' ? <TransferDialog {...common} currentQueueId={props.queueId} /> : null}
      {open === 'snooze' ? <SnoozeDialog {...common} /> : null}
      {open === 'dm' ? (
        <MoveToDmDialog
          {...common}
          onDone={() => {
            done();
            props.onMovedToDm();
          }}
          customerName={props.customerName}
        />
      ) : null}
      {open === 'resolve' ? <ResolveFollowUpDialog {...common} /> : null}
    </div>
  );
}
