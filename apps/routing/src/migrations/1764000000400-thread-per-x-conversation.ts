import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5: public tweets join a conversation by X conversation id (the reply chain) and customer,
 * DMs by customer. One open conversation per customer, channel and X thread (a DM or a public
 * tweet without a conversation id has none: one per customer and channel, as before). The
 * `x_conversation_id` column existed from the start but was never filled; routing now fills it.
 */
export class ThreadPerXConversation1764000000400 implements MigrationInterface {
  name = 'ThreadPerXConversation1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX conversations_one_open_per_customer;
      CREATE UNIQUE INDEX conversations_one_open_per_thread
        ON conversations (brand_id, customer_x_id, channel, coalesce(x_conversation_id, '')) WHERE status <> 'resolved';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX conversations_one_open_per_thread;
      CREATE UNIQUE INDEX conversations_one_open_per_customer ON conversations (brand_id, customer_x_id, channel) WHERE status <> 'resolved';
    `);
  }
}
