import type { DataSource } from 'typeorm';

/** A table of a service schema that holds brand rows but is not fully under brand isolation. */
export interface UnisolatedTable {
  schema: string;
  table: string;
  /** What it lacks: `row level security`, `force row level security`, `policy`. */
  missing: string[];
}

/**
 * Brand tables found in the catalogue, not in a list: every ordinary or partitioned table of the
 * given schemas with a `brand_id` column, or named `brands`, must have row-level security enabled,
 * forced (its owner bound too) and at least one policy. Returns those that do not, sorted.
 */
export async function unisolatedBrandTables(
  ds: DataSource,
  schemas: readonly string[],
): Promise<UnisolatedTable[]> {
  const rows = (await ds.query(
    `SELECT n.nspname AS schema, c.relname AS "table", c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
            EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS policy
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p')
        AND (c.relname = 'brands'
             OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'brand_id' AND a.attnum > 0 AND NOT a.attisdropped))
      ORDER BY 1, 2`,
    [schemas],
  )) as Array<{ schema: string; table: string; rls: boolean; forced: boolean; policy: boolean }>;

  return rows
    .map((r) => ({
      schema: r.schema,
      table: r.table,
      missing: [
        !r.rls && 'row level security',
        !r.forced && 'force row level security',
        !r.policy && 'policy',
      ].filter((m): m is string => Boolean(m)),
    }))
    .filter((r) => r.missing.length > 0);
}
