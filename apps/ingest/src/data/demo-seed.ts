import { DEMO } from '@roost/config';
import { execute, withBrand } from '@roost/database';
import type { DataSource } from 'typeorm';

const RULES: Array<{ kind: string; value: string; language?: string }> = [
  { kind: 'keyword', value: 'acme' },
  { kind: 'hashtag', value: 'acme' },
  { kind: 'hashtag', value: 'acmecares' },
  { kind: 'misspelling', value: 'acmee' },
  { kind: 'misspelling', value: 'akme' },
  { kind: 'purchase_intent', value: 'where can I buy', language: 'en' },
  { kind: 'purchase_intent', value: 'thinking of getting', language: 'en' },
  { kind: 'purchase_intent', value: 'dónde comprar', language: 'es' },
  { kind: 'exclusion', value: 'is:retweet' },
];

/** Acme's accounts and listening rules, written as Acme (row-level security). Idempotent. */
export async function seedDemo(ds: DataSource): Promise<void> {
  const b = DEMO.brandId;
  await withBrand(ds, b, async (tx) => {
    await execute(tx, `INSERT INTO brands (id, name) VALUES ($1,$2) ON CONFLICT DO NOTHING`, [
      b,
      DEMO.brandName,
    ]);
    for (const a of Object.values(DEMO.accounts)) {
      await execute(
        tx,
        `INSERT INTO accounts (brand_id, id, handle, role, api_tier) VALUES ($1,$2,$3,$4,'pro') ON CONFLICT DO NOTHING`,
        [b, a.id, a.handle, a.role],
      );
    }
    for (const r of RULES) {
      await execute(
        tx,
        `INSERT INTO listening_rules (brand_id, id, kind, value, language) VALUES ($1, gen_random_uuid(), $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [b, r.kind, r.value, r.language ?? null],
      );
    }
  });
}
