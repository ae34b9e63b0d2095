import { Type } from '@sinclair/typebox';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, initialize } from './data-source';
import { Nullable, RowShapeError, execute, rowType, selectMaybe, selectOne, selectRows } from './typed-sql';

const AgentLoad = rowType('test.agents.load', {
  id: Type.String(),
  active_count: Type.Integer(),
  followers: Type.String(), // int8 arrives as a string
  seen_at: Nullable(Type.Date()),
  languages: Type.Array(Type.String()),
});

describe('typed SQL: rows are checked against their row type on real PostgreSQL', () => {
  const env = testEnv();
  let ds: DataSource;

  beforeAll(async () => {
    ds = await initialize(
      createServiceDataSource({
        url: env.databaseUrl,
        schema: `${env.schemaPrefix}typed`,
        migrations: [],
        poolSize: 2,
        applicationName: 'typed-sql-test',
      }),
    );
    await execute(ds, `CREATE SCHEMA IF NOT EXISTS ${env.schemaPrefix}typed`);
    await execute(
      ds,
      `CREATE TABLE ${env.schemaPrefix}typed.agents (id text PRIMARY KEY, active_count int NOT NULL, followers bigint NOT NULL, seen_at timestamptz, languages text[] NOT NULL)`,
    );
    await execute(
      ds,
      `INSERT INTO ${env.schemaPrefix}typed.agents VALUES ('a', 2, 3000000000, now(), '{en,de}'), ('b', 0, 1, NULL, '{}')`,
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  const SELECT = (schema: string) =>
    `SELECT id, active_count, followers, seen_at, languages FROM ${schema}.agents ORDER BY id`;

  it('decodes rows as node-postgres returns them, typed for the caller', async () => {
    const rows = await selectRows(ds, AgentLoad, SELECT(`${env.schemaPrefix}typed`));
    expect(
      rows.map((r) => [r.id, r.active_count, r.followers, r.seen_at instanceof Date, r.languages]),
    ).toEqual([
      ['a', 2, '3000000000', true, ['en', 'de']],
      ['b', 0, '1', false, []],
    ]);
    // The type side: a column the row type does not have is a compile error, not a run-time undefined.
    // @ts-expect-error -- `activeCount` is not a column of AgentLoad
    expect(rows[0]!.activeCount).toBeUndefined();
  });

  it('a renamed column fails the query at its first test run, naming the row type and the column', async () => {
    const schema = `${env.schemaPrefix}typed`;
    await execute(ds, `ALTER TABLE ${schema}.agents RENAME COLUMN active_count TO load`);
    try {
      const renamed = `SELECT id, load, followers, seen_at, languages FROM ${schema}.agents ORDER BY id`;
      const err = await selectRows(ds, AgentLoad, renamed).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RowShapeError);
      expect((err as RowShapeError).message).toMatch(/test\.agents\.load/);
      expect((err as RowShapeError).message).toMatch(/\/active_count .*no such column/);
      // The old query itself fails in PostgreSQL, as before.
      await expect(selectRows(ds, AgentLoad, SELECT(schema))).rejects.toThrow(/active_count/);
    } finally {
      await execute(ds, `ALTER TABLE ${schema}.agents RENAME COLUMN load TO active_count`);
    }
  });

  it('a column added by a newer release (expand before contract) does not break the older code', async () => {
    const schema = `${env.schemaPrefix}typed`;
    await execute(ds, `ALTER TABLE ${schema}.agents ADD COLUMN nickname text`);
    try {
      const rows = await selectRows(ds, AgentLoad, `SELECT * FROM ${schema}.agents ORDER BY id`);
      expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    } finally {
      await execute(ds, `ALTER TABLE ${schema}.agents DROP COLUMN nickname`);
    }
  });

  it('a retyped column fails too (int -> bigint arrives as a string)', async () => {
    const schema = `${env.schemaPrefix}typed`;
    const err = await selectRows(
      ds,
      AgentLoad,
      `SELECT id, active_count::bigint AS active_count, followers, seen_at, languages FROM ${schema}.agents`,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RowShapeError);
    expect((err as Error).message).toMatch(/\/active_count .*got string/);
  });

  it('reads UPDATE … RETURNING through TypeORM ([rows, affected]) and a pg-style { rows } result', async () => {
    const schema = `${env.schemaPrefix}typed`;
    const Bumped = rowType('test.agents.bumped', { id: Type.String(), active_count: Type.Integer() });
    const rows = await selectRows(
      ds,
      Bumped,
      `UPDATE ${schema}.agents SET active_count = active_count + 1 WHERE id = $1 RETURNING id, active_count`,
      ['b'],
    );
    expect(rows).toEqual([{ id: 'b', active_count: 1 }]);
    const pgLike = { query: async () => ({ rows: [{ id: 'x', active_count: 7 }], rowCount: 1 }) };
    expect(await selectOne(pgLike, Bumped, 'SELECT 1')).toEqual({ id: 'x', active_count: 7 });
  });

  it('selectOne and selectMaybe refuse a wrong row count', async () => {
    const schema = `${env.schemaPrefix}typed`;
    const Id = rowType('test.agents.id', { id: Type.String() });
    expect(
      await selectMaybe(ds, Id, `SELECT id FROM ${schema}.agents WHERE id = $1`, ['nobody']),
    ).toBeUndefined();
    await expect(
      selectOne(ds, Id, `SELECT id FROM ${schema}.agents WHERE id = $1`, ['nobody']),
    ).rejects.toThrow(/expected one row, got none/);
    await expect(selectMaybe(ds, Id, `SELECT id FROM ${schema}.agents`)).rejects.toThrow(
      /at most one row, got 2/,
    );
  });
});
