import type { CustomerUpdatedV1 } from '@roost/contracts';
import type { RuleState } from '../state/brand-state';
import { BRAND, ctxAt, makeAgent, makeQueue, makeState, mention } from '../testing/state-builder';
import { routeMention } from './router';
import { applyVipChange } from './vip';

const T0 = '2024-03-11T15:00:00Z';

function rule(over: Partial<RuleState> & { id: string; queueId: string }): RuleState {
  return { name: over.id, conditions: {}, priorityBoost: 0, tags: [], ...over };
}

function vipEvent(xUserId: string, vip: boolean, at = T0): CustomerUpdatedV1 {
  return {
    schema: 1,
    brandId: BRAND,
    customerId: '00000000-0000-4000-8000-0000000000aa',
    xUserId,
    vip,
    actorId: null,
    at,
  };
}

describe('rule tags and VIP (pure)', () => {
  it('names the rule and its tags on the mention that opens a conversation, not on the ones that join it', () => {
    const state = makeState([makeQueue({ id: 'q1' }), makeQueue({ id: 'billing' })], []);
    state.rules = [
      rule({
        id: 'r-bill',
        queueId: 'billing',
        conditions: { keywords: ['refund'] },
        tags: ['billing', 'refund'],
      }),
    ];
    const open = mention({ customer: '7' });
    open.tweet.text = 'I want a refund';
    const d = routeMention(ctxAt(state, T0), open);
    expect(d).toMatchObject({
      opened: true,
      queueId: 'billing',
      rule: { id: 'r-bill', tags: ['billing', 'refund'] },
    });
    const again = mention({ customer: '7' });
    again.tweet.text = 'refund please, still waiting';
    const joined = routeMention(ctxAt(state, T0), again);
    expect(joined?.opened).toBe(false);
    expect(joined?.rule).toBeUndefined();
    // The default queue (no rule matched) tags nothing.
    expect(routeMention(ctxAt(state, T0), mention({ customer: '8' }))?.rule).toBeUndefined();
  });

  it('sends VIP customers to the VIP-only queue by rule and everyone else past it', () => {
    const state = makeState([makeQueue({ id: 'q1' }), makeQueue({ id: 'vip', vipPriorityBoost: 30 })], []);
    state.rules = [rule({ id: 'r-vip', queueId: 'vip', conditions: { vip: true }, tags: ['vip'] })];
    applyVipChange(ctxAt(state, T0), vipEvent('42', true));
    const vip = routeMention(ctxAt(state, T0), mention({ customer: '42', priority: 50 }));
    expect(vip).toMatchObject({ queueId: 'vip', priority: 80, rule: { id: 'r-vip', tags: ['vip'] } });
    const other = routeMention(ctxAt(state, T0), mention({ customer: '43', priority: 50 }));
    expect(other).toMatchObject({ queueId: 'q1', priority: 50 });
    // `vip: false` matches only the others.
    state.rules = [rule({ id: 'r-not', queueId: 'vip', conditions: { vip: false } })];
    expect(routeMention(ctxAt(state, T0), mention({ customer: '44' }))?.queueId).toBe('vip');
    applyVipChange(ctxAt(state, T0), vipEvent('45', true));
    expect(routeMention(ctxAt(state, T0), mention({ customer: '45' }))?.queueId).toBe('q1');
  });

  it('boosts a VIP mention by its queue’s setting, capped at 100, also when it joins an open conversation', () => {
    const state = makeState([makeQueue({ id: 'q1', vipPriorityBoost: 20 })], []);
    applyVipChange(ctxAt(state, T0), vipEvent('42', true));
    expect(routeMention(ctxAt(state, T0), mention({ customer: '42', priority: 90 }))?.priority).toBe(100);
    const other = makeState([makeQueue({ id: 'q1', vipPriorityBoost: 20 })], []);
    const first = routeMention(ctxAt(other, T0), mention({ customer: '9', priority: 10 }));
    expect(first?.priority).toBe(10);
    applyVipChange(ctxAt(other, T0), vipEvent('9', true));
    // Made VIP: raised from 10 to 30; the next message (priority 40) joins at 40 + 20.
    expect(other.byId.get(first!.conversationId)?.priority).toBe(30);
    expect(routeMention(ctxAt(other, T0), mention({ customer: '9', priority: 40 }))?.priority).toBe(60);
  });

  it('raises a new VIP’s open conversations once and moves them up the waiting list; an older event changes nothing', () => {
    const q = makeQueue({ id: 'q1', vipPriorityBoost: 25 });
    const state = makeState([q], [makeAgent({ id: 'a', status: 'offline' })]);
    const earlier = routeMention(ctxAt(state, T0), mention({ customer: '1', priority: 60 }));
    const later = routeMention(ctxAt(state, Date.parse(T0) + 1000), mention({ customer: '2', priority: 50 }));
    expect(q.waiting.inOrder().map((c) => c.id)).toEqual([earlier?.conversationId, later?.conversationId]);
    const ctx = ctxAt(state, T0);
    const raised = applyVipChange(ctx, vipEvent('2', true, '2024-03-11T15:05:00Z'));
    expect(raised.map((r) => [r.conv.id, r.previous, r.conv.priority])).toEqual([
      [later?.conversationId, 50, 75],
    ]);
    expect(q.waiting.inOrder().map((c) => c.id)).toEqual([later?.conversationId, earlier?.conversationId]);
    expect(ctx.changes.vips.get('2')).toEqual({ vip: true, at: Date.parse('2024-03-11T15:05:00Z') });
    expect(ctx.changes.updated.has(later!.conversationId)).toBe(true);
    // The same change again (redelivery), or an older one (out of order): nothing.
    expect(applyVipChange(ctxAt(state, T0), vipEvent('2', true, '2024-03-11T15:05:00Z'))).toEqual([]);
    expect(applyVipChange(ctxAt(state, T0), vipEvent('2', false, '2024-03-11T15:01:00Z'))).toEqual([]);
    expect(state.vips.get('2')?.vip).toBe(true);
    // Made non-VIP later: open conversations keep their priority; the flag is recorded.
    const off = ctxAt(state, T0);
    expect(applyVipChange(off, vipEvent('2', false, '2024-03-11T15:10:00Z'))).toEqual([]);
    expect(state.byId.get(later!.conversationId)?.priority).toBe(75);
    expect(off.changes.vips.get('2')?.vip).toBe(false);
  });

  it('boosts an open conversation at most once: an off/on toggle does not raise it again, a later opening is boosted', () => {
    const q = makeQueue({ id: 'q1', vipPriorityBoost: 20 });
    const state = makeState([q], [makeAgent({ id: 'a', status: 'offline' })]);
    const opened = routeMention(ctxAt(state, T0), mention({ customer: '3', priority: 40 }));
    const id = opened!.conversationId;
    expect(applyVipChange(ctxAt(state, T0), vipEvent('3', true, '2024-03-11T15:01:00Z'))).toHaveLength(1);
    expect(state.byId.get(id)?.priority).toBe(60);
    for (let i = 0; i < 5; i++) {
      expect(applyVipChange(ctxAt(state, T0), vipEvent('3', false, `2024-03-11T15:0${2 + i}:00Z`))).toEqual(
        [],
      );
      expect(applyVipChange(ctxAt(state, T0), vipEvent('3', true, `2024-03-11T15:0${2 + i}:30Z`))).toEqual(
        [],
      );
    }
    expect(state.byId.get(id)?.priority).toBe(60);
    expect(state.vips.get('3')?.vip).toBe(true);

    // VIP when the conversation opened (boosted then), toggled off and on: not again.
    applyVipChange(ctxAt(state, T0), vipEvent('5', true, '2024-03-11T15:10:00Z'));
    const vipAtOpen = routeMention(
      ctxAt(state, '2024-03-11T15:20:00Z'),
      mention({ customer: '5', priority: 10 }),
    );
    expect(state.byId.get(vipAtOpen!.conversationId)?.priority).toBe(30);
    applyVipChange(ctxAt(state, T0), vipEvent('5', false, '2024-03-11T15:21:00Z'));
    expect(applyVipChange(ctxAt(state, T0), vipEvent('5', true, '2024-03-11T15:22:00Z'))).toEqual([]);
    expect(state.byId.get(vipAtOpen!.conversationId)?.priority).toBe(30);

    // VIP once, but non-VIP since before the conversation opened: made VIP again, it is boosted.
    applyVipChange(ctxAt(state, T0), vipEvent('6', true, '2024-03-11T15:04:00Z'));
    applyVipChange(ctxAt(state, T0), vipEvent('6', false, '2024-03-11T15:05:00Z'));
    const later = routeMention(
      ctxAt(state, '2024-03-11T15:20:00Z'),
      mention({ customer: '6', priority: 10 }),
    );
    expect(state.byId.get(later!.conversationId)?.priority).toBe(10);
    expect(applyVipChange(ctxAt(state, T0), vipEvent('6', true, '2024-03-11T15:25:00Z'))).toHaveLength(1);
    expect(state.byId.get(later!.conversationId)?.priority).toBe(30);
  });
});
