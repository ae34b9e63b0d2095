import { applyPresence, type PresenceEntry } from './use-presence';

const entry = (agentId: string, state: PresenceEntry['state']): PresenceEntry => ({
  agentId,
  agentInitials: agentId.toUpperCase(),
  state,
  at: '2026-03-10T10:00:00.000Z',
  conversationId: 'c1',
});

describe('applyPresence', () => {
  it('tracks other agents viewing and typing, and forgets them when they leave', () => {
    let others = applyPresence(new Map(), entry('bc', 'VIEWING'), 'ab');
    others = applyPresence(others, entry('cd', 'TYPING'), 'ab');
    others = applyPresence(others, entry('bc', 'TYPING'), 'ab');
    expect([...others.values()].map((p) => `${p.agentId}:${p.state}`)).toEqual(['bc:TYPING', 'cd:TYPING']);
    others = applyPresence(others, entry('cd', 'LEFT'), 'ab');
    expect([...others.keys()]).toEqual(['bc']);
  });

  it('never lists the agent themself', () => {
    expect(applyPresence(new Map(), entry('ab', 'VIEWING'), 'ab').size).toBe(0);
  });
});
