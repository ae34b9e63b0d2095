import { useState } from 'react';
import { useMutation } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import {
  DeactivateAgentDocument,
  ReactivateAgentDocument,
  ResetAgentPasswordDocument,
  type AgentRole,
  type ManagedAgentFieldsFragment,
} from '../graphql/generated';
import { Dialog } from '../shared/dialog';
import { ErrorList } from '../shared/error-list';
import { accessActions } from './agent-access';

type Pending = 'deactivate' | 'reset' | null;

/**
 * An agent row's access buttons (admins, not on themselves): deactivate (confirmed first: the
 * agent is signed out everywhere and their conversations go back to waiting), reactivate, and a
 * password reset whose one-time password is shown once, like a new agent's.
 */
export function AgentAccessControls(props: {
  agent: ManagedAgentFieldsFragment;
  viewer: { id: string; role: AgentRole };
  onChanged: () => void;
}) {
  const { agent } = props;
  const actions = accessActions(props.viewer, agent);
  const [pending, setPending] = useState<Pending>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);
  const [deactivation, deactivate] = useMutation(DeactivateAgentDocument);
  const [reactivation, reactivate] = useMutation(ReactivateAgentDocument);
  const [reset, resetPassword] = useMutation(ResetAgentPasswordDocument);
  const busy = deactivation.fetching || reactivation.fetching || reset.fetching;

  const run = async (what: 'deactivate' | 'reactivate' | 'reset') => {
    setProblems([]);
    const res =
      what === 'deactivate'
        ? await deactivate({ id: agent.id })
        : what === 'reactivate'
          ? await reactivate({ id: agent.id })
          : await resetPassword({ id: agent.id });
    if (res.error) return setProblems(describeApiError(res.error));
    setPending(null);
    if (res.data && 'resetAgentPassword' in res.data)
      setOneTimePassword(res.data.resetAgentPassword.oneTimePassword);
    props.onChanged();
  };

  if (!actions.deactivate && !actions.reactivate && !actions.resetPassword) return null;
  const close = () => {
    setPending(null);
    setProblems([]);
  };

  return (
    <>
      {actions.resetPassword ? (
        <button type="button" className="ghost" disabled={busy} onClick={() => setPending('reset')}>
          Reset password
        </button>
      ) : null}
      {actions.deactivate ? (
        <button type="button" className="ghost" disabled={busy} onClick={() => setPending('deactivate')}>
          Deactivate
        </button>
      ) : null}
      {actions.reactivate ? (
        <button type="button" className="ghost" disabled={busy} onClick={() => void run('reactivate')}>
          Reactivate
        </button>
      ) : null}
      {pending === null && problems.length > 0 ? <ErrorList problems={problems} /> : null}
      {pending ? (
        <Dialog
          title={pending === 'deactivate' ? `Deactivate ${agent.name}?` : `Reset ${agent.name}’s password?`}
          onClose={close}
        >
          <p>
            {pending === 'deactivate'
              ? `${agent.name} is signed out everywhere and cannot sign in until reactivated. Their ${agent.load} open conversation(s) go back to the waiting list.`
              : `${agent.name} is signed out everywhere; you get a one-time password to hand over.`}
          </p>
          <ErrorList problems={problems} />
          <div className="dialog-actions">
            <button type="button" className="ghost" onClick={close}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void run(pending)}>
              {pending === 'deactivate' ? 'Deactivate' : 'Reset password'}
            </button>
          </div>
        </Dialog>
      ) : null}
      {oneTimePassword ? (
        <Dialog title="One-time password" onClose={() => setOneTimePassword(null)}>
          <p className="notice" role="status" data-testid="one-time-password">
            {agent.email} can sign in with <code>{oneTimePassword}</code> (shown once: copy it now) and should
            then change it.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={() => setOneTimePassword(null)}>
              Done
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
