import { InitialRouting1763800000000 } from './1763800000000-initial-routing';
import { ShiftsSlaWaiting1763900000000 } from './1763900000000-shifts-sla-waiting';
import { RoutingCatchUp1763900000001 } from './1763900000001-routing-catch-up';
import { AgentChannelCapacity1764000000100 } from './1764000000100-agent-channel-capacity';
import { ApiKeys1764000000200 } from './1764000000200-api-keys';
import { ReopenWindow1764000000300 } from './1764000000300-reopen-window';
import { ThreadPerXConversation1764000000400 } from './1764000000400-thread-per-x-conversation';
import { AgentAccess1764000000500 } from './1764000000500-agent-access';
import { BrandIsolation1764100000500 } from './1764100000500-brand-isolation';
import { Outbox1764300000200 } from './1764300000200-outbox';
import { ApiKeyExpiry1764400000400 } from './1764400000400-api-key-expiry';
import { QueueHardLock1765100000101 } from './1765100000101-queue-hard-lock';
import { RuleTagsVip1765100000200 } from './1765100000200-rule-tags-vip';
import { DmLeg1765100000500 } from './1765100000500-dm-leg';
import { MergedInto1765100000600 } from './1765100000600-merged-into';

/** Explicit list, in order (no globs: STYLE.md practice 19). */
export const ROUTING_MIGRATIONS = [
  InitialRouting1763800000000,
  ShiftsSlaWaiting1763900000000,
  RoutingCatchUp1763900000001,
  AgentChannelCapacity1764000000100,
  ApiKeys1764000000200,
  ReopenWindow1764000000300,
  ThreadPerXConversation1764000000400,
  AgentAccess1764000000500,
  BrandIsolation1764100000500,
  Outbox1764300000200,
  ApiKeyExpiry1764400000400,
  QueueHardLock1765100000101,
  RuleTagsVip1765100000200,
  DmLeg1765100000500,
  MergedInto1765100000600,
];
