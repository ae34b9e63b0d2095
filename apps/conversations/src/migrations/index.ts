import { InitialConversations1763800000100 } from './1763800000100-initial-conversations';
import { ConversationActions1763800000200 } from './1763800000200-conversation-actions';
import { AssignmentOrder1763800000300 } from './1763800000300-assignment-order';
import { AutomaticPosts1763800000400 } from './1763800000400-automatic-posts';
import { ComplianceRedaction1763800000600 } from './1763800000600-compliance-redaction';
import { BrandIsolation1764100000500 } from './1764100000500-brand-isolation';
import { Outbox1764300000200 } from './1764300000200-outbox';
import { ReconcileUnclearFailures1764500000100 } from './1764500000100-reconcile-unclear-failures';
import { WideFollowerCounts1764600000100 } from './1764600000100-wide-follower-counts';
import { SnoozeWakeUps1765100000100 } from './1765100000100-snooze-wake-ups';
import { ReplyPathDecidedAt1765100000300 } from './1765100000300-reply-path-decided-at';
import { Media1765100000400 } from './1765100000400-media';
import { CaseMerges1765100000600 } from './1765100000600-case-merges';
import { LedgerAnswerClaim1765100000750 } from './1765100000750-ledger-answer-claim';
import { AttachmentPieces1765100000760 } from './1765100000760-attachment-pieces';
import { AnnounceExistingVips1765100000800 } from './1765100000800-announce-existing-vips';

export const CONVERSATIONS_MIGRATIONS = [
  InitialConversations1763800000100,
  ConversationActions1763800000200,
  AssignmentOrder1763800000300,
  AutomaticPosts1763800000400,
  ComplianceRedaction1763800000600,
  BrandIsolation1764100000500,
  Outbox1764300000200,
  ReconcileUnclearFailures1764500000100,
  WideFollowerCounts1764600000100,
  SnoozeWakeUps1765100000100,
  ReplyPathDecidedAt1765100000300,
  Media1765100000400,
  CaseMerges1765100000600,
  LedgerAnswerClaim1765100000750,
  AttachmentPieces1765100000760,
  AnnounceExistingVips1765100000800,
];
