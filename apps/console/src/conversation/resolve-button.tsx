import { useState } from 'react';
import { useMutation } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { ResolveDocument } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';

/**
 * Resolves the conversation (frees the agent's capacity; routing then pulls the next waiting one).
 * A conversation moved to DM needs a public follow-up first: the server says so, and we show it.
 */
export function ResolveButton(props: { conversationId: string; resolved: boolean; onResolved: () => void }) {
  const [{ fetching }, resolve] = useMutation(ResolveDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  const onClick = async () => {
    setProblems([]);
    const r = await resolve({ conversationId: props.conversationId });
    if (r.error) {
      setProblems(describeApiError(r.error));
      return;
    }
    props.onResolved();
  };

  return (
    <div className="resolve">
      <button type="button" className="ghost" disabled={props.resolved || fetching} onClick={() => void onClick()}>
        {props.resolved ? 'Resolved' : fetching ? 'Resolving…' : 'Resolve'}
      </button>
      <ErrorList problems={problems} />
    </div>
  );
}
