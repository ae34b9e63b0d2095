import { disableBrandIsolation, enableBrandIsolation } from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule tags and VIP customers (issue 13). A routed mention remembers the rule that chose its queue
 * and that rule's tags (a redelivered mention re-publishes them); queues get a VIP priority boost;
 * `vip_customers` is each brand's VIP flag per customer X id as conversations announced it
 * (`customer.updated`), ordered by `changed_at`, stamped with the routing version that wrote it
 * so other instances catch up on it.
 */
export class RuleTagsVip1765100000200 implements MigrationInterface {
  name = 'RuleTagsVip1765100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routed_mentions ADD COLUMN rule_id uuid, ADD COLUMN rule_tags text[]`);
    await q.query(`
      ALTER TABLE queues ADD COLUMN vip_priority_boost int NOT NULL DEFAULT 20
        CONSTRAINT routing_valid_vip_boost CHECK (vip_priority_boost BETWEEN 0 AND 100)`);
    await q.query(`
      CREATE TABLE vip_customers (
        brand_id uuid NOT NULL,
        customer_x_id text NOT NULL,
        vip boolean NOT NULL,
        changed_at timestamptz NOT NULL,
        routing_version bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (brand_id, customer_x_id)
      )`);
    await q.query(`CREATE INDEX vip_customers_version ON vip_customers (brand_id, routing_version)`);
    await enableBrandIsolation(q, ['vip_customers']);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableBrandIsolation(q, ['vip_customers']);
    await q.query(`DROP TABLE vip_customers`);
    await q.query(`ALTER TABLE queues DROP COLUMN vip_priority_boost`);
    await q.query(`ALTER TABLE routed_mentions DROP COLUMN rule_id, DROP COLUMN rule_tags`);
  }
}
