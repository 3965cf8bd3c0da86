import { CYCLE_VERSIONS_RELATION } from '@awardflow/cycles';
import { sqlRows } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from './application.entity';

const statements = new WeakMap<DataSource, string>();

/** Every column of the entity, from its metadata: a column added to Application is read here too. */
function statementFor(dataSource: DataSource): string {
  let sql = statements.get(dataSource);
  if (!sql) {
    const columns = dataSource.getMetadata(Application).columns.map((c) => `a.${c.databaseName} AS "${c.propertyName}"`);
    sql = `SELECT ${columns.join(', ')}, c.version AS "cycleVersion"
      FROM applications a JOIN ${CYCLE_VERSIONS_RELATION} c ON c.id = a.cycle_id WHERE a.id = $1`;
    statements.set(dataSource, sql);
  }
  return sql;
}

/**
 * The application and its cycle's row version (for CycleCache) in one statement, through the pg
 * pool rather than TypeORM's entity machinery (or the caller's transaction, when it has one).
 */
export async function applicationWithCycleVersion(
  dataSource: DataSource,
  manager: EntityManager,
  id: string,
): Promise<{ application: Application; cycleVersion: string } | undefined> {
  const [row] = await sqlRows<Application & { cycleVersion: string }>(manager, statementFor(dataSource), [id]);
  if (!row) return undefined;
  const { cycleVersion, ...columns } = row;
  return { application: Object.assign(new Application(), columns), cycleVersion };
}
