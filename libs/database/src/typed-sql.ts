import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';

/**
 * Typed SQL: every row a query returns is checked against a row type compiled once, so a renamed,
 * dropped or retyped column fails the first test that runs the query (RowShapeError names the
 * query and the column), not a customer's request in production. TypeORM's `query<T = any>()`
 * and pg's `QueryResult<any>` only annotate: a rename compiles and fails at run time.
 *
 * Column types as node-postgres returns them: int2/int4/float → number; int8, numeric → string
 * (past 2^53); timestamptz, date → Date; jsonb → parsed JSON; arrays → arrays; NULL → null.
 */
export interface RowType<P extends TProperties> {
  readonly name: string;
  readonly schema: TObject<P>;
  /** Checks one row; throws RowShapeError. */
  check(row: unknown): Static<TObject<P>>;
}

/** The TypeScript type of a row type's rows: `type AgentLoad = RowOf<typeof AgentLoadRow>`. */
export type RowOf<R> = R extends RowType<infer P> ? Static<TObject<P>> : never;

/** A row that does not have the shape its query promised: the schema and the code disagree. */
export class RowShapeError extends Error {
  constructor(
    readonly rowType: string,
    readonly problems: readonly string[],
  ) {
    super(`rows of ${rowType} do not match their row type: ${problems.join('; ')}`);
    this.name = 'RowShapeError';
  }
}

/** `Nullable(Type.String())`: a column that may be NULL. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/**
 * A row type: the columns a query selects. Columns the row type does not name are allowed: during a
 * rolling upgrade the new release's migration may add a column while the old release still runs
 * `SELECT *` (expand, then contract), and that must not break the old release. Name it after the
 * query, e.g. `rowType('routing.agents.load', {...})`.
 */
export function rowType<P extends TProperties>(name: string, columns: P): RowType<P> {
  const schema = Type.Object(columns);
  const compiled: TypeCheck<TObject<P>> = TypeCompiler.Compile(schema);

  return {
    name,
    schema,
    check(row) {
      if (compiled.Check(row)) return row;
      const problems = [...compiled.Errors(row)]
        .slice(0, 5)
        .map((e) => `${e.path || '/'} ${e.message} (got ${describe(e.value)})`);
      throw new RowShapeError(name, problems);
    },
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'no such column';
  if (value === null) return 'NULL';
  if (value instanceof Date) return 'a Date';

  return typeof value;
}

/** What can run SQL: a TypeORM DataSource, EntityManager or QueryRunner, or a pg client or pool. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The rows of a result, whatever the caller's driver wraps them in. */
function rowsOf(result: unknown): unknown[] {
  // pg: QueryResult { rows }
  if (
    result !== null &&
    typeof result === 'object' &&
    !Array.isArray(result) &&
    Array.isArray((result as { rows?: unknown }).rows)
  ) {
    return (result as { rows: unknown[] }).rows;
  }
  // TypeORM on PostgreSQL: rows for SELECT/INSERT, [rows, affected] for UPDATE/DELETE (rows are
  // objects, never arrays, so the two cannot be confused).
  if (Array.isArray(result)) {
    if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
      return result[0] as unknown[];
    }

    return result;
  }
  throw new RowShapeError('(result)', [`not a row set: ${typeof result}`]);
}

/** Every row of the query, each checked against `row`. */
export async function selectRows<P extends TProperties>(
  q: Queryable,
  row: RowType<P>,
  sql: string,
  params: unknown[] = [],
): Promise<Array<Static<TObject<P>>>> {
  return rowsOf(await q.query(sql, params)).map((r) => row.check(r));
}

/** The one row of the query, or undefined when there is none; more than one is a bug (throws). */
export async function selectMaybe<P extends TProperties>(
  q: Queryable,
  row: RowType<P>,
  sql: string,
  params: unknown[] = [],
): Promise<Static<TObject<P>> | undefined> {
  const rows = await selectRows(q, row, sql, params);
  if (rows.length > 1) throw new RowShapeError(row.name, [`expected at most one row, got ${rows.length}`]);

  return rows[0];
}

/** The one row of the query; none or several is a bug (throws). */
export async function selectOne<P extends TProperties>(
  q: Queryable,
  row: RowType<P>,
  sql: string,
  params: unknown[] = [],
): Promise<Static<TObject<P>>> {
  const found = await selectMaybe(q, row, sql, params);
  if (found === undefined) throw new RowShapeError(row.name, ['expected one row, got none']);

  return found;
}

/** A statement whose rows, if any, the caller does not read (INSERT, UPDATE, DELETE, DDL). */
export async function execute(q: Queryable, sql: string, params: unknown[] = []): Promise<void> {
  await q.query(sql, params);
}
