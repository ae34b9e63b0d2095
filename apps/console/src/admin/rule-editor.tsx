import type { AccountRole, QueueConfigFieldsFragment } from '../graphql/generated';
import { ACCOUNT_ROLES, SENTIMENTS, type RuleDraft } from './rule-draft';

type TextKey =
  | 'name'
  | 'priorityBoost'
  | 'tags'
  | 'intents'
  | 'languages'
  | 'accountHandles'
  | 'keywords'
  | 'sources'
  | 'matchedRuleIds'
  | 'minFollowers';

const toggle = <T,>(xs: readonly T[], x: T, on: boolean): T[] =>
  on ? [...xs.filter((y) => y !== x), x] : xs.filter((y) => y !== x);

/** One rule's fields; every condition given must match, a list matches any of its values. */
export function RuleEditor(props: {
  rule: RuleDraft;
  queues: readonly QueueConfigFieldsFragment[];
  onChange: (r: RuleDraft) => void;
}) {
  const { rule: r, onChange } = props;
  const field = (label: string, key: TextKey, hint = '', type = 'text') => (
    <label>
      <span>{label}</span>
      <input
        aria-label={label}
        type={type}
        value={r[key]}
        placeholder={hint}
        onChange={(e) => onChange({ ...r, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <div className="stack-form rule-form" role="group" aria-label={`Rule ${r.name || '(new)'}`}>
      <div className="grid-2">
        {field('Rule name', 'name')}
        <label>
          <span>Target queue</span>
          <select
            aria-label="Target queue"
            value={r.queueId}
            onChange={(e) => onChange({ ...r, queueId: e.target.value })}
          >
            {props.queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
        {field('Priority boost', 'priorityBoost', '0', 'number')}
        {field('Tags', 'tags', 'comma-separated, added to the conversation')}
      </div>
      <fieldset>
        <legend>Conditions (all given must match; leave empty for any)</legend>
        <div className="grid-2">
          {field('Intents', 'intents', 'e.g. complaint, purchase')}
          {field('Languages', 'languages', 'ISO 639-1, e.g. es, pt')}
          {field('Keywords', 'keywords', 'e.g. refund, broken')}
          {field('Brand account handles', 'accountHandles', 'e.g. acmecares')}
          {field('Sources', 'sources', 'stream, mentions, search')}
          {field('Listening rule ids', 'matchedRuleIds', 'ids of listening rules')}
          {field('Minimum followers', 'minFollowers', 'e.g. 10000', 'number')}
          <label>
            <span>VIP customers</span>
            <select
              aria-label="VIP customers"
              value={r.vip}
              onChange={(e) => onChange({ ...r, vip: e.target.value as RuleDraft['vip'] })}
            >
              <option value="">Anyone</option>
              <option value="yes">VIP only</option>
              <option value="no">Not VIP</option>
            </select>
          </label>
        </div>
        <div className="inline-form">
          <span className="muted">Account role:</span>
          {ACCOUNT_ROLES.map((role: AccountRole) => (
            <label key={role} className="inline-label">
              <input
                type="checkbox"
                checked={r.accountRoles.includes(role)}
                onChange={(e) =>
                  onChange({ ...r, accountRoles: toggle(r.accountRoles, role, e.target.checked) })
                }
              />
              {role === 'CARE' ? 'Care' : 'Engagement'}
            </label>
          ))}
          <span className="muted">Sentiment:</span>
          {SENTIMENTS.map((s) => (
            <label key={s} className="inline-label">
              <input
                type="checkbox"
                checked={r.sentiments.includes(s)}
                onChange={(e) => onChange({ ...r, sentiments: toggle(r.sentiments, s, e.target.checked) })}
              />
              {s}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
