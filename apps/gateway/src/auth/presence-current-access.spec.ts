import type { PresenceChangedV1 } from '@roost/contracts';
import type { BrandScope } from '../common/access/brand-scope.service';
import { liveAgent, type AgentContext } from '../common/context/agent-context';
import { ConversationLiveService } from '../conversations/conversation-live.service';
import type { PresencePubSub } from '../subscriptions/presence.pubsub';
import type { QueueUpdatesPubSub } from '../subscriptions/queue-updates.pubsub';

const BRAND = '00000000-0000-4000-8000-000000000001';
const Q1 = '00000000-0000-4000-8000-0000000000a1';
const CONV = '00000000-0000-4000-8000-0000000000c0';

/**
 * Next to current-access.int-spec.ts: presence subscriptions judge every event with the agent's
 * current access (a socket's AgentContext is liveAgent, re-read per use), not only at subscribe.
 */
describe('presence subscription, current access per event', () => {
  it('an agent removed from the conversation’s queue stops getting its presence (and a promoted one gets it)', async () => {
    let current: AgentContext = {
      kind: 'agent',
      id: 'agent-bea',
      brandId: BRAND,
      role: 'agent',
      initials: 'BE',
      queueIds: [Q1],
      expiresAtMs: Date.now() + 3_600_000,
    };
    const agent = liveAgent(() => current);
    const scope = {
      conversation: jest.fn(async () => ({ id: CONV, brandId: BRAND, queueId: Q1, assigneeId: null })),
    };
    let accept: ((e: PresenceChangedV1) => boolean) | undefined;
    const presences = {
      asyncIterableIterator: (_brandId: string, filter: (e: PresenceChangedV1) => boolean) => {
        accept = filter;

        return (async function* () {})();
      },
    };
    const service = new ConversationLiveService(
      scope as unknown as BrandScope,
      {} as QueueUpdatesPubSub,
      presences as unknown as PresencePubSub,
    );
    await service.watchPresence(agent, CONV);
    const event: PresenceChangedV1 = {
      schema: 1,
      brandId: BRAND,
      conversationId: CONV,
      agentId: 'agent-sam',
      agentInitials: 'SA',
      state: 'typing',
      at: new Date().toISOString(),
    };

    expect(accept!(event)).toBe(true);
    current = { ...current, queueIds: [] }; // removed from the queue (CurrentAccess re-read)
    expect(accept!(event)).toBe(false);
    current = { ...current, role: 'supervisor' }; // supervisors see the whole brand
    expect(accept!(event)).toBe(true);
  });
});
