import { useState } from 'react';
import { useMutation } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import {
  UpsertQueueDocument,
  type QueueConfigFieldsFragment,
  type RoutingStrategy,
  type SlaBreachAction,
  type Team,
} from '../graphql/generated';
import { FieldError, OtherErrors } from '../shared/field-error';
import { queueInput, type QueueDraft } from './queue-draft';
import { WeeklySlotsEditor } from './weekly-slots-editor';

const FIELDS = [
  'name',
  'team',
  'timezone',
  'businessHours',
  'slaTargets',
  'slaWarnRatio',
  'slaWarnPriorityBoost',
  'slaBreachAction',
  'escalationQueueId',
  'strategy',
  'stickyWindowMinutes',
  'relaxLanguageAfterMinutes',
  'reopenWindowMinutes',
  'vipPriorityBoost',
] as const;
const TEAMS: Team[] = ['CARE', 'SALES'];
const STRATEGIES: Array<[RoutingStrategy, string]> = [
  ['LEAST_LOADED', 'Least loaded agent'],
  ['ROUND_ROBIN', 'Round robin'],
];
const BREACH: Array<[SlaBreachAction, string]> = [
  ['NONE', 'Nothing (alert only)'],
  ['REASSIGN', 'Reassign to another agent'],
  ['ESCALATE', 'Escalate to another queue'],
];

/** Create or edit one queue; the API's refusals appear beside the field they are about. */
export function QueueForm(props: {
  initial: QueueDraft;
  queues: readonly QueueConfigFieldsFragment[];
  onSaved: (q: QueueConfigFieldsFragment) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<QueueDraft>(props.initial);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [{ fetching }, upsert] = useMutation(UpsertQueueDocument);
  const set = <K extends keyof QueueDraft>(key: K, value: QueueDraft[K]) =>
    setD((x) => ({ ...x, [key]: value }));
  const err = (field: (typeof FIELDS)[number]) => <FieldError problems={problems} field={field} />;

  const submit = async () => {
    setProblems([]);
    const res = await upsert({ queue: queueInput(d) });
    if (res.error || !res.data) return setProblems(res.error ? describeApiError(res.error) : []);
    props.onSaved(res.data.upsertQueue);
  };
  const num = (
    label: string,
    key:
      | 'slaWarnRatio'
      | 'slaWarnPriorityBoost'
      | 'stickyWindowMinutes'
      | 'relaxLanguageAfterMinutes'
      | 'reopenWindowMinutes'
      | 'vipPriorityBoost',
    hint: string,
    step = '1',
  ) => (
    <label>
      <span>{label}</span>
      <input
        aria-label={label}
        type="number"
        step={step}
        min="0"
        value={d[key]}
        placeholder={hint}
        onChange={(e) => set(key, e.target.value)}
      />
      <small className="muted">{hint}</small>
      {err(key)}
    </label>
  );

  return (
    <form
      className="stack-form queue-form"
      aria-label={d.id ? `Edit queue ${props.initial.name}` : 'New queue'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="grid-2">
        <label>
          <span>Name</span>
          <input aria-label="Name" value={d.name} onChange={(e) => set('name', e.target.value)} required />
          {err('name')}
        </label>
        <label>
          <span>Team</span>
          <select aria-label="Team" value={d.team} onChange={(e) => set('team', e.target.value as Team)}>
            {TEAMS.map((t) => (
              <option key={t} value={t}>
                {t === 'CARE' ? 'Care' : 'Sales'}
              </option>
            ))}
          </select>
          {err('team')}
        </label>
        <label>
          <span>Timezone</span>
          <input
            aria-label="Timezone"
            placeholder="Europe/Amsterdam"
            value={d.timezone}
            onChange={(e) => set('timezone', e.target.value)}
          />
          <small className="muted">IANA name; business hours are in this zone</small>
          {err('timezone')}
        </label>
        <label>
          <span>Routing strategy</span>
          <select
            aria-label="Routing strategy"
            value={d.strategy}
            onChange={(e) => set('strategy', e.target.value as RoutingStrategy)}
          >
            {STRATEGIES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          {err('strategy')}
        </label>
      </div>
      <fieldset>
        <legend>Business hours</legend>
        <small className="muted">No slots: always open.</small>
        <WeeklySlotsEditor
          slots={d.businessHours}
          onChange={(s) => set('businessHours', s)}
          testId="business-hours"
          addLabel="Add opening hours"
        />
        {err('businessHours')}
      </fieldset>
      <fieldset>
        <legend>SLA</legend>
        <table className="table" data-testid="sla-targets">
          <thead>
            <tr>
              <th>From priority</th>
              <th>First response within (min)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {d.slaTargets.map((t, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label="From priority"
                    type="number"
                    value={t.minPriority}
                    onChange={(e) =>
                      set(
                        'slaTargets',
                        d.slaTargets.map((x, j) => (j === i ? { ...x, minPriority: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label="Target minutes"
                    type="number"
                    min="1"
                    value={t.minutes}
                    onChange={(e) =>
                      set(
                        'slaTargets',
                        d.slaTargets.map((x, j) => (j === i ? { ...x, minutes: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      set(
                        'slaTargets',
                        d.slaTargets.filter((_, j) => j !== i),
                      )
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <button
            type="button"
            className="ghost"
            onClick={() => set('slaTargets', [...d.slaTargets, { minPriority: '0', minutes: '60' }])}
          >
            Add an SLA target
          </button>
        </div>
        {err('slaTargets')}
        <div className="grid-2">
          {num('Warn at share of target', 'slaWarnRatio', '0 to 1, e.g. 0.8', '0.05')}
          {num('Priority boost on warning', 'slaWarnPriorityBoost', 'added to the priority')}
          <label>
            <span>On breach</span>
            <select
              aria-label="On breach"
              value={d.slaBreachAction}
              onChange={(e) => set('slaBreachAction', e.target.value as SlaBreachAction)}
            >
              {BREACH.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
            {err('slaBreachAction')}
          </label>
          {d.slaBreachAction === 'ESCALATE' ? (
            <label>
              <span>Escalation queue</span>
              <select
                aria-label="Escalation queue"
                value={d.escalationQueueId}
                onChange={(e) => set('escalationQueueId', e.target.value)}
              >
                <option value="">(choose a queue)</option>
                {props.queues
                  .filter((q) => q.id !== d.id)
                  .map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.name}
                    </option>
                  ))}
              </select>
              {err('escalationQueueId')}
            </label>
          ) : null}
        </div>
      </fieldset>
      <fieldset>
        <legend>Routing</legend>
        <div className="grid-2">
          {num('Sticky window (min)', 'stickyWindowMinutes', 'empty: no preference for the previous agent')}
          {num(
            'Relax language after (min)',
            'relaxLanguageAfterMinutes',
            'empty: language is a preference only',
          )}
          {num('Reopen window (min)', 'reopenWindowMinutes', '0: never reopen; 1440 = a day')}
          {num('VIP priority boost', 'vipPriorityBoost', 'added to VIP customers’ priority, up to 100')}
          <label className="inline-label">
            <input
              type="checkbox"
              aria-label="Hard lock"
              checked={d.hardLock}
              onChange={(e) => set('hardLock', e.target.checked)}
            />
            <span>Hard lock</span>
            <small className="muted">only the assignee answers; supervisors take over first</small>
          </label>
        </div>
      </fieldset>
      <OtherErrors problems={problems} fields={FIELDS} />
      <div className="inline-form">
        <button type="submit" className="primary" disabled={fetching || !d.name.trim()}>
          {d.id ? 'Save queue' : 'Create queue'}
        </button>
        <button type="button" className="ghost" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
