import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: a transaction's manager, or a data source. */
export type Queryable = Pick<EntityManager, 'query'>;
