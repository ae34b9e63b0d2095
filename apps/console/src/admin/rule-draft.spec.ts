import { emptyRule, move, ruleDraft, ruleInput } from './rule-draft';

describe('routing rule drafts', () => {
  it('sends only the conditions given, cleaned', () => {
    const d = {
      ...emptyRule('q1'),
      name: ' VIP ',
      keywords: 'refund, , broken ',
      languages: 'ES',
      accountHandles: '@acmecares',
      minFollowers: '10000',
      sentiments: ['negative'],
      vip: 'yes' as const,
    };
    expect(ruleInput(d)).toEqual({
      name: 'VIP',
      enabled: true,
      queueId: 'q1',
      priorityBoost: 0,
      tags: [],
      conditions: {
        keywords: ['refund', 'broken'],
        languages: ['es'],
        accountHandles: ['acmecares'],
        sentiments: ['negative'],
        minFollowers: 10000,
        vip: true,
      },
    });
  });

  it('round-trips a rule from the API unchanged', () => {
    const rule = {
      id: 'r1',
      name: 'Sales',
      position: 0,
      enabled: false,
      queueId: 'q2',
      priorityBoost: 5,
      tags: ['lead'],
      conditions: {
        intents: ['purchase'],
        languages: null,
        accountRoles: ['ENGAGEMENT' as const],
        accountHandles: null,
        keywords: null,
        sentiments: null,
        sources: null,
        matchedRuleIds: null,
        minFollowers: null,
        vip: false,
      },
    };
    expect(ruleInput(ruleDraft(rule))).toEqual({
      name: 'Sales',
      enabled: false,
      queueId: 'q2',
      priorityBoost: 5,
      tags: ['lead'],
      conditions: { intents: ['purchase'], accountRoles: ['ENGAGEMENT'], vip: false },
    });
  });

  it('moves one item up or down, clamped at the ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
