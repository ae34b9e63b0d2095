import { DEMO } from '@roost/config';
import { execute, rowType, selectRows, withBrand, type Queryable } from '@roost/database';
import { Type } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../common/password';

interface DemoAgent {
  id: string;
  email: string;
  name: string;
  initials: string;
  role: 'agent' | 'supervisor' | 'admin';
  languages: string[];
  timezone: string;
  queues: Array<keyof typeof DEMO.queues>;
}

const A = (n: number): string => `0a9f2c1e-7b1d-4c55-9d3e-acbe0000a0${n.toString(16).padStart(2, '0')}`;

export const DEMO_AGENTS: DemoAgent[] = [
  {
    id: A(0),
    email: 'supervisor@acme.example',
    name: 'Sam Supervisor',
    initials: 'SS',
    role: 'supervisor',
    languages: ['en', 'es'],
    timezone: 'America/New_York',
    queues: ['careEn', 'careGlobal', 'sales'],
  },
  {
    id: A(1),
    email: 'agent1@acme.example',
    name: 'Alice Brown',
    initials: 'AB',
    role: 'agent',
    languages: ['en'],
    timezone: 'America/New_York',
    queues: ['careEn'],
  },
  {
    id: A(2),
    email: 'agent2@acme.example',
    name: 'Bruno Costa',
    initials: 'BC',
    role: 'agent',
    languages: ['en', 'pt', 'es'],
    timezone: 'America/Sao_Paulo',
    queues: ['careEn', 'careGlobal'],
  },
  {
    id: A(3),
    email: 'agent3@acme.example',
    name: 'Chloé Dubois',
    initials: 'CD',
    role: 'agent',
    languages: ['fr', 'de', 'en'],
    timezone: 'Europe/Paris',
    queues: ['careGlobal'],
  },
  {
    id: A(4),
    email: 'agent4@acme.example',
    name: 'Dae-jung Kim',
    initials: 'DK',
    role: 'agent',
    languages: ['ko', 'ja', 'zh', 'en'],
    timezone: 'Asia/Seoul',
    queues: ['careGlobal'],
  },
  {
    id: A(5),
    email: 'agent5@acme.example',
    name: 'Esha Patel',
    initials: 'EP',
    role: 'agent',
    languages: ['hi', 'en', 'ar'],
    timezone: 'Asia/Kolkata',
    queues: ['careGlobal', 'careEn'],
  },
  {
    id: A(6),
    email: 'agent6@acme.example',
    name: 'Felix Wagner',
    initials: 'FW',
    role: 'agent',
    languages: ['en', 'de'],
    timezone: 'Europe/Berlin',
    queues: ['sales'],
  },
  // Configures the brand (agents, API keys); offline with no capacity, so routing never assigns them.
  {
    id: A(7),
    email: 'admin@acme.example',
    name: 'Ada Admin',
    initials: 'AA',
    role: 'admin',
    languages: ['en'],
    timezone: 'UTC',
    queues: [],
  },
];

const BrandExistsRow = rowType('routing.demo-seed.brand-exists', { '?column?': Type.Integer() });

/** Acme's routing data: queues, rules, agents (online, for the demo). Idempotent. Written as Acme (row-level security). */
export async function seedDemo(ds: DataSource): Promise<void> {
  const b = DEMO.brandId;
  const exists = await withBrand(ds, b, (tx) =>
    selectRows(tx, BrandExistsRow, `SELECT 1 FROM brands WHERE id = $1`, [b]),
  );
  const hash = await hashPassword(DEMO.password);
  if (exists.length > 0) {
    // A demo seeded before the admin login existed gets it too.
    await withBrand(ds, b, (tx) =>
      insertAgents(
        tx,
        DEMO_AGENTS.filter((a) => a.role === 'admin'),
        hash,
      ),
    );

    return;
  }
  await withBrand(ds, b, async (tx) => {
    await execute(tx, `INSERT INTO brands (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      b,
      DEMO.brandName,
    ]);
    let i = 0;
    for (const q of Object.values(DEMO.queues)) {
      await execute(
        tx,
        `INSERT INTO queues (brand_id, id, name, team, created_at) VALUES ($1,$2,$3,$4, now() + ($5 || ' ms')::interval)
         ON CONFLICT DO NOTHING`,
        [b, q.id, q.name, q.team, String(i++)],
      );
    }
    const rules = [
      {
        name: 'Purchase intent to Sales',
        conditions: { intents: ['purchase_intent'] },
        queue: DEMO.queues.sales.id,
        boost: 10,
      },
      {
        name: 'Praise on @acme to Sales',
        conditions: { intents: ['praise'], accountRoles: ['engagement'] },
        queue: DEMO.queues.sales.id,
        boost: 0,
      },
      {
        name: 'English care',
        conditions: { languages: ['en', 'und'] },
        queue: DEMO.queues.careEn.id,
        boost: 0,
      },
      { name: 'Everything else: global care', conditions: {}, queue: DEMO.queues.careGlobal.id, boost: 0 },
    ];
    for (const [pos, r] of rules.entries()) {
      await execute(
        tx,
        `INSERT INTO routing_rules (brand_id, id, position, name, conditions, queue_id, priority_boost)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6)`,
        [b, pos, r.name, JSON.stringify(r.conditions), r.queue, r.boost],
      );
    }
    await insertAgents(tx, DEMO_AGENTS, hash);
  });
}

async function insertAgents(tx: Queryable, agents: DemoAgent[], hash: string): Promise<void> {
  const b = DEMO.brandId;
  for (const a of agents) {
    await execute(
      tx,
      `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT DO NOTHING`,
      [
        b,
        a.id,
        a.email,
        a.name,
        a.initials,
        a.role,
        hash,
        a.languages,
        a.timezone,
        a.role === 'admin' ? 'offline' : 'online',
        a.role === 'agent' ? 8 : 0,
      ],
    );
    for (const q of a.queues) {
      await execute(
        tx,
        `INSERT INTO agent_queues (brand_id, agent_id, queue_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`,
        [b, a.id, DEMO.queues[q].id],
      );
    }
  }
}
