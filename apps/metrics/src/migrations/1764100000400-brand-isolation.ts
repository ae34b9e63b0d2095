import {
  createOwnerLookups,
  disableBrandIsolation,
  dropOwnerLookups,
  enableBrandIsolation,
  type OwnerLookup,
} from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  'conversation_facts',
  'inbound_messages',
  'outbound_messages',
  'response_cycles',
  'queue_state',
  'brand_settings',
];
const FUNCTIONS: OwnerLookup[] = [
  {
    signature: 'queue_state_brands()',
    returns: 'SETOF uuid',
    body: 'SELECT DISTINCT brand_id FROM queue_state ORDER BY 1',
  },
];

/**
 * Every metrics table under row-level security per brand (RELIABILITY.md): the service connects as
 * the app role and each transaction declares its brand. The expected-wait publisher runs for every
 * brand: it learns which brands have queues through `queue_state_brands()`, which runs as its
 * owner (SECURITY DEFINER) and answers brand ids only, then reads each brand's rows as that brand.
 */
export class BrandIsolation1764100000400 implements MigrationInterface {
  name = 'BrandIsolation1764100000400';

  async up(q: QueryRunner): Promise<void> {
    await enableBrandIsolation(q, TABLES);
    await createOwnerLookups(q, FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOwnerLookups(q, FUNCTIONS);
    await disableBrandIsolation(q, TABLES);
  }
}
