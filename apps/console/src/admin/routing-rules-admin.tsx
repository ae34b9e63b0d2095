import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import {
  QueueConfigsDocument,
  ReplaceRoutingRulesDocument,
  RoutingRulesDocument,
} from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { RuleEditor } from './rule-editor';
import { conditionSummary, emptyRule, move, ruleDraft, ruleInput, type RuleDraft } from './rule-draft';

/**
 * The brand's routing rules, first match wins. Edits (order, enabling, fields) stay local until
 * "Save rules", which replaces the whole ordered list in one call, so a half-edited order never routes.
 */
export function RoutingRulesAdmin() {
  const [rulesResult, refetch] = useQuery({ query: RoutingRulesDocument });
  const [queuesResult] = useQuery({ query: QueueConfigsDocument });
  const [{ fetching }, replace] = useMutation(ReplaceRoutingRulesDocument);
  const queues = queuesResult.data?.queueConfigs ?? [];
  const [rules, setRules] = useState<RuleDraft[]>([]);
  const [dirty, setDirty] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [saved, setSaved] = useState(false);

  const server = rulesResult.data?.routingRules;
  useEffect(() => {
    if (!server) return;
    setRules([...server].sort((a, b) => a.position - b.position).map(ruleDraft));
    setDirty(false);
  }, [server]);

  const change = (next: RuleDraft[]) => {
    setRules(next);
    setDirty(true);
    setSaved(false);
  };
  const update = (r: RuleDraft) => change(rules.map((x) => (x.key === r.key ? r : x)));
  const queueName = (id: string) => queues.find((q) => q.id === id)?.name ?? id;

  const save = async () => {
    setProblems([]);
    // The list as loaded: if a colleague saved meanwhile, the gateway refuses (CONFLICT) instead of
    // silently dropping their change; the screen then shows theirs.
    const loaded = [...(server ?? [])].sort((a, b) => a.position - b.position).map((r) => r.id);
    const res = await replace({ rules: rules.map(ruleInput), expectedRuleIds: loaded });
    if (res.error) {
      setProblems(describeApiError(res.error));
      if (res.error.graphQLErrors.some((e) => e.extensions['code'] === 'CONFLICT'))
        refetch({ requestPolicy: 'network-only' });
      return;
    }
    setSaved(true);
    setOpen(null);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="admin-section">
      <h1>Routing rules</h1>
      <p className="muted">Checked top to bottom; the first enabled rule that matches picks the queue.</p>
      {[rulesResult.error, queuesResult.error].map((e, i) =>
        e ? <ErrorList key={i} problems={describeApiError(e)} /> : null,
      )}
      <ol className="rule-list" data-testid="routing-rules">
        {rules.map((r, i) => (
          <li key={r.key} data-rule={r.name} className={r.enabled ? '' : 'disabled'}>
            <span className="muted">{i + 1}.</span>
            <span className="rule-name">
              {r.name || '(unnamed)'} → {queueName(r.queueId)}
              <br />
              <small className="muted">
                {conditionSummary(r)}
                {Number(r.priorityBoost) ? ` · priority +${r.priorityBoost}` : ''}
                {r.tags.trim() ? ` · tags: ${r.tags}` : ''}
              </small>
            </span>
            <label className="inline-label">
              <input
                type="checkbox"
                aria-label={`Enable ${r.name}`}
                checked={r.enabled}
                onChange={(e) => update({ ...r, enabled: e.target.checked })}
              />
              enabled
            </label>
            <button
              type="button"
              className="ghost"
              aria-label={`Move ${r.name} up`}
              disabled={i === 0}
              onClick={() => change(move(rules, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="ghost"
              aria-label={`Move ${r.name} down`}
              disabled={i === rules.length - 1}
              onClick={() => change(move(rules, i, 1))}
            >
              ↓
            </button>
            <button type="button" className="link" onClick={() => setOpen(open === r.key ? null : r.key)}>
              {open === r.key ? 'Close' : 'Edit'}
            </button>
            <button
              type="button"
              className="link"
              aria-label={`Remove ${r.name}`}
              onClick={() => change(rules.filter((x) => x.key !== r.key))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {rules.map((r) =>
        r.key === open ? <RuleEditor key={r.key} rule={r} queues={queues} onChange={update} /> : null,
      )}
      <ErrorList problems={problems} />
      <div className="inline-form">
        <button
          type="button"
          className="ghost"
          disabled={queues.length === 0}
          onClick={() => {
            const r = emptyRule(queues[0]?.id ?? '');
            change([...rules, r]);
            setOpen(r.key);
          }}
        >
          Add a rule
        </button>
        <button
          type="button"
          className="primary"
          disabled={fetching || !dirty || rules.some((r) => !r.name.trim())}
          onClick={() => void save()}
        >
          Save rules
        </button>
        {dirty ? (
          <button type="button" className="link" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            Discard changes
          </button>
        ) : null}
        {saved ? (
          <span className="sent-note" role="status">
            Saved
          </span>
        ) : null}
      </div>
    </div>
  );
}
