import { CYCLE_VERSIONS_RELATION } from '@awardflow/cycles';
import { preparedRows } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { ApplicantIdentity } from '../redaction/redaction';
import { Application } from './application.entity';

/** What redaction needs of the organisation (`o`), as one JSON value: answers never show more. */
export const APPLICANT_IDENTITY_JSON = `json_build_object('id', o.id, 'name', o.name, 'uscc', o.uscc, 'address', o.address,
  'legalRepresentative', o.legal_representative, 'contact', o.contact)`;

const statements = new WeakMap<DataSource, string>();

/** Every column of the entity, from its metadata: a column added to Application is read here too. */
function statementFor(dataSource: DataSource): string {
  let sql = statements.get(dataSource);
  if (!sql) {
    const columns = dataSource.getMetadata(Application).columns.map((c) => `a.${c.databaseName} AS "${c.propertyName}"`);
    sql = `SELECT ${columns.join(', ')}, c.version AS "cycleVersion", ${APPLICANT_IDENTITY_JSON} AS "identity"
      FROM applications a JOIN ${CYCLE_VERSIONS_RELATION} c ON c.id = a.cycle_id JOIN organizations o ON o.id = a.organization_id
     WHERE a.id = $1`;
    statements.set(dataSource, sql);
  }
  return sql;
}

/**
 * The application, its cycle's row version (for CycleCache) and its applicant's identity (for
 * redaction) in one statement, through the pg pool rather than TypeORM's entity machinery (or the
 * caller's transaction, when it has one): every statement on a hot path costs a round trip.
 */
export async function applicationWithCycleVersion(
  dataSource: DataSource,
  manager: EntityManager,
  id: string,
): Promise<{ application: Application; cycleVersion: string; identity: ApplicantIdentity } | undefined> {
  const [row] = await preparedRows<Application & { cycleVersion: string; identity: ApplicantIdentity }>(manager, 'applications.with-cycle-version', statementFor(dataSource), [id]);
  if (!row) return undefined;
  const { cycleVersion, identity, ...columns } = row;
  return { application: Object.assign(new Application(), columns), cycleVersion, identity };
}
