import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { BrandGuidelinesDocument, QueuesDocument, SetBrandGuidelinesDocument } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { splitList } from '../shared/split-list';

/** Banned phrases (replies containing one are refused) and opening hours per queue (`{{queue_hours}}`). */
export function GuidelinesAdmin() {
  const [{ data, error }, refetch] = useQuery({ query: BrandGuidelinesDocument });
  const [queues] = useQuery({ query: QueuesDocument });
  const [{ fetching }, save] = useMutation(SetBrandGuidelinesDocument);
  const [phrases, setPhrases] = useState('');
  const [hours, setHours] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setPhrases(data.brandGuidelines.bannedPhrases.join('\n'));
    setHours(Object.fromEntries(data.brandGuidelines.queueHours.map((h) => [h.queueId, h.hours])));
  }, [data]);

  const submit = async () => {
    setProblems([]);
    setSaved(false);
    const queueHours = Object.entries(hours)
      .filter(([, h]) => h.trim())
      .map(([queueId, h]) => ({ queueId, hours: h.trim() }));
    const res = await save({ bannedPhrases: splitList(phrases, undefined, '\n'), queueHours });
    if (res.error) return setProblems(describeApiError(res.error));
    setSaved(true);
    refetch({ requestPolicy: 'network-only' });
  };
  const targets: Array<[string, string]> = [
    ['default', 'Default'],
    ...(queues.data?.queues ?? []).map((q): [string, string] => [q.id, q.name]),
  ];

  return (
    <div className="admin-section">
      <h1>Brand guidelines</h1>
      <form
        className="stack-form"
        aria-label="Brand guidelines"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          Banned phrases (one per line): agents are warned while typing, and the server refuses them
          {/* Disabled until loaded: the load would overwrite what was typed. */}
          <textarea
            aria-label="Banned phrases"
            rows={5}
            disabled={!data}
            value={phrases}
            onChange={(e) => setPhrases(e.target.value)}
          />
        </label>
        <fieldset>
          <legend>Opening hours per queue (used by {'{{queue_hours}}'})</legend>
          {targets.map(([id, name]) => (
            <label key={id} className="inline-label">
              <span>{name}</span>
              <input
                aria-label={`Hours of ${name}`}
                placeholder="Mon–Fri 09:00–18:00 CET"
                value={hours[id] ?? ''}
                onChange={(e) => setHours((h) => ({ ...h, [id]: e.target.value }))}
              />
            </label>
          ))}
        </fieldset>
        <ErrorList problems={[...(error ? describeApiError(error) : []), ...problems]} />
        <div className="inline-form">
          <button type="submit" className="primary" disabled={fetching}>
            Save guidelines
          </button>
          {saved ? (
            <span className="sent-note" role="status">
              Saved
            </span>
          ) : null}
        </div>
      </form>
    </div>
  );
}
