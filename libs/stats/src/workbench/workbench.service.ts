import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APPLICATION_STATE_TOTALS_RELATION, APPLICATION_SUMMARIES_RELATION, ORGANIZATION_PROFILES_RELATION } from '@awardflow/applications';
import { findAward } from '@awardflow/awards';
import { CYCLE_HEADINGS_RELATION } from '@awardflow/cycles';
import { AuthUser, managedOffices, USER_NAMES_RELATION } from '@awardflow/identity';
import { ForbiddenError, NotFoundError, sqlRows } from '@awardflow/platform';
import { OPEN_FLAGS_RELATION, OPEN_OBJECTIONS_RELATION, PENDING_ASSIGNMENT_HOLDERS_RELATION } from '@awardflow/review';
import { DEADLINE_KIND_LABELS, S, STATE_LABELS } from '@awardflow/rules';
import { PENDING_DEADLINES_RELATION } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { divisionName } from '../statistics/division-name';
import { WorkbenchCycleDto, WorkbenchDto, WorkbenchItemDto, WorkbenchListDto } from './workbench.dto';

/** How many of each list the desk shows; the total says how many more there are. */
const LIST_SIZE = 10;
/** The coming deadlines are those of the next seven days. */
const UPCOMING_DAYS = 7;
/** A dashboard of 40 district offices' running cycles stays one screenful per cycle. */
const MAX_CYCLES = 50;

const STATE_ORDER = new Map<string, number>(Object.values(S).map((s, i) => [s, i]));
const EXPERT_STAGE_LABELS: Readonly<Record<string, string>> = { expert: '资料评审', onsite: '现场评审' };

interface CycleRow {
  id: string;
  title: string;
  awardCode: string;
  status: string;
  applicationClosesAt: Date;
}
interface ItemRow extends WorkbenchItemDto {
  cycleId: string;
  total: number;
}

/**
 * The office's 工作台: per running cycle of its own offices, where its applications stand and what waits on the office
 * (late experts, objections, the week's deadlines, flags). Read live, a handful of statements
 * whatever the cycle's size: the state counts are the counters the triggers keep, and each list is
 * its ten first rows with a window count.
 */
@Injectable()
export class WorkbenchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async workbench(admin: AuthUser, cycleId?: string): Promise<WorkbenchDto> {
    if (!admin.officeIds.length) throw new ForbiddenError('您不属于任何办公室，无法查看工作台');
    // The cycles of the admin's own offices, as the application list has them: a city admin does not
    // run its 区县' cycles (it sees what they recommend up, in its own cycles). The offices below
    // name the 区县 an organisation is registered in.
    const offices = await managedOffices(this.db, admin.officeIds);
    const generatedAt = new Date();
    const cycles = await sqlRows<CycleRow>(
      this.db,
      `SELECT c.id, c.title, c.award_code AS "awardCode", c.status, c.application_closes_at AS "applicationClosesAt"
         FROM ${CYCLE_HEADINGS_RELATION} c
        WHERE c.office_id = ANY($1::uuid[]) AND c.status IN ('open', 'closed') AND ($2::uuid IS NULL OR c.id = $2)
        ORDER BY c.application_closes_at DESC, c.id LIMIT ${MAX_CYCLES}`,
      [admin.officeIds, cycleId ?? null],
    );
    if (cycleId && !cycles.length) throw new NotFoundError('cycle', cycleId);
    const ids = cycles.map((c) => c.id);
    if (!ids.length) return { generatedAt, cycles: [] };

    // Each list: the application's receipt and organisation, what and when, the cycle's total on every row.
    const list = (from: string, what: string, at: string, order: string, where = 'TRUE') =>
      sqlRows<ItemRow>(
        this.db,
        `SELECT * FROM (
           SELECT a.cycle_id AS "cycleId", a.id AS "applicationId", a.receipt_number AS "receiptNumber", o.name AS "organizationName",
                  ${what} AS what, ${at} AS at,
                  count(*) OVER (PARTITION BY a.cycle_id)::int AS total,
                  row_number() OVER (PARTITION BY a.cycle_id ORDER BY ${order}) AS n
             FROM ${from}
             JOIN ${ORGANIZATION_PROFILES_RELATION} o ON o.id = a.organization_id
            WHERE a.cycle_id = ANY($1::uuid[]) AND ${where}
         ) x WHERE n <= ${LIST_SIZE} ORDER BY "cycleId", n`,
        [ids],
      );
    const [states, districts, overdue, objections, deadlines, flags] = await Promise.all([
      sqlRows<{ cycleId: string; state: string; n: number }>(this.db, `SELECT cycle_id AS "cycleId", state, n FROM ${APPLICATION_STATE_TOTALS_RELATION} t WHERE t.cycle_id = ANY($1::uuid[]) AND n > 0`, [ids]),
      sqlRows<{ cycleId: string; regionCode: string; n: number }>(
        this.db,
        `SELECT a.cycle_id AS "cycleId", left(o.region_code, 6) AS "regionCode", count(*)::int AS n
           FROM ${APPLICATION_SUMMARIES_RELATION} a JOIN ${ORGANIZATION_PROFILES_RELATION} o ON o.id = a.organization_id
          WHERE a.cycle_id = ANY($1::uuid[]) AND a.submitted_at IS NOT NULL
          GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`,
        [ids],
      ),
      list(
        `${PENDING_ASSIGNMENT_HOLDERS_RELATION} r JOIN ${APPLICATION_SUMMARIES_RELATION} a ON a.id = r.application_id JOIN ${USER_NAMES_RELATION} u ON u.id = r.reviewer_id`,
        `u.display_name || '（' || CASE r.stage ${Object.entries(EXPERT_STAGE_LABELS).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} ELSE r.stage END || '）'`,
        'r.due_at',
        'r.due_at, r.id',
        'r.due_at < now()',
      ),
      list(`${OPEN_OBJECTIONS_RELATION} j JOIN ${APPLICATION_SUMMARIES_RELATION} a ON a.id = j.application_id`, `'公示异议待处理'`, 'j.created_at', 'j.created_at, a.id'),
      list(
        `${PENDING_DEADLINES_RELATION} d JOIN ${APPLICATION_SUMMARIES_RELATION} a ON a.instance_id = d.instance_id`,
        `CASE d.kind ${Object.entries(DEADLINE_KIND_LABELS).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} ELSE d.kind END`,
        'd.due_at',
        'd.due_at, a.id',
        `d.due_at < now() + interval '${UPCOMING_DAYS} days'`,
      ),
      list(`${OPEN_FLAGS_RELATION} f JOIN ${APPLICATION_SUMMARIES_RELATION} a ON a.id = f.application_id`, 'f.reason', 'f.created_at', 'f.created_at, a.id'),
    ]);

    const byCycle = <T extends { cycleId: string }>(rows: T[], id: string) => rows.filter((r) => r.cycleId === id);
    const listOf = (rows: ItemRow[], id: string): WorkbenchListDto => {
      const mine = byCycle(rows, id);
      return { total: mine[0]?.total ?? 0, items: mine.map(({ applicationId, receiptNumber, organizationName, what, at }) => ({ applicationId, receiptNumber, organizationName, what, at })) };
    };
    return {
      generatedAt,
      cycles: cycles.map((c): WorkbenchCycleDto => {
        const stages = byCycle(states, c.id)
          .sort((a, b) => (STATE_ORDER.get(a.state) ?? 99) - (STATE_ORDER.get(b.state) ?? 99))
          .map((s) => ({ state: s.state, label: STATE_LABELS[s.state] ?? s.state, count: s.n }));
        const drafts = stages.filter((s) => s.state === S.draft).reduce((n, s) => n + s.count, 0);
        return {
          ...c,
          awardName: findAward(c.awardCode)?.name ?? c.awardCode,
          applications: stages.reduce((n, s) => n + s.count, 0) - drafts,
          drafts,
          stages,
          districts: byCycle(districts, c.id).map((d) => ({ regionCode: d.regionCode, name: divisionName(d.regionCode, offices), count: d.n })),
          overdueReviews: listOf(overdue, c.id),
          openObjections: listOf(objections, c.id),
          upcomingDeadlines: listOf(deadlines, c.id),
          flagged: listOf(flags, c.id),
        };
      }),
    };
  }
}
