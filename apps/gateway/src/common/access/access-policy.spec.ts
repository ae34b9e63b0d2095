import type { AgentContext } from '../context/agent-context';
import { canSeeConversation, canSeeQueue, seesWholeBrand } from './access-policy';

const agent = (role: AgentContext['role']): AgentContext => ({
  kind: 'agent',
  id: 'me',
  brandId: 'brand-a',
  role,
  initials: 'AA',
  queueIds: ['q1'],
  expiresAtMs: Number.MAX_SAFE_INTEGER,
});

describe('access policy', () => {
  it('lets agents see their queues and their assignments only', () => {
    const a = agent('agent');

    expect(seesWholeBrand(a)).toBe(false);
    expect(canSeeQueue(a, 'q1')).toBe(true);
    expect(canSeeQueue(a, 'q2')).toBe(false);
    expect(canSeeConversation(a, { brandId: 'brand-a', queueId: 'q2', assigneeId: 'me' })).toBe(true);
    expect(canSeeConversation(a, { brandId: 'brand-a', queueId: 'q2', assigneeId: 'other' })).toBe(false);
  });

  it('lets supervisors and admins see their whole brand, never another', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      expect(canSeeConversation(agent(role), { brandId: 'brand-a', queueId: 'q9', assigneeId: null })).toBe(
        true,
      );
      expect(canSeeConversation(agent(role), { brandId: 'brand-b', queueId: 'q1', assigneeId: 'me' })).toBe(
        false,
      );
    }
  });
});
