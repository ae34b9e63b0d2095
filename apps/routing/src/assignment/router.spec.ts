import type { ConversationStatusChangedV1, MessageSentV1 } from '@roost/contracts';
import { queueStaffing } from '../queues/queue-staffing';
import { ManualClock } from '@roost/testing';
import { routeMention } from './router';
import { drainAll, sweepSla } from '../sla/sla';
import { manualAssign, takeOver, transfer, unassign } from './manual-actions';
import { applyMessageSent } from './message-sent';
import { openSplit } from './split';
import { applyStatusChange } from './status-changes';
import { BRAND, ctxAt, makeAgent, makeQueue, makeState, mention } from '../testing/state-builder';

const T0 = '2024-03-11T15:00:00Z'; // a Monday, 11:00 in New York

function resolved(conversationId: string, at: string): ConversationStatusChangedV1 {
  return {
    schema: 1,
    brandId: BRAND,
    conversationId,
    queueId: 'q1',
    assigneeId: null,
    status: 'resolved',
    previousStatus: 'assigned',
    reason: 'resolved',
    actorId: null,
    openedAt: T0,
    at,
  };
}

function sentDm(conversationId: string, at: string | number): MessageSentV1 {
  return {
    schema: 1,
    brandId: BRAND,
    conversationId,
    messageId: `m-${conversationId}-${String(at)}`,
    agentId: 'a',
    queueId: 'q1',
    channel: 'dm',
    xId: '9001',
    firstResponse: false,
    conversationOpenedAt: T0,
    sentAt: new Date(at).toISOString(),
  };
}

function dmFrom(customer: string) {
  return { ...mention({ customer }), channel: 'dm' as const };
}

describe('routing decisions (pure, controllable clock)', () => {
  it('assigns only agents online, on shift now in their timezone, in the queue, with free capacity', () => {
    const q = makeQueue({ id: 'q1' });
    const off = makeAgent({ id: 'offline', status: 'offline' });
    const asleep = makeAgent({
      id: 'tokyo',
      timezone: 'Asia/Tokyo',
      shifts: [{ day: 1, start: '09:00', end: '17:00' }],
    }); // Tue 00:00 there
    const other = makeAgent({ id: 'other-queue', queues: ['q2'] });
    const full = makeAgent({ id: 'full', capacity: 1, active: 1 });
    const ok = makeAgent({
      id: 'ny',
      timezone: 'America/New_York',
      shifts: [{ day: 1, start: '09:00', end: '17:00' }],
    });
    const state = makeState([q, makeQueue({ id: 'q2' })], [off, asleep, other, full, ok]);
    const d = routeMention(ctxAt(state, T0), mention());
    expect(d?.assigneeId).toBe('ny');
    expect(ok.active).toBe(1);
  });

  it('sticks to the customer’s previous agent within the window when eligible, else least loaded', () => {
    const q = makeQueue({ id: 'q1', stickyWindowMinutes: 60 });
    const a = makeAgent({ id: 'a', active: 1 });
    const b = makeAgent({ id: 'b' });
    const state = makeState([q], [a, b]);
    state.lastAgent.set('42', { agentId: 'a', at: Date.parse(T0) - 30 * 60_000 });
    expect(routeMention(ctxAt(state, T0), mention({ customer: '42' }))?.assigneeId).toBe('a'); // sticky beats load
    state.lastAgent.set('43', { agentId: 'a', at: Date.parse(T0) - 90 * 60_000 });
    expect(routeMention(ctxAt(state, T0), mention({ customer: '43' }))?.assigneeId).toBe('b'); // window passed
    a.status = 'away';
    state.lastAgent.set('44', { agentId: 'a', at: Date.parse(T0) });
    expect(routeMention(ctxAt(state, T0), mention({ customer: '44' }))?.assigneeId).toBe('b'); // not eligible
  });

  it('requires the customer’s language until the relaxation delay, then assigns with a translation hint', () => {
    const clock = new ManualClock(T0);
    const q = makeQueue({ id: 'q1', relaxLanguageAfterMinutes: 20 });
    const en = makeAgent({ id: 'en', langs: ['en'] });
    const state = makeState([q], [en]);
    const d = routeMention(ctxAt(state, clock.now()), mention({ language: 'ko' }));
    expect(d?.status).toBe('waiting');
    clock.advanceMinutes(19);
    const early = ctxAt(state, clock.now());
    sweepSla(early);
    for (const queue of state.queues.values()) expect(queue.waiting.size).toBe(1);
    clock.advanceMinutes(1);
    const late = ctxAt(state, clock.now());
    drainAll(late);
    expect(late.changes.assigned).toEqual([
      expect.objectContaining({ reason: 'from_waiting_list', assigneeId: 'en', translationHint: true }),
    ]);
    // Without a delay, language is a preference: a speaker first, anyone otherwise.
    const q2 = makeQueue({ id: 'q1' });
    const ko = makeAgent({ id: 'ko', langs: ['ko'], active: 1 });
    const s2 = makeState([q2], [makeAgent({ id: 'en2' }), ko]);
    expect(routeMention(ctxAt(s2, T0), mention({ language: 'ko' }))?.assigneeId).toBe('ko');
    expect(routeMention(ctxAt(s2, T0), mention({ language: 'ko' }))).toMatchObject({
      assigneeId: 'en2',
      translationHint: true,
    });
  });

  it('queues conversations outside business hours and assigns them when the queue opens', () => {
    const q = makeQueue({
      id: 'q1',
      timezone: 'Europe/Paris',
      businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })),
    });
    const state = makeState([q], [makeAgent({ id: 'a' })]);
    expect(routeMention(ctxAt(state, '2024-03-11T07:30:00Z'), mention())?.status).toBe('waiting'); // 08:30 Paris
    const open = ctxAt(state, '2024-03-11T08:00:00Z'); // 09:00 Paris
    drainAll(open);
    expect(open.changes.assigned.map((e) => e.assigneeId)).toEqual(['a']);
  });

  it('pulls the waiting list by priority then age when an agent frees capacity', () => {
    const q = makeQueue({ id: 'q1' });
    const a = makeAgent({ id: 'a', capacity: 1 });
    const state = makeState([q], [a]);
    const t = Date.parse(T0);
    const first = routeMention(ctxAt(state, t), mention({ priority: 10 }));
    const low = routeMention(ctxAt(state, t + 1000), mention({ priority: 10 }));
    const high = routeMention(ctxAt(state, t + 2000), mention({ priority: 90 }));
    const lowOlder = routeMention(ctxAt(state, t + 500), mention({ priority: 10 })); // opened "earlier" than low
    expect([first?.status, low?.status, high?.status, lowOlder?.status]).toEqual([
      'assigned',
      'waiting',
      'waiting',
      'waiting',
    ]);
    const order: string[] = [];
    let current = first?.conversationId ?? '';
    for (let i = 0; i < 3; i++) {
      const ctx = ctxAt(state, t + 10_000);
      expect(applyStatusChange(ctx, resolved(current, '2024-03-11T15:10:00Z'))).toBe(true);
      expect(applyStatusChange(ctx, resolved(current, '2024-03-11T15:10:00Z'))).toBe(false); // redelivery: no-op
      current = ctx.changes.assigned[0]?.conversationId ?? '';
      order.push(current);
      expect(a.active).toBe(1);
    }
    expect(order).toEqual([high?.conversationId, lowOlder?.conversationId, low?.conversationId]);
  });

  it('raises priority before an SLA breach and escalates at breach, once', () => {
    const clock = new ManualClock(T0);
    const q = makeQueue({
      id: 'q1',
      slaTargets: [
        { minPriority: 0, minutes: 60 },
        { minPriority: 70, minutes: 30 },
      ],
      breachAction: 'escalate',
      escalationQueueId: 'vip',
    });
    const vip = makeQueue({ id: 'vip' });
    const state = makeState(
      [q, vip],
      [
        makeAgent({ id: 'busy', capacity: 1, active: 1 }),
        makeAgent({ id: 'boss', queues: ['vip'], status: 'away' }),
      ],
    );
    const d = routeMention(ctxAt(state, clock.now()), mention({ priority: 50 }));
    clock.advanceMinutes(44);
    const early = ctxAt(state, clock.now());
    sweepSla(early);
    expect(early.changes.alerts).toEqual([]);
    clock.advanceMinutes(1); // 75% of 60 minutes
    const warn = ctxAt(state, clock.now());
    sweepSla(warn);
    expect(warn.changes.alerts).toEqual([
      expect.objectContaining({ kind: 'warning', action: 'priority_raised', priority: 70 }),
    ]);
    // Priority 70 now: its target is 30 minutes, already past: the breach comes on the next pass.
    expect(state.byId.get(d?.conversationId ?? '')?.priority).toBe(70);
    clock.advanceMinutes(1);
    const breach = ctxAt(state, clock.now());
    sweepSla(breach);
    expect(breach.changes.alerts).toEqual([
      expect.objectContaining({ kind: 'breach', action: 'escalated', queueId: 'q1' }),
    ]);
    expect(breach.changes.assigned).toEqual([
      expect.objectContaining({
        reason: 'sla_reassign',
        queueId: 'vip',
        previousQueueId: 'q1',
        priority: 100,
        status: 'waiting',
      }),
    ]);
    const again = ctxAt(state, clock.now() + 60_000);
    sweepSla(again);
    expect(again.changes.alerts).toEqual([]);
  });

  it('reassigns at breach to another eligible agent when the queue says so', () => {
    const q = makeQueue({ id: 'q1', slaTargets: [{ minPriority: 0, minutes: 10 }] });
    const a = makeAgent({ id: 'a' });
    const b = makeAgent({ id: 'b', status: 'offline' });
    const state = makeState([q], [a, b]);
    const d = routeMention(ctxAt(state, T0), mention());
    expect(d?.assigneeId).toBe('a');
    b.status = 'online';
    const ctx = ctxAt(state, Date.parse(T0) + 11 * 60_000);
    sweepSla(ctx);
    expect(ctx.changes.assigned).toEqual([
      expect.objectContaining({ reason: 'sla_reassign', assigneeId: 'b', previousAssigneeId: 'a' }),
    ]);
    // 11 minutes of 10: the warning and the breach in one pass.
    expect(ctx.changes.alerts).toEqual([
      expect.objectContaining({ kind: 'warning', action: 'priority_raised' }),
      expect.objectContaining({ kind: 'breach', action: 'reassigned' }),
    ]);
    expect([a.active, b.active]).toEqual([0, 1]);
  });

  it('round robin rotates; staffing counts agents online and on shift, their slots and what is free', () => {
    const q = makeQueue({ id: 'q1', strategy: 'round_robin' });
    const agents = ['a', 'b', 'c'].map((id) => makeAgent({ id, capacity: 5 }));
    const state = makeState([q], agents);
    const who = [1, 2, 3, 4].map(() => routeMention(ctxAt(state, T0), mention())?.assigneeId);
    expect(who).toEqual(['a', 'b', 'c', 'a']);
    const now = Date.parse(T0);
    expect(queueStaffing(q, now)).toEqual({
      queueId: 'q1',
      open: true,
      waiting: 0,
      agentsOnline: 3,
      slots: 15,
      free: 11,
    });
    agents[0]!.status = 'away';
    expect(queueStaffing(q, now)).toMatchObject({ agentsOnline: 2, slots: 10, free: 8 });
    for (const a of agents) a.status = 'offline';
    expect(queueStaffing(q, now)).toMatchObject({ agentsOnline: 0, slots: 0, free: 0 });
  });

  it('keeps an agent within a per-channel limit while the total still has room', () => {
    const q = makeQueue({ id: 'q1' });
    const dmCapped = makeAgent({ id: 'capped', capacity: 3, channelCapacity: { dm: 1 } });
    const state = makeState([q], [dmCapped]);
    const dm = (customer: string) => ({ ...mention({ customer }), channel: 'dm' as const });
    expect(routeMention(ctxAt(state, T0), dm('1'))).toMatchObject({
      status: 'assigned',
      assigneeId: 'capped',
    });
    expect(routeMention(ctxAt(state, T0), dm('2'))).toMatchObject({ status: 'waiting', assigneeId: null });
    expect(routeMention(ctxAt(state, T0), mention({ customer: '3' }))).toMatchObject({
      status: 'assigned',
      assigneeId: 'capped',
    });
    expect([dmCapped.active, dmCapped.activeByChannel]).toEqual([2, { public: 1, dm: 1 }]);
    const waitingDm = [...state.byId.values()].find((c) => c.status === 'waiting');
    const ctx = ctxAt(state, T0);
    expect(() =>
      manualAssign(ctx, {
        conversationId: waitingDm?.id ?? '',
        agentId: 'capped',
        actor: { id: 'boss', role: 'supervisor' },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        details: expect.objectContaining({ reason: 'AGENT_AT_CHANNEL_CAPACITY', channel: 'dm', capacity: 1 }),
      }),
    );
    // The first DM resolves: the waiting one is pulled.
    const firstDm = [...state.byId.values()].find((c) => c.channel === 'dm' && c.status === 'assigned');
    const done = ctxAt(state, Date.parse(T0) + 60_000);
    applyStatusChange(done, {
      schema: 1,
      brandId: BRAND,
      conversationId: firstDm?.id ?? '',
      queueId: 'q1',
      assigneeId: 'capped',
      status: 'resolved',
      previousStatus: 'assigned',
      reason: 'resolved',
      actorId: null,
      openedAt: T0,
      at: new Date(Date.parse(T0) + 60_000).toISOString(),
    });
    expect(waitingDm?.status).toBe('assigned');
    expect(dmCapped.activeByChannel).toEqual({ public: 1, dm: 1 });
  });

  it('reopens a conversation the customer writes to again within the reopen window, for the agent who resolved it', () => {
    const q = makeQueue({ id: 'q1', reopenWindowMinutes: 60, stickyWindowMinutes: 120 });
    const a = makeAgent({ id: 'a', capacity: 2 });
    const b = makeAgent({ id: 'b', capacity: 2 });
    const state = makeState([q], [a, b]);
    const first = routeMention(ctxAt(state, T0), mention({ customer: '77' }));
    const resolvedAt = Date.parse(T0) + 10 * 60_000;
    const done = ctxAt(state, resolvedAt);
    applyStatusChange(done, {
      schema: 1,
      brandId: BRAND,
      conversationId: first?.conversationId ?? '',
      queueId: 'q1',
      assigneeId: first?.assigneeId ?? null,
      status: 'resolved',
      previousStatus: 'assigned',
      reason: 'resolved',
      actorId: null,
      openedAt: T0,
      at: new Date(resolvedAt).toISOString(),
    });
    expect(state.open.size).toBe(0);
    // The other agent is now the less loaded one: stickiness, not load, brings the customer back to the first.
    routeMention(ctxAt(state, resolvedAt), mention({ customer: '78' }));
    const again = ctxAt(state, resolvedAt + 59 * 60_000);
    const back = routeMention(again, mention({ customer: '77', priority: 80 }));
    expect(back).toMatchObject({
      conversationId: first?.conversationId,
      opened: true,
      status: 'assigned',
      assigneeId: first?.assigneeId,
      priority: 80,
    });
    const conv = state.byId.get(first?.conversationId ?? '');
    expect(conv).toMatchObject({
      openedAt: resolvedAt + 59 * 60_000,
      firstResponseAt: null,
      slaWarnedAt: null,
      resolvedAt: null,
    });
    expect(again.changes.updated.has(first?.conversationId ?? '')).toBe(true);
    expect(state.recentlyResolved.size).toBe(0);
  });

  it('opens a new conversation after the reopen window, or when the queue does not reopen', () => {
    for (const [window, after] of [
      [60, 61],
      [0, 1],
    ] as const) {
      const q = makeQueue({ id: 'q1', reopenWindowMinutes: window });
      const state = makeState([q], [makeAgent({ id: 'a', capacity: 5 })]);
      const first = routeMention(ctxAt(state, T0), mention({ customer: '90' }));
      const at = Date.parse(T0) + 60_000;
      applyStatusChange(ctxAt(state, at), {
        schema: 1,
        brandId: BRAND,
        conversationId: first?.conversationId ?? '',
        queueId: 'q1',
        assigneeId: 'a',
        status: 'resolved',
        previousStatus: 'assigned',
        reason: 'resolved',
        actorId: null,
        openedAt: T0,
        at: new Date(at).toISOString(),
      });
      const later = routeMention(ctxAt(state, at + after * 60_000), mention({ customer: '90' }));
      expect(later?.opened).toBe(true);
      expect(later?.conversationId).not.toBe(first?.conversationId);
    }
  });

  it('threads public tweets by X conversation and customer, DMs by customer', () => {
    const state = makeState([makeQueue({ id: 'q1' })], [makeAgent({ id: 'a', capacity: 10 })]);
    const tweet = (
      customer: string,
      conversationId: string | undefined,
      channel: 'public' | 'dm' = 'public',
    ) => {
      const m = mention({ customer });
      return { ...m, channel, tweet: { ...m.tweet, ...(conversationId ? { conversationId } : {}) } };
    };
    const first = routeMention(ctxAt(state, T0), tweet('5', '100'));
    const sameThread = routeMention(ctxAt(state, T0), tweet('5', '100'));
    const otherThread = routeMention(ctxAt(state, T0), tweet('5', '200'));
    const otherCustomerSameThread = routeMention(ctxAt(state, T0), tweet('6', '100'));
    const dm1 = routeMention(ctxAt(state, T0), tweet('5', undefined, 'dm'));
    const dm2 = routeMention(ctxAt(state, T0), tweet('5', '999', 'dm'));
    expect(sameThread).toMatchObject({ conversationId: first?.conversationId, opened: false });
    expect(
      new Set([first, otherThread, otherCustomerSameThread, dm1].map((d) => d?.conversationId)).size,
    ).toBe(4);
    expect(dm2).toMatchObject({ conversationId: dm1?.conversationId, opened: false });
  });

  describe('the DM leg of a public case', () => {
    const t = (minutes: number) => Date.parse(T0) + minutes * 60_000;

    it('joins the customer’s DMs to the public conversation the brand DMed them from: same case, same agent, one slot', () => {
      const a = makeAgent({ id: 'a', capacity: 3 });
      const b = makeAgent({ id: 'b', capacity: 3 });
      const state = makeState([makeQueue({ id: 'q1' })], [a, b]);
      const pub = routeMention(ctxAt(state, t(0)), mention({ customer: '31' }));
      const sent = ctxAt(state, t(2));
      expect(applyMessageSent(sent, sentDm(pub?.conversationId ?? '', t(2)))).toBe(true);
      expect(sent.changes.updated.get(pub?.conversationId ?? '')?.dmLinkedAt).toBe(t(2));
      // A redelivered (or older) message.sent changes nothing.
      expect(applyMessageSent(ctxAt(state, t(3)), sentDm(pub?.conversationId ?? '', t(2)))).toBe(false);
      const dm = routeMention(ctxAt(state, t(5)), dmFrom('31'));
      expect(dm).toMatchObject({
        conversationId: pub?.conversationId,
        opened: false,
        assigneeId: pub?.assigneeId,
      });
      expect(a.active + b.active).toBe(1);
      expect(state.byId.size).toBe(1);
      // Another customer's DM is not part of it.
      expect(routeMention(ctxAt(state, t(6)), dmFrom('32'))?.conversationId).not.toBe(pub?.conversationId);
    });

    it('opens a DM of its own for a customer the brand never DMed from a public case (a cold DM)', () => {
      const state = makeState([makeQueue({ id: 'q1' })], [makeAgent({ id: 'a', capacity: 3 })]);
      const pub = routeMention(ctxAt(state, t(0)), mention({ customer: '33' }));
      const dm = routeMention(ctxAt(state, t(1)), dmFrom('33'));
      expect(dm?.opened).toBe(true);
      expect(dm?.conversationId).not.toBe(pub?.conversationId);
    });

    it('reopens the resolved public case for a DM within its reopen window, and not after it', () => {
      const q = makeQueue({ id: 'q1', reopenWindowMinutes: 60 });
      const state = makeState([q], [makeAgent({ id: 'a', capacity: 3 })]);
      const pub = routeMention(ctxAt(state, t(0)), mention({ customer: '34' }));
      const id = pub?.conversationId ?? '';
      applyMessageSent(ctxAt(state, t(1)), sentDm(id, t(1)));
      applyStatusChange(ctxAt(state, t(10)), resolved(id, new Date(t(10)).toISOString()));
      const back = routeMention(ctxAt(state, t(30)), dmFrom('34'));
      expect(back).toMatchObject({ conversationId: id, opened: true, assigneeId: 'a' });
      applyStatusChange(ctxAt(state, t(40)), resolved(id, new Date(t(40)).toISOString()));
      const late = routeMention(ctxAt(state, t(101)), dmFrom('34'));
      expect(late?.opened).toBe(true);
      expect(late?.conversationId).not.toBe(id);
      expect(state.dmLegs.has('34')).toBe(false);
    });

    it('keeps DMs in a DM conversation the customer opened after the link; a link newer than it wins', () => {
      const state = makeState([makeQueue({ id: 'q1' })], [makeAgent({ id: 'a', capacity: 5 })]);
      const pub = routeMention(ctxAt(state, t(0)), mention({ customer: '35' }));
      const cold = routeMention(ctxAt(state, t(1)), dmFrom('35'));
      applyMessageSent(ctxAt(state, t(2)), sentDm(pub?.conversationId ?? '', t(2)));
      expect(routeMention(ctxAt(state, t(3)), dmFrom('35'))?.conversationId).toBe(pub?.conversationId);

      expect(cold?.conversationId).not.toBe(pub?.conversationId);

      // The link is from before the customer's own DM conversation opened (the agent's DM was sent
      // at 1, the customer opened a DM at 2, routing heard of the DM at 3): that DM case is newer.
      const other = makeState([makeQueue({ id: 'q1' })], [makeAgent({ id: 'a', capacity: 5 })]);
      const pub2 = routeMention(ctxAt(other, t(0)), mention({ customer: '36' }));
      const cold2 = routeMention(ctxAt(other, t(2)), dmFrom('36'));
      applyMessageSent(ctxAt(other, t(3)), sentDm(pub2?.conversationId ?? '', t(1)));
      expect(routeMention(ctxAt(other, t(4)), dmFrom('36'))?.conversationId).toBe(cold2?.conversationId);
    });
  });

  describe('merged cases (issue 13)', () => {
    const t = (minutes: number) => Date.parse(T0) + minutes * 60_000;
    const inThread = (customer: string, thread: string) => {
      const m = mention({ customer });

      return { ...m, tweet: { ...m.tweet, conversationId: thread } };
    };
    const merged = (sourceId: string, targetId: string, at: number): ConversationStatusChangedV1 => ({
      ...resolved(sourceId, new Date(at).toISOString()),
      mergedIntoId: targetId,
      targetOpenedAt: T0,
    });

    it('frees the merged case’s slot, keeps the target’s assignee, and sends its thread and the customer’s DMs to the target', () => {
      const a = makeAgent({ id: 'a', capacity: 3 });
      const b = makeAgent({ id: 'b', capacity: 3 });
      const state = makeState([makeQueue({ id: 'q1', reopenWindowMinutes: 60 })], [a, b]);
      const target = routeMention(ctxAt(state, t(0)), inThread('51', 'T1'));
      const source = routeMention(ctxAt(state, t(1)), inThread('51', 'T2'));
      const dmCase = routeMention(ctxAt(state, t(2)), dmFrom('51'));
      expect(new Set([target?.conversationId, source?.conversationId, dmCase?.conversationId]).size).toBe(3);
      expect(a.active + b.active).toBe(3);

      const ctx = ctxAt(state, t(3));
      expect(
        applyStatusChange(ctx, merged(source?.conversationId ?? '', target?.conversationId ?? '', t(3))),
      ).toBe(true);
      expect(ctx.changes.merged.get(source?.conversationId ?? '')).toBe(target?.conversationId);
      expect(ctx.changes.resolved.has(source?.conversationId ?? '')).toBe(true);
      applyStatusChange(
        ctxAt(state, t(4)),
        merged(dmCase?.conversationId ?? '', target?.conversationId ?? '', t(4)),
      );
      expect(a.active + b.active).toBe(1);
      // A redelivered merge changes nothing.
      expect(
        applyStatusChange(
          ctxAt(state, t(5)),
          merged(source?.conversationId ?? '', target?.conversationId ?? '', t(3)),
        ),
      ).toBe(false);

      // Not remembered as reopenable: the next tweet in the merged thread and the next DM join the target.
      const later = routeMention(ctxAt(state, t(6)), inThread('51', 'T2'));
      expect(later).toMatchObject({
        conversationId: target?.conversationId,
        opened: false,
        assigneeId: target?.assigneeId,
      });
      const dm = routeMention(ctxAt(state, t(7)), dmFrom('51'));
      expect(dm).toMatchObject({ conversationId: target?.conversationId, opened: false });
      expect(a.active + b.active).toBe(1);

      // The target resolved: the merged thread reopens it within its window.
      applyStatusChange(
        ctxAt(state, t(10)),
        resolved(target?.conversationId ?? '', new Date(t(10)).toISOString()),
      );
      const back = routeMention(ctxAt(state, t(20)), inThread('51', 'T2'));
      expect(back).toMatchObject({ conversationId: target?.conversationId, opened: true });
    });

    it('gives the target the merged case’s earlier opening, first response, higher priority and SLA flags, and its place in line', () => {
      const q1 = makeQueue({ id: 'q1' });
      const a = makeAgent({ id: 'a', capacity: 1, status: 'away' });
      const state = makeState([q1], [a]);
      const urgent = mention({ customer: '54', priority: 80 });
      const source = routeMention(ctxAt(state, t(0)), {
        ...urgent,
        tweet: { ...urgent.tweet, conversationId: 'T1' },
      });
      const other = routeMention(ctxAt(state, t(5)), inThread('55', 'T9'));
      const target = routeMention(ctxAt(state, t(10)), inThread('54', 'T2'));
      const src = state.byId.get(source?.conversationId ?? '');
      const tgt = state.byId.get(target?.conversationId ?? '');
      if (!src || !tgt) throw new Error('not routed');
      src.slaWarnedAt = t(12);
      expect(tgt.priority).toBeLessThan(80);
      // The target waits behind the other customer's (older) conversation until the merge.
      expect(q1.waiting.size).toBe(3);
      const ctx = ctxAt(state, t(15));
      applyStatusChange(ctx, {
        ...merged(src.id, tgt.id, t(15)),
        openedAt: new Date(t(0)).toISOString(),
        targetOpenedAt: new Date(t(10)).toISOString(),
      });
      expect(tgt).toMatchObject({ openedAt: t(0), firstResponseAt: null, priority: 80, slaWarnedAt: t(12) });
      expect(ctx.changes.updated.get(tgt.id)).toBe(tgt);
      // Now first in line: opened earliest, highest priority.
      a.status = 'online';
      const drain = ctxAt(state, t(16));
      drainAll(drain);
      expect(tgt.assigneeId).toBe('a');
      expect(state.byId.get(other?.conversationId ?? '')?.status).toBe('waiting');

      // An answered source: the merged case was answered at the earlier response.
      const b = makeState([makeQueue({ id: 'q1' })], [makeAgent({ id: 'b', capacity: 5 })]);
      const s2 = routeMention(ctxAt(b, t(0)), inThread('56', 'T1'));
      const t2 = routeMention(ctxAt(b, t(1)), inThread('56', 'T2'));
      applyMessageSent(ctxAt(b, t(2)), {
        ...sentDm(s2?.conversationId ?? '', t(2)),
        channel: 'public',
        firstResponse: true,
      });
      applyStatusChange(ctxAt(b, t(3)), merged(s2?.conversationId ?? '', t2?.conversationId ?? '', t(3)));
      expect(b.byId.get(t2?.conversationId ?? '')).toMatchObject({ openedAt: t(0), firstResponseAt: t(2) });
    });

    it('moves the customer’s DM leg to the target when the merged case held it', () => {
      const state = makeState([makeQueue({ id: 'q1' })], [makeAgent({ id: 'a', capacity: 5 })]);
      const target = routeMention(ctxAt(state, t(0)), inThread('52', 'T1'));
      const source = routeMention(ctxAt(state, t(1)), inThread('52', 'T2'));
      applyMessageSent(ctxAt(state, t(2)), sentDm(source?.conversationId ?? '', t(2)));
      const ctx = ctxAt(state, t(3));
      applyStatusChange(ctx, merged(source?.conversationId ?? '', target?.conversationId ?? '', t(3)));
      expect(ctx.changes.updated.get(target?.conversationId ?? '')?.dmLinkedAt).toBe(t(2));
      expect(routeMention(ctxAt(state, t(4)), dmFrom('52'))?.conversationId).toBe(target?.conversationId);
    });

    it('opens a split message as a new case in the same queue with its own thread identity, once', () => {
      const a = makeAgent({ id: 'a', capacity: 5 });
      const state = makeState([makeQueue({ id: 'q1' })], [a]);
      const first = routeMention(ctxAt(state, t(0)), inThread('53', 'T1'));
      const req = {
        brandId: BRAND,
        sourceConversationId: first?.conversationId ?? '',
        customerXId: '53',
        channel: 'public' as const,
        messageXId: 'T1-second',
        priority: 50,
        language: 'en',
        openedAt: new Date(t(1)).toISOString(),
      };
      const ctx = ctxAt(state, t(2));
      const split = openSplit(ctx, req);
      expect(split).toMatchObject({
        queueId: 'q1',
        status: 'assigned',
        assigneeId: 'a',
        xConversationId: 'split:T1-second',
      });
      expect(split.id).not.toBe(first?.conversationId);
      expect(ctx.changes.opened.has(split.id)).toBe(true);
      expect(openSplit(ctxAt(state, t(3)), req).id).toBe(split.id);
      expect(a.active).toBe(2);
      // The original X thread still joins the original case.
      expect(routeMention(ctxAt(state, t(4)), inThread('53', 'T1'))?.conversationId).toBe(
        first?.conversationId,
      );
      // The thread's opening tweet (its id is the thread's id) splits into a case of its own too.
      const root = openSplit(ctxAt(state, t(5)), { ...req, messageXId: 'T1' });
      expect(root.id).not.toBe(first?.conversationId);
      expect(root.id).not.toBe(split.id);
      expect(routeMention(ctxAt(state, t(6)), inThread('53', 'T1'))?.conversationId).toBe(
        first?.conversationId,
      );
    });
  });

  describe('hard lock (issue 13 review)', () => {
    it('an agent may not take a colleague’s conversation in a hard-locked queue; a supervisor takes it over', () => {
      const a = makeAgent({ id: 'a', capacity: 2 });
      const b = makeAgent({ id: 'b', capacity: 2, status: 'away' });
      const boss = makeAgent({ id: 'boss', role: 'supervisor', capacity: 2, status: 'away' });
      const q1 = makeQueue({ id: 'q1', hardLock: true });
      const state = makeState([q1], [a, b, boss]);
      const conv = routeMention(ctxAt(state, T0), mention({ customer: '61' }));
      expect(conv).toMatchObject({ status: 'assigned', assigneeId: 'a' });
      b.status = 'online';
      const asB = { id: 'b', role: 'agent' as const };
      const id = conv?.conversationId ?? '';
      const locked = expect.objectContaining({
        code: 'FORBIDDEN',
        details: expect.objectContaining({ reason: 'CONVERSATION_LOCKED', assigneeId: 'a' }),
      });
      expect(() => manualAssign(ctxAt(state, T0), { conversationId: id, agentId: 'b', actor: asB })).toThrow(
        locked,
      );
      // Transfer and unassign stay the assignee's (or a supervisor's).
      expect(() => transfer(ctxAt(state, T0), { conversationId: id, toAgentId: 'b', actor: asB })).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ reason: 'NOT_ASSIGNEE' }) }),
      );
      expect(() => unassign(ctxAt(state, T0), { conversationId: id, actor: asB })).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ reason: 'NOT_ASSIGNEE' }) }),
      );
      expect(state.byId.get(id)?.assigneeId).toBe('a');
      // Unlocked, the same self-assign is allowed (the rule is the lock's, not a general one).
      q1.hardLock = false;
      expect(
        manualAssign(ctxAt(state, T0), { conversationId: id, agentId: 'b', actor: asB }).assigneeId,
      ).toBe('b');
      q1.hardLock = true;
      boss.status = 'online';
      expect(
        takeOver(ctxAt(state, T0), { conversationId: id, actor: { id: 'boss', role: 'supervisor' } })
          .assigneeId,
      ).toBe('boss');
    });
  });
});
