import { createOutboxTable, dropOutboxTable } from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox (libs/messaging Outbox): events committed with their change, published after. */
export class Outbox1764300000200 implements MigrationInterface {
  name = 'Outbox1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxTable(q);
  }
}
