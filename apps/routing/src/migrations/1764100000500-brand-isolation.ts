import {
  APP_ROLE,
  createOwnerLookups,
  disableBrandIsolation,
  dropOwnerLookups,
  enableBrandIsolation,
  type OwnerLookup,
} from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every routing table, `brands` keyed by the brand id under the name `id`. */
const TABLES = [
  'queues',
  'agents',
  'agent_queues',
  'routing_rules',
  'conversations',
  'routed_mentions',
  'routing_versions',
  'routing_outbox',
  'api_keys',
  { table: 'brands', brandColumn: 'id' },
];

/**
 * The owner-run (SECURITY DEFINER) lookups for routing's cross-brand work. Each answers brand ids
 * or a yes/no, never a row: the caller then reads the brand's rows as that brand (withBrand).
 */
const FUNCTIONS: OwnerLookup[] = [
  // Login is by e-mail, unique across brands: the brand of the agent with this address.
  {
    signature: 'routing_login_brand(text)',
    returns: 'uuid',
    body: 'SELECT brand_id FROM agents WHERE lower(email) = lower($1)',
  },
  // Creating or renaming an agent: is the address taken by any other agent of any brand.
  {
    signature: 'routing_email_taken(text, uuid)',
    returns: 'boolean',
    body: 'SELECT EXISTS (SELECT 1 FROM agents WHERE lower(email) = lower($1) AND id <> $2)',
  },
  // API-key verification is by hash: the brand of the live key with this hash.
  {
    signature: 'routing_api_key_brand(bytea)',
    returns: 'uuid',
    body: 'SELECT brand_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
  },
  // The gateways' revocation list: brands with an agent whose tokens were revoked after the time.
  {
    signature: 'routing_revoked_brands(timestamptz)',
    returns: 'SETOF uuid',
    body: 'SELECT DISTINCT brand_id FROM agents WHERE tokens_valid_after > $1 ORDER BY 1',
  },
  // The outbox relay: brands with conversation.assigned events older than the interval.
  {
    signature: 'routing_outbox_brands(interval)',
    returns: 'SETOF uuid',
    body: 'SELECT DISTINCT brand_id FROM routing_outbox WHERE created_at < now() - $1 ORDER BY 1',
  },
];

/**
 * Every routing table under row-level security per brand (RELIABILITY.md "PostgreSQL and tenants"):
 * the service connects as the app role and each transaction declares its brand (BrandWriter for
 * every routing-state write, withBrand for reads and API keys). `brands` is keyed by `id`, so its
 * policy is written on that column. Cross-brand entry points (login by e-mail, e-mail uniqueness,
 * API-key verification by hash, the token-revocation list, the outbox relay) learn the brand
 * through the functions above, then continue as that brand. The SLA/waiting sweep visits only the
 * brands this instance holds in memory, each through BrandWriter, and needs none.
 */
export class BrandIsolation1764100000500 implements MigrationInterface {
  name = 'BrandIsolation1764100000500';

  async up(q: QueryRunner): Promise<void> {
    await enableBrandIsolation(q, TABLES);
    // routing_outbox.id is a bigserial: inserting draws from its sequence.
    await q.query(`GRANT USAGE ON SEQUENCE routing_outbox_id_seq TO ${APP_ROLE}`);
    await createOwnerLookups(q, FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOwnerLookups(q, FUNCTIONS);
    await q.query(`REVOKE ALL ON SEQUENCE routing_outbox_id_seq FROM ${APP_ROLE}`);
    await disableBrandIsolation(q, TABLES);
  }
}
