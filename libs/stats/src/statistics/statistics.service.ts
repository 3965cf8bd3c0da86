import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APPLICATION_SUMMARIES_RELATION } from '@awardflow/applications';
import { AWARD_CATALOG, findAward } from '@awardflow/awards';
import { CYCLE_EDITIONS_RELATION } from '@awardflow/cycles';
import { AuthUser, managedOffices, ManagedOffice } from '@awardflow/identity';
import { ForbiddenError, NotFoundError, sqlRows } from '@awardflow/platform';
import { OUTSIDE_RESULTS_RELATION, PENDING_ASSIGNMENTS_RELATION, OPEN_OBJECTIONS_RELATION } from '@awardflow/review';
import { S, STATE_LABELS } from '@awardflow/rules';
import { DataSource } from 'typeorm';
import { SnapshotService } from '../snapshot/snapshot.service';
import { AWARD_STATES, RECOGNITION_STATES } from '../snapshot/stage-outcomes';
import { INDUSTRY_SECTIONS } from './industry-sections';
import { divisionName } from './division-name';
import { median, round } from './median';
import { StatsBreakdownRowDto, StatsDto, StatsQuery, StatsStageRowDto } from './statistics.dto';

interface DurationRow {
  stage: string;
  outcome: 'p' | 'f' | null;
  days: number;
  stays: number;
}

interface GroupRow {
  dim: 'year' | 'award' | 'office' | 'region' | 'industry' | 'state' | 'total';
  key: string | null;
  applications: number;
  drafts: number;
  awards: number;
  nominations: number;
  recognitions: number;
  total: number;
}

/**
 * Awards conferred above the office (鲁班奖, 中国质量奖, 中华老字号): their local 审定 selects a
 * nomination, not an award, so it is counted as a nomination; what the body above conferred is
 * counted from the results the office recorded (review's outside results).
 */
const CHAIN_AWARDS = AWARD_CATALOG.filter((a) => a.outsideChain).map((a) => a.code);

/** The workflow's order of states, for listing stages as an application goes through them. */
const STATE_ORDER = new Map<string, number>(Object.values(S).map((s, i) => [s, i]));

/**
 * The 质量强区 figures of an office and the offices below it. Counts, pass rates and durations are
 * aggregated in SQL over the statistics' snapshot (stats_application_counts and stats_stage_durations,
 * already grouped by office, award and year, so a few thousand rows at 100k applications); open objections and overdue reviews are counted live from review's relations.
 * The six statements run side by side on the pool (awards conferred above the office are counted live, as recorded).
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly snapshot: SnapshotService,
  ) {}

  async statistics(query: StatsQuery, admin: AuthUser): Promise<StatsDto> {
    const { office, offices } = await this.scope(query.officeId, admin);
    let info = await this.snapshot.info();
    // A deployment's first request (the worker has not rebuilt yet) gets figures, not zeros.
    if (!info.asOf) info = await this.snapshot.refresh({ wait: true });
    const ids = offices.map((o) => o.id);
    const year = query.year ?? null;
    const awardCode = query.awardCode ?? null;
    const filter = `office_id = ANY($1::uuid[]) AND ($2::int IS NULL OR year = $2) AND ($3::text IS NULL OR award_code = $3)`;
    const cycleFilter = `c.office_id = ANY($1::uuid[]) AND ($2::int IS NULL OR c.year = $2) AND ($3::text IS NULL OR c.award_code = $3)`;
    const params = [ids, year, awardCode];
    const generatedAt = new Date();
    const [groups, stages, objections, overdue, editions, outside] = await Promise.all([
      sqlRows<GroupRow>(
        this.db,
        `SELECT CASE WHEN GROUPING(year) = 0 THEN 'year' WHEN GROUPING(award_code) = 0 THEN 'award' WHEN GROUPING(office_id) = 0 THEN 'office'
                     WHEN GROUPING(region_code) = 0 THEN 'region' WHEN GROUPING(industry_section) = 0 THEN 'industry' WHEN GROUPING(state) = 0 THEN 'state' ELSE 'total' END AS dim,
                COALESCE(year::text, award_code, office_id::text, region_code, industry_section, state) AS key,
                COALESCE(sum(applications) FILTER (WHERE submitted), 0)::int AS applications,
                COALESCE(sum(applications) FILTER (WHERE NOT submitted), 0)::int AS drafts,
                COALESCE(sum(applications) FILTER (WHERE state = ANY($4::text[]) AND award_code <> ALL($6::text[])), 0)::int AS awards,
                COALESCE(sum(applications) FILTER (WHERE (state = ANY($4::text[]) OR state = ANY($5::text[])) AND award_code = ANY($6::text[])), 0)::int AS nominations,
                COALESCE(sum(applications) FILTER (WHERE state = ANY($5::text[]) AND award_code <> ALL($6::text[])), 0)::int AS recognitions,
                COALESCE(sum(applications), 0)::int AS total
           FROM stats_application_counts WHERE ${filter}
          GROUP BY GROUPING SETS ((year), (award_code), (office_id), (region_code), (industry_section), (state), ())`,
        [...params, AWARD_STATES, RECOGNITION_STATES, CHAIN_AWARDS],
      ),
      sqlRows<DurationRow>(
        this.db,
        `SELECT stage, outcome, days::float8 AS days, sum(stays)::int AS stays
           FROM stats_stage_durations WHERE ${filter} GROUP BY stage, outcome, days ORDER BY stage, days`,
        params,
      ),
      sqlRows<{ officeId: string; count: number }>(
        this.db,
        `SELECT c.office_id AS "officeId", count(*)::int AS count
           FROM ${OPEN_OBJECTIONS_RELATION} o
           JOIN ${APPLICATION_SUMMARIES_RELATION} a ON a.id = o.application_id
           JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = a.cycle_id
          WHERE ${cycleFilter} GROUP BY c.office_id`,
        params,
      ),
      sqlRows<{ officeId: string; count: number }>(
        this.db,
        `SELECT c.office_id AS "officeId", count(*)::int AS count
           FROM ${PENDING_ASSIGNMENTS_RELATION} r
           JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = r.cycle_id
          WHERE r.due_at < $4 AND ${cycleFilter} GROUP BY c.office_id`,
        [...params, generatedAt],
      ),
      sqlRows<{ year: number; awardCode: string }>(
        this.db,
        `SELECT DISTINCT year, award_code AS "awardCode" FROM ${CYCLE_EDITIONS_RELATION} c WHERE office_id = ANY($1::uuid[])`,
        [ids],
      ),
      sqlRows<{ count: number }>(
        this.db,
        `SELECT count(*)::int AS count FROM ${OUTSIDE_RESULTS_RELATION} r JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = r.cycle_id
          WHERE r.outcome = 'awarded' AND ${cycleFilter}`,
        params,
      ),
    ]);

    const row = (g: GroupRow | undefined, key: string, label: string): StatsBreakdownRowDto => ({
      key,
      label,
      applications: g?.applications ?? 0,
      awards: g?.awards ?? 0,
      recognitions: g?.recognitions ?? 0,
    });
    const of = (dim: GroupRow['dim']) => groups.filter((g) => g.dim === dim);
    const total = of('total')[0];
    const objectionsBy = new Map(objections.map((r) => [r.officeId, r.count]));
    const overdueBy = new Map(overdue.map((r) => [r.officeId, r.count]));
    const officeGroups = new Map(of('office').map((g) => [g.key, g]));
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

    return {
      asOf: info.asOf,
      generatedAt,
      office,
      year,
      awardCode,
      totals: {
        applications: total?.applications ?? 0,
        drafts: total?.drafts ?? 0,
        awards: total?.awards ?? 0,
        nominations: total?.nominations ?? 0,
        outsideAwards: outside[0]?.count ?? 0,
        recognitions: total?.recognitions ?? 0,
        openObjections: sum(objectionsBy),
        overdueReviews: sum(overdueBy),
      },
      byYear: of('year')
        .sort((a, b) => Number(a.key) - Number(b.key))
        .map((g) => row(g, g.key!, `${g.key}年`)),
      byAward: of('award')
        .map((g) => row(g, g.key!, findAward(g.key!)?.name ?? g.key!))
        .sort((a, b) => b.applications - a.applications || a.key.localeCompare(b.key)),
      byOffice: offices.map((o) => ({
        ...row(officeGroups.get(o.id), o.id, o.name),
        regionCode: o.regionCode,
        openObjections: objectionsBy.get(o.id) ?? 0,
        overdueReviews: overdueBy.get(o.id) ?? 0,
      })),
      // The division each organisation is registered in, named by the office of that division when there is one.
      byRegion: of('region')
        .sort((a, b) => a.key!.localeCompare(b.key!))
        .map((g) => row(g, g.key!, divisionName(g.key!, offices))),
      byIndustry: of('industry')
        .sort((a, b) => a.key!.localeCompare(b.key!))
        .map((g) => row(g, g.key!, `${g.key} ${INDUSTRY_SECTIONS[g.key!] ?? ''}`.trim())),
      byState: of('state')
        .sort((a, b) => (STATE_ORDER.get(a.key!) ?? 99) - (STATE_ORDER.get(b.key!) ?? 99))
        .map((g) => ({ state: g.key!, label: STATE_LABELS[g.key!] ?? g.key!, count: g.total })),
      stages: stageRows(stages),
      years: [...new Set(editions.map((e) => e.year))].sort((a, b) => b - a).map((y) => ({ value: String(y), label: `${y}年` })),
      awards: [...new Set(editions.map((e) => e.awardCode))].sort().map((code) => ({ value: code, label: findAward(code)?.name ?? code })),
    };
  }

  /** The office asked for (one the admin manages) or the admin's own top office, and every office below it. */
  private async scope(officeId: string | undefined, admin: AuthUser): Promise<{ office: ManagedOffice; offices: ManagedOffice[] }> {
    const managed = await managedOffices(this.db, admin.officeIds);
    if (!managed.length) throw new ForbiddenError('您不属于任何办公室，无法查看统计');
    if (officeId) {
      const office = managed.find((o) => o.id === officeId);
      if (!office) throw new NotFoundError('office', officeId);
      return { office, offices: await managedOffices(this.db, [officeId]) };
    }
    const ids = new Set(managed.map((o) => o.id));
    const roots = managed.filter((o) => !o.parentId || !ids.has(o.parentId));
    return { office: roots[0], offices: managed };
  }
}

/** Per stage: stays completed, passed and failed, the pass rate, and the median days (percentile_cont's, from the counted lengths). */
function stageRows(rows: DurationRow[]): StatsStageRowDto[] {
  const byStage = new Map<string, DurationRow[]>();
  for (const r of rows) byStage.set(r.stage, [...(byStage.get(r.stage) ?? []), r]);
  return [...byStage.entries()]
    .sort(([a], [b]) => (STATE_ORDER.get(a) ?? 99) - (STATE_ORDER.get(b) ?? 99))
    .map(([stage, list]) => {
      const count = (outcome?: 'p' | 'f') => list.filter((r) => outcome === undefined || r.outcome === outcome).reduce((n, r) => n + r.stays, 0);
      const passed = count('p');
      const failed = count('f');
      return {
        stage,
        label: STATE_LABELS[stage] ?? stage,
        completed: count(),
        passed,
        failed,
        passRate: passed + failed ? round(passed / (passed + failed), 4) : null,
        medianDays: median(list),
      };
    });
}
