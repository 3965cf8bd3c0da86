import { CYCLE_VERSIONS_RELATION } from '@awardflow/cycles';
import { preparedRows } from '@awardflow/platform';
import { INSTANCE_SNAPSHOTS_RELATION, InstanceSnapshotRow } from '@awardflow/workflow';
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
    sql = `SELECT ${columns.join(', ')}, c.version AS "cycleVersion", ${APPLICANT_IDENTITY_JSON} AS "identity", row_to_json(i) AS "instance"
      FROM applications a JOIN ${CYCLE_VERSIONS_RELATION} c ON c.id = a.cycle_id JOIN organizations o ON o.id = a.organization_id
      JOIN ${INSTANCE_SNAPSHOTS_RELATION} i ON i.id = a.instance_id
     WHERE a.id = $1`;
    statements.set(dataSource, sql);
  }
  return sql;
}

export interface ApplicationRow {
  application: Application;
  cycleVersion: string;
  identity: ApplicantIdentity;
  /** Its workflow instance's row, for `instanceSnapshotOf`. */
  instance: InstanceSnapshotRow;
}

/**
 * The application, its cycle's row version (for CycleCache), its applicant's identity (for
 * redaction) and its workflow instance in one statement, through the pg pool rather than TypeORM's
 * entity machinery (or the caller's transaction, when it has one): every statement on a hot path
 * costs a round trip, and a GET or an action reads exactly these.
 */
export async function applicationRow(dataSource: DataSource, manager: EntityManager, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await preparedRows<Application & Omit<ApplicationRow, 'application'>>(manager, 'applications.row', statementFor(dataSource), [id]);
  if (!row) return undefined;
  const { cycleVersion, identity, instance, ...columns } = row;
  return { application: Object.assign(new Application(), columns), cycleVersion, identity, instance };
}
