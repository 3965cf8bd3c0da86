import { CYCLE_OFFICES_RELATION } from '@awardflow/cycles';
import { SqlRunner, sqlRows } from '@awardflow/platform';
import { INSTANCE_STATES_RELATION } from '@awardflow/workflow';
import { ApplicantIdentity } from '../redaction/redaction';
import { Application } from './application.entity';
import { APPLICANT_IDENTITY_JSON } from './application-row';

/** Whose applications a list shows: an organisation's own, or those of the offices' cycles. */
export type ListScope = { organizationId: string } | { officeIds: string[] };

export interface ListFilters {
  cycleId?: string;
  state?: string;
  organizationId?: string;
  search?: string;
}

export interface ListedRow {
  id: string;
  cycleId: string;
  instanceId: string;
}

/** The list's order; the indexes of migration 1795562100000 hold it, so a page reads only its rows. */
function orderBy(alias: string): string {
  return `${alias}.submitted_at DESC NULLS LAST, ${alias}.created_at DESC, ${alias}.id DESC`;
}

/**
 * One page of ids in the list's order and the exact total, in one statement. The office's list
 * pages each of its cycles along the index (cycle_id, submitted_at, created_at, id) and merges
 * them, so a page reads at most (offset + page size) index entries per cycle, never the whole
 * cycle; the total counts the applications table alone, joining instances or organisations only
 * when the state or search filter needs them.
 */
export async function listPage(runner: SqlRunner, scope: ListScope, filters: ListFilters, offset: number, limit: number): Promise<{ total: number; rows: ListedRow[] }> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const joins: string[] = [];
  const where: string[] = [];
  if (filters.state) {
    joins.push(`JOIN ${INSTANCE_STATES_RELATION} i ON i.id = a.instance_id`);
    where.push(`i.state = ${param(filters.state)}`);
  }
  if (filters.search) {
    const term = param(`%${filters.search}%`);
    joins.push('JOIN organizations o ON o.id = a.organization_id');
    where.push(`(o.name ILIKE ${term} OR o.uscc ILIKE ${term} OR a.receipt_number ILIKE ${term})`);
  }
  if (filters.organizationId) where.push(`a.organization_id = ${param(filters.organizationId)}`);
  const from = `FROM applications a ${joins.join(' ')}`;
  const and = where.map((w) => ` AND ${w}`).join('');

  let sql: string;
  if ('organizationId' in scope) {
    const own = `a.organization_id = ${param(scope.organizationId)}${filters.cycleId ? ` AND a.cycle_id = ${param(filters.cycleId)}` : ''}`;
    sql = `WITH page AS (
             SELECT a.id, a.cycle_id, a.instance_id ${from} WHERE ${own}${and}
              ORDER BY ${orderBy('a')} LIMIT ${param(limit)} OFFSET ${param(offset)}
           )
           SELECT (SELECT count(*)::int ${from} WHERE ${own}${and}) AS total,
                  coalesce((SELECT json_agg(json_build_object('id', id, 'cycleId', cycle_id, 'instanceId', instance_id)) FROM page), '[]') AS rows`;
  } else {
    const cycles = `SELECT c.id FROM ${CYCLE_OFFICES_RELATION} c WHERE c.office_id = ANY(${param(scope.officeIds)}::uuid[])${filters.cycleId ? ` AND c.id = ${param(filters.cycleId)}` : ''}`;
    const window = param(offset + limit);
    sql = `WITH page AS (
             SELECT p.* FROM (${cycles}) k CROSS JOIN LATERAL (
               SELECT a.id, a.cycle_id, a.instance_id, a.submitted_at, a.created_at ${from} WHERE a.cycle_id = k.id${and}
                ORDER BY ${orderBy('a')} LIMIT ${window}
             ) p
             ORDER BY ${orderBy('p')} LIMIT ${param(limit)} OFFSET ${param(offset)}
           )
           SELECT (SELECT count(*)::int ${from} WHERE a.cycle_id IN (${cycles})${and}) AS total,
                  coalesce((SELECT json_agg(json_build_object('id', id, 'cycleId', cycle_id, 'instanceId', instance_id)) FROM page), '[]') AS rows`;
  }
  const [result] = await sqlRows<{ total: number; rows: ListedRow[] }>(runner, sql, params);
  return result;
}

export interface ListedApplication {
  application: Application;
  organization: ApplicantIdentity;
}

/** The applications and their organisations by id, in one statement. */
export async function listedApplications(runner: SqlRunner, ids: readonly string[]): Promise<Map<string, ListedApplication>> {
  if (!ids.length) return new Map();
  const rows = await sqlRows<Application & { org: ApplicantIdentity }>(
    runner,
    `SELECT a.id, a.cycle_id AS "cycleId", a.organization_id AS "organizationId", a.instance_id AS "instanceId", a.form,
            a.receipt_number AS "receiptNumber", a.submitted_at AS "submittedAt", a.created_by AS "createdBy",
            a.recommended_from_id AS "recommendedFromId", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
            ${APPLICANT_IDENTITY_JSON} AS org
       FROM applications a JOIN organizations o ON o.id = a.organization_id
      WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ org, ...application }) => [application.id, { application: Object.assign(new Application(), application), organization: org }]));
}
