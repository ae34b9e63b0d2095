import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { headersWith } from '../api/graphql-client';
import { useSession } from '../auth/session-context';
import { MoveToDmDocument, ResolveWithFollowUpDocument } from '../graphql/generated';
import { Dialog } from '../shared/dialog';
import { ErrorList } from '../shared/error-list';
import type { ActionProps } from './action-dialogs';
import { useAction } from './use-action';

const DEFAULT_INVITATION = 'We would like to look into this for you. We have sent you a direct message.';
const DEFAULT_FOLLOW_UP = 'Thanks for your patience. We sorted this out in DM; reach out any time.';

/** One idempotency key per dialog: retrying the same submit never posts twice. */
function useIdempotency() {
  const { store } = useSession();
  const key = useRef(crypto.randomUUID());
  return () => ({ fetchOptions: headersWith(store, { 'idempotency-key': key.current }) });
}

/** The public invitation under the tweet, then the DM itself. */
export function MoveToDmDialog(props: ActionProps & { customerName: string }) {
  const [invitation, setInvitation] = useState(DEFAULT_INVITATION);
  const [dmText, setDmText] = useState(
    `Hi ${props.customerName}, thanks for getting in touch. How can we help?`,
  );
  const [, move] = useMutation(MoveToDmDocument);
  const action = useAction(props.onStale);
  const opts = useIdempotency();
  const submit = async () => {
    const ok = await action.run(() =>
      move(
        { conversationId: props.conversationId, invitation, dmText, expectedVersion: props.version },
        opts(),
      ),
    );
    if (ok) props.onDone();
  };
  return (
    <Dialog title="Move to DM" onClose={props.onClose} wide>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          Public invitation (posted under the customer’s tweet, signed)
          <textarea rows={2} value={invitation} onChange={(e) => setInvitation(e.target.value)} />
        </label>
        <label>
          Direct message
          <textarea rows={3} value={dmText} onChange={(e) => setDmText(e.target.value)} />
        </label>
        <p className="muted small-text">
          When the DM conversation is done, resolving asks for a public follow-up.
        </p>
        <ErrorList problems={action.problems} />
        <div className="dialog-actions">
          <button type="button" className="ghost" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={action.busy || !invitation.trim() || !dmText.trim()}
          >
            Invite and send DM
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Resolving after a move to DM: post a public follow-up (closing the loop in public), or skip it. */
export function ResolveFollowUpDialog(props: ActionProps) {
  const [followUp, setFollowUp] = useState(DEFAULT_FOLLOW_UP);
  const [, resolve] = useMutation(ResolveWithFollowUpDocument);
  const action = useAction(props.onStale);
  const opts = useIdempotency();
  const submit = async (skip: boolean) => {
    const vars = skip
      ? { conversationId: props.conversationId, skipFollowUp: true, expectedVersion: props.version }
      : { conversationId: props.conversationId, followUp: followUp.trim(), expectedVersion: props.version };
    if (await action.run(() => resolve(vars, opts()))) props.onDone();
  };
  return (
    <Dialog title="Resolve with a public follow-up" onClose={props.onClose} wide>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <p className="muted small-text">
          This conversation moved to DM. A short public follow-up shows others it was handled.
        </p>
        <label>
          Public follow-up
          <textarea rows={3} value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
        </label>
        <ErrorList problems={action.problems} />
        <div className="dialog-actions">
          <button type="button" className="ghost" disabled={action.busy} onClick={() => void submit(true)}>
            Skip follow-up
          </button>
          <button type="submit" className="primary" disabled={action.busy || !followUp.trim()}>
            Post follow-up
          </button>
        </div>
      </form>
    </Dialog>
  );
}
