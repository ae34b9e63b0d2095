import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import {
  AddListeningRuleDocument,
  ListeningDocument,
  RemoveListeningRuleDocument,
  type ListeningRuleKind,
} from '../graphql/generated';
import { ErrorList } from '../shared/error-list';

const KINDS: Array<[ListeningRuleKind, string, string]> = [
  ['HANDLE', 'Handle', '@acmecares'],
  ['HASHTAG', 'Hashtag', '#acmefail'],
  ['KEYWORD', 'Keyword', 'acme'],
  ['PHRASE', 'Phrase', 'acme blender'],
  ['MISSPELLING', 'Misspelling', 'acmee'],
  ['PURCHASE_INTENT', 'Purchase intent', 'want to buy a blender'],
  ['EXCLUSION', 'Exclusion', 'from:acme, is:retweet, or a keyword'],
];

/** What Roost listens for on X; each change re-syncs the stream rules before it answers. */
export function ListeningRulesAdmin() {
  const [{ data, error }, refetch] = useQuery({ query: ListeningDocument });
  const [{ fetching }, add] = useMutation(AddListeningRuleDocument);
  const [, remove] = useMutation(RemoveListeningRuleDocument);
  const [kind, setKind] = useState<ListeningRuleKind>('KEYWORD');
  const [value, setValue] = useState('');
  const [language, setLanguage] = useState('');
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  const submit = async () => {
    setProblems([]);
    const res = await add({ kind, value: value.trim(), language: language.trim() || null });
    if (res.error) return setProblems(describeApiError(res.error));
    setValue('');
    refetch({ requestPolicy: 'network-only' });
  };
  const drop = async (id: string) => {
    setProblems([]);
    const res = await remove({ id });
    if (res.error) return setProblems(describeApiError(res.error));
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="admin-section">
      <h1>Listening rules</h1>
      <p className="muted">
        Mentions, hashtags, the brand’s name without the handle, misspellings and purchase intent; exclusions
        drop noise.
      </p>
      <form
        className="inline-form wide"
        aria-label="Add a listening rule"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as ListeningRuleKind)}>
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <input
          aria-label="Value"
          placeholder={KINDS.find(([k]) => k === kind)?.[2]}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <input
          aria-label="Language"
          placeholder="any language (or en, es…)"
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          size={14}
        />
        <button type="submit" className="primary" disabled={fetching || !value.trim()}>
          Add rule
        </button>
      </form>
      <ErrorList problems={[...(error ? describeApiError(error) : []), ...problems]} />
      <table className="table" data-testid="listening-rules">
        <thead>
          <tr>
            <th>Kind</th>
            <th>Value</th>
            <th>Language</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data?.listening.rules ?? []).map((r) => (
            <tr key={r.id}>
              <td>{KINDS.find(([k]) => k === r.kind)?.[1] ?? r.kind}</td>
              <td className="mono">{r.value}</td>
              <td>{r.language ?? 'any'}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => void drop(r.id)}
                  aria-label={`Remove rule ${r.value}`}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="spaced">X accounts</h2>
      <ul className="plain">
        {(data?.listening.accounts ?? []).map((a) => (
          <li key={a.id}>
            @{a.handle} <span className="badge">{a.role.toLowerCase()}</span>{' '}
            <span className="muted">API tier {a.apiTier.toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
