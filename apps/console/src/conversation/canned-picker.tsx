import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useClient, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { CannedRepliesDocument, RenderCannedReplyDocument } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';

export interface CannedPickerHandle {
  focus(): void;
}

/**
 * Canned replies of the brand; picking one asks the server to fill its variables
 * (`{{customer_name}}`, `{{agent_initials}}`, `{{queue_hours}}`) for this conversation.
 */
export function CannedPicker(props: {
  conversationId: string;
  onInsert: (text: string) => void;
  ref?: Ref<CannedPickerHandle>;
}) {
  const [{ data, error }] = useQuery({ query: CannedRepliesDocument, variables: {} });
  const client = useClient();
  const select = useRef<HTMLSelectElement>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  useImperativeHandle(props.ref, () => ({ focus: () => select.current?.focus() }), []);

  const pick = async (id: string) => {
    if (!id) return;
    setProblems([]);
    const res = await client
      .query(
        RenderCannedReplyDocument,
        { cannedReplyId: id, conversationId: props.conversationId },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (select.current) select.current.value = '';
    if (res.error) setProblems(describeApiError(res.error));
    else if (res.data) props.onInsert(res.data.renderCannedReply);
  };

  const replies = data?.cannedReplies ?? [];
  return (
    <span className="canned-picker">
      <select
        ref={select}
        aria-label="Canned reply"
        defaultValue=""
        onChange={(e) => void pick(e.target.value)}
        disabled={replies.length === 0}
      >
        <option value="">{replies.length === 0 ? 'No canned replies' : 'Canned reply… (c)'}</option>
        {replies.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title} ({r.language})
          </option>
        ))}
      </select>
      <ErrorList problems={[...(error ? describeApiError(error) : []), ...problems]} />
    </span>
  );
}
