import { Injectable } from '@nestjs/common';
import type {
  ConversationAssignedV1,
  ConversationRoutedV1,
  ConversationSplitV1,
  ConversationStatusChangedV1,
  MessageSentV1,
} from '@roost/contracts';
import { mergeFact, splitFacts } from '../data/case-facts';
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

  /** A status change with `mergedIntoId` merges the conversation into another (issue 13): its facts move there. */
  async foldStatus(batch: readonly ConversationStatusChangedV1[]): Promise<void> {
    await this.repo.fold({
      patches: batch.map(statusFacts),
      merges: batch.flatMap((e) => mergeFact(e) ?? []),
    });
  }

  /** A message split out into a new conversation (issue 13): its facts go there, both are recounted. */
  async foldSplit(batch: readonly ConversationSplitV1[]): Promise<void> {
    const facts = batch.map(splitFacts);
    await this.repo.fold({
      patches: facts.map((f) => f.patch),
      cycles: facts.map((f) => f.cycle),
      splits: facts.map((f) => f.split),
    });
  }
}
