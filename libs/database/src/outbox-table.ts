import type { QueryRunner } from 'typeorm';
import {
  APP_ROLE,
  createOwnerLookups,
  disableBrandIsolation,
  dropOwnerLookups,
  enableBrandIsolation,
  type OwnerLookup,
} from './brand-isolation';

/**
 * The relay's one cross-brand question: which brands have events waiting. Brand ids only (the
 * rows are then read as each brand), owner-run like every other cross-brand lookup.
 */
const OUTBOX_BRANDS: OwnerLookup = {
  signature: 'outbox_brands()',
  returns: 'SETOF uuid',
  body: 'SELECT DISTINCT brand_id FROM outbox ORDER BY 1',
};

/**
 * For a service's migration: the transactional outbox of its schema (RELIABILITY.md, "Between the
 * database and the bus"). Events are inserted in the transaction of the change they announce and
 * deleted once JetStream acknowledged them; `msg_id` is unique so that an event cannot be queued twice.
 */
export async function createOutboxTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE outbox (
      id bigserial PRIMARY KEY,
      brand_id uuid NOT NULL,
      event text NOT NULL,
      msg_id text NOT NULL,
      payload jsonb NOT NULL,
      correlation_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (brand_id, msg_id)
    )`);
  await enableBrandIsolation(q, ['outbox']);
  await q.query(`GRANT USAGE ON SEQUENCE outbox_id_seq TO ${APP_ROLE}`);
  await createOwnerLookups(q, [OUTBOX_BRANDS]);
}

export async function dropOutboxTable(q: QueryRunner): Promise<void> {
  await dropOwnerLookups(q, [OUTBOX_BRANDS]);
  await q.query(`REVOKE ALL ON SEQUENCE outbox_id_seq FROM ${APP_ROLE}`);
  await disableBrandIsolation(q, ['outbox']);
  await q.query(`DROP TABLE outbox`);
}
