import type { EntityManager } from 'typeorm';

/** What a context's exported read or write function needs to run SQL: a DataSource or a transaction's manager. */
export type SqlRunner = Pick<EntityManager, 'query'>;
