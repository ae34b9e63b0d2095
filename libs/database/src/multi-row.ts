/**
 * Builds one multi-row statement's VALUES list and parameters. A multi-row INSERT of 100+ rows runs
 * at ~0.93x COPY, TypeORM save() one row at a time at 0.02x (PERFORMANCE.md): hot paths use this.
 */
export function valuesList(
  rows: ReadonlyArray<readonly unknown[]>,
  casts: readonly string[] = [],
): {
  sql: string;
  params: unknown[];
} {
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const slots = row.map((value, i) => {
      params.push(value);
      const cast = casts[i];

      return cast ? `$${params.length}::${cast}` : `$${params.length}`;
    });
    tuples.push(`(${slots.join(',')})`);
  }

  return { sql: tuples.join(','), params };
}

/** PostgreSQL accepts at most 65,535 parameters per statement. */
export function chunkRows<T>(rows: readonly T[], columns: number, maxParams = 60_000): T[][] {
  const size = Math.max(1, Math.floor(maxParams / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));

  return out;
}
