import { Module } from '@nestjs/common';
import { OUTBOX_PROVIDER, Outbox } from '@roost/messaging';
import { AttachmentsRepository } from './attachments.repository';
import { AutoPostsRepository } from './auto-posts.repository';
import { BrandReplyRepository } from './brand-reply.repository';
import { CaseRepository } from './case.repository';
import { ComplianceRepository } from './compliance.repository';
import { ConversationActionsRepository } from './conversation-actions.repository';
import { ConversationAssignmentRepository } from './conversation-assignment.repository';
import { ConversationRepository } from './conversation.repository';
import { CustomerRepository } from './customer.repository';
import { GuidelinesRepository } from './guidelines.repository';
import { OutboundRepository } from './outbound.repository';
import { SnoozeRepository } from './snooze.repository';
import { WaitStatusRepository } from './wait-status.repository';
import { XAccountIdsRepository } from './x-account-ids.repository';

const REPOSITORIES = [
  AttachmentsRepository,
  AutoPostsRepository,
  BrandReplyRepository,
  CaseRepository,
  ComplianceRepository,
  ConversationActionsRepository,
  ConversationAssignmentRepository,
  ConversationRepository,
  CustomerRepository,
  GuidelinesRepository,
  OutboundRepository,
  SnoozeRepository,
  WaitStatusRepository,
  XAccountIdsRepository,
];

/**
 * The repositories over this service's schema, and its outbox (events written in the transaction
 * of the change they announce): one instance each for every feature module.
 */
@Module({
  providers: [...REPOSITORIES, OUTBOX_PROVIDER],
  exports: [...REPOSITORIES, Outbox],
})
export class DataModule {}
