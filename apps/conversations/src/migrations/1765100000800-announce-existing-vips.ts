import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing learns a customer's VIP flag only from `customer.updated` (issue 13), but `customers.vip`
 * is older than that event: customers made VIP before it would get no boost and match no `vip: true`
 * rule until someone toggled the flag. This writes one `customer.updated` (vip true, no actor, `at`
 * = the customer's `updated_at`) per VIP customer to the outbox, for every brand; the relay
 * publishes them after start (its sweep). The msg id is the one a change at that time would have
 * had, and routing applies an event no newer than the flag it holds as nothing: a rerun, or a
 * customer routing already knows, changes nothing. Nothing to undo: `down` only drops rows not yet
 * published.
 */
export class AnnounceExistingVips1765100000800 implements MigrationInterface {
  name = 'AnnounceExistingVips1765100000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO outbox (brand_id, event, msg_id, payload)
      SELECT c.brand_id, 'customer.updated',
        'customer:' || c.brand_id || ':' || c.id || ':vip:' || a.at,
        jsonb_build_object('schema', 1, 'brandId', c.brand_id, 'customerId', c.id, 'xUserId', c.x_user_id,
          'vip', true, 'actorId', NULL, 'at', a.at)
      FROM customers c
      CROSS JOIN LATERAL (SELECT to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) a
      WHERE c.vip
      ON CONFLICT (brand_id, msg_id) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE event = 'customer.updated' AND payload->>'actorId' IS NULL`);
  }
}
