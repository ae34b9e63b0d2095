import { Injectable } from '@nestjs/common';
import type {
  ConversationAssignedV1,
  ConversationRoutedV1,
  ConversationStatusChangedV1,
  MessageSentV1,
} from '@roost/contracts';
import { assignedFacts, routedFacts, sentFacts, statusFacts } from '../data/fact-patch';
import { FactRepository } from '../data/fact.repository';

/** Folds batches of the four conversation events into per-conversation facts (reports, percentiles, staffing). */
@Injectable()
export class FactsService {
  constructor(private readonly repo: FactRepository) {}

  async foldRouted(batch: readonly ConversationRoutedV1[]): Promise<void> {
    const facts = batch.map(routedFacts);
    await this.repo.fold({
      patches: facts.map((f) => f.patch),
      inbound: facts.map((f) => f.inbound),
      snapshots: facts.map((f) => f.snapshot),
      cycles: facts.flatMap((f) => (f.cycle ? [f.cycle] : [])),
    });
  }

  async foldSent(batch: readonly MessageSentV1[]): Promise<void> {
    const facts = batch.map(sentFacts);
    await this.repo.fold({ patches: facts.map((f) => f.patch), outbound: facts.map((f) => f.outbound) });
  }

  async foldAssigned(batch: readonly ConversationAssignedV1[]): Promise<void> {
    const facts = batch.map(assignedFacts);
    await this.repo.fold({ patches: facts.map((f) => f.patch), snapshots: facts.map((f) => f.snapshot) });
  }

  async foldStatus(batch: readonly ConversationStatusChangedV1[]): Promise<void> {
    await this.repo.fold({ patches: batch.map(statusFacts) });
  }
}
