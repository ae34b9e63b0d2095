import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/**
 * Every Prometheus metric of conversations, on the service's Registry (its /metrics). Names, help
 * texts and labels are what dashboards and deploy/prometheus read: change them here only with those.
 */
@Injectable()
export class ConversationsMetrics {
  /** RoutedMentionsService: inbound messages stored. */
  readonly messagesStored: Counter;
  /** BrandRepliesService: the brand's replies seen on X, by what became of them. */
  readonly brandReplies: Counter<'result'>;
  /** ComplianceService: rows redacted for X compliance, by event kind and what was redacted. */
  readonly complianceRedactions: Counter<'kind' | 'what'>;

  constructor(registry: Registry) {
    this.messagesStored = new Counter({
      name: 'roost_conversations_messages_stored_total',
      help: 'Inbound messages stored',
      registers: [registry],
    });
    this.brandReplies = new Counter({
      name: 'roost_conversations_brand_replies_total',
      help: 'Brand replies seen on X, by what became of them',
      labelNames: ['result'],
      registers: [registry],
    });
    this.complianceRedactions = new Counter({
      name: 'roost_conversations_compliance_redactions_total',
      help: 'Rows redacted for X compliance, by event kind and what was redacted',
      labelNames: ['kind', 'what'],
      registers: [registry],
    });
  }
}
