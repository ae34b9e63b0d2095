import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { CannedRepliesDocument, SaveCannedReplyDocument } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';

const VARIABLES = ['{{customer_name}}', '{{agent_initials}}', '{{queue_hours}}'];

/** The brand's canned replies; saving a title that exists in that language replaces it. */
export function CannedRepliesAdmin() {
  const [{ data, error }, refetch] = useQuery({ query: CannedRepliesDocument, variables: {} });
  const [{ fetching }, save] = useMutation(SaveCannedReplyDocument);
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState('en');
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  const submit = async () => {
    setProblems([]);
    const res = await save({ title: title.trim(), language: language.trim(), body });
    if (res.error) return setProblems(describeApiError(res.error));
    setTitle('');
    setBody('');
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="admin-section">
      <h1>Canned replies</h1>
      <form
        className="stack-form"
        aria-label="Save a canned reply"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="inline-form wide">
          <input
            aria-label="Title"
            placeholder="Title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <input
            aria-label="Language"
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
            size={4}
          />
        </div>
        <textarea
          aria-label="Body"
          rows={3}
          placeholder="Hi {{customer_name}}, …"
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <p className="muted small-text">
          Variables:{' '}
          {VARIABLES.map((v) => (
            <button key={v} type="button" className="link mono" onClick={() => setBody((b) => `${b}${v}`)}>
              {v}{' '}
            </button>
          ))}
        </p>
        <ErrorList problems={[...(error ? describeApiError(error) : []), ...problems]} />
        <div>
          <button type="submit" className="primary" disabled={fetching || !title.trim() || !body.trim()}>
            Save canned reply
          </button>
        </div>
      </form>
      <ul className="canned-list" data-testid="canned-list">
        {(data?.cannedReplies ?? []).map((c) => (
          <li key={c.id}>
            <strong>{c.title}</strong> <span className="badge lang">{c.language}</span>
            <p className="muted">{c.body}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
