import { Injectable } from '@nestjs/common';
import { A, getAward, S, statesTagged } from '@awardflow/awards';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { AuthUser, USER_NAMES_RELATION } from '@awardflow/identity';
import { csvStream, FieldValidationError, orderBySql, Page, pageOf, pageWindow, sqlCursor, sqlRows, xlsxStream } from '@awardflow/platform';
import { WorkflowEngine } from '@awardflow/workflow';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ScoringService } from '../scoring/scoring.service';
import type { AggregationRule } from '../scoring/aggregate';
import { DEFAULT_OUTLIER_SHARE, ExpertSpread, expertSpread } from './expert-spread';
import { RANKING_COUNT_SQL, RANKING_SORT_COLUMNS, RankedRow, RankingParams, rankingSql } from './ranking.query';

// Out of the running: they keep their score but take no place in the quota.
const OUT = statesTagged('out');

/** A ranking row as answered: the row the database ranked, without the engine's instance id. */
export type RankingRow = Omit<RankedRow, 'instanceId' | 'organizationName'> & { organizationName?: string } & ExpertSpread & { outlierThreshold: number };

/** One expert's total of one application, with the expert's name (the office sees its experts even in a blind cycle). */
interface ExpertScoreLine {
  applicationId: string;
  reviewerId: string;
  reviewerName: string | null;
  total: number;
}

/** The scored expert assignments of the cycle ($1), of some applications ($2) or all (NULL), grouped by application, experts by id. */
const EXPERT_TOTALS_SQL = `
  SELECT ra.application_id AS "applicationId", ra.reviewer_id AS "reviewerId", u.display_name AS "reviewerName", rs.total::float8 AS total
    FROM review_scores rs JOIN review_assignments ra ON ra.id = rs.assignment_id
    LEFT JOIN ${USER_NAMES_RELATION} u ON u.id = ra.reviewer_id
   WHERE ra.cycle_id = $1 AND ra.stage = 'expert' AND ra.status = 'scored' AND ($2::uuid[] IS NULL OR ra.application_id = ANY($2::uuid[]))
   ORDER BY ra.application_id, ra.reviewer_id`;

const TIE_BREAK_LABELS = { results_subtotal: '结果类得分', submitted_at: '提交时间', receipt_number: '受理编号' } as const;

const QUOTA_LABELS = { award: '获奖名额内', second_tier: '提名奖名额内' } as const;

/**
 * Ranking by score (the experts' aggregate plus any 现场评审 adjustment and 答辩得分). Ties: (1) the higher 结果 (4.7) subtotal, (2) the earlier
 * submission, (3) the lower receipt number. Applications out of the running keep their rank
 * line but no quota place; the quota counts down the rest: first the awards, then the second tier.
 * All of it is computed by the database (rankingSql), which answers one page at a time; the CSV
 * streams the same statement through a cursor.
 */
@Injectable()
export class RankingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly scoring: ScoringService,
    private readonly engine: WorkflowEngine,
  ) {}

  /** One page of the ranking: its rows, ranked over the whole cycle, and how many there are. */
  async ranking(cycleId: string, query: { page?: number; pageSize?: number; sort?: string }, user: AuthUser): Promise<Page<RankingRow>> {
    const cycle = await this.cycles.getForAdmin(cycleId, user);
    const window = pageWindow(query);
    const params = rankingParams(cycle);
    // A sorted page: that column, then the rank (equal scores stay in ranked order); unsorted: the rank.
    const order = orderBySql(query.sort, RANKING_SORT_COLUMNS, 'rank', 'rank');
    const [rows, [{ total }]] = await Promise.all([
      sqlRows<RankedRow>(this.dataSource, rankingSql('', 'LIMIT $5 OFFSET $6', order), [...params, window.limit, window.offset]),
      sqlRows<{ total: number }>(this.dataSource, RANKING_COUNT_SQL, [cycle.id]),
    ]);
    const threshold = outlierThreshold(cycle);
    const lines = rows.length ? await sqlRows<ExpertScoreLine>(this.dataSource, EXPERT_TOTALS_SQL, [cycle.id, rows.map((r) => r.applicationId)]) : [];
    const byApplication = new Map<string, ExpertScoreLine[]>();
    for (const l of lines) byApplication.set(l.applicationId, [...(byApplication.get(l.applicationId) ?? []), l]);
    const items = rows.map((r) => {
      const spread = spreadOf(byApplication.get(r.applicationId) ?? [], cycle.scoreAggregation as AggregationRule, threshold);
      return { ...withoutInstance(r), ...spread, outlierThreshold: threshold };
    });
    return pageOf(items, total, window);
  }

  /**
   * The ranking as an .xlsx workbook: 排名 (the CSV's columns, with 并列 and the tie-break that
   * decided each tie) and 专家评分 (every expert's total per application, in rank order, with what
   * the trimmed mean dropped, the deviation from the other experts and the 离群 flag). Each sheet
   * streams from its own cursor in batches (the second opened once the first is written), so memory
   * stays flat whatever the cycle's size.
   */
  async xlsx(cycleId: string, user: AuthUser): Promise<Readable> {
    const cycle = await this.cycles.getForAdmin(cycleId, user);
    const params = rankingParams(cycle);
    const threshold = outlierThreshold(cycle);
    const rule = cycle.scoreAggregation as AggregationRule;
    const ranking = await sqlCursor<RankedRow>(this.dataSource, rankingSql(), params);
    const experts = lazy(() =>
      sqlCursor<ExpertScoreLine & { rank: number; receiptNumber: string | null; organizationName: string }>(
        this.dataSource,
        `SELECT r.rank, r."receiptNumber", r."organizationName", e.* FROM (${rankingSql()}) r
           JOIN (${EXPERT_TOTALS_SQL.replace('$2::uuid[] IS NULL OR ra.application_id = ANY($2::uuid[])', 'true')}) e ON e."applicationId" = r."applicationId"
          ORDER BY r.rank, e."reviewerId"`,
        params,
      ),
    );
    return xlsxStream([
      {
        name: '排名',
        header: ['排名', '并列', '受理编号', '申报单位', '综合得分', '资料评审得分', '现场评审调整', '答辩得分', '结果类得分', '同分时的排序依据', '评审专家数', '名额'],
        widths: [6, 10, 16, 36, 10, 12, 12, 10, 10, 16, 10, 14],
        batches: ranking,
        toRow: (r: RankedRow) => [
          r.rank,
          r.tied ? `并列第 ${r.scoreRank}` : null,
          r.receiptNumber,
          r.organizationName,
          r.score,
          r.aggregated,
          r.onsiteAdjustment,
          r.defenseScore,
          r.resultsSubtotal,
          r.tieBreak ? TIE_BREAK_LABELS[r.tieBreak] : null,
          r.reviewerCount,
          r.insideQuota ? QUOTA_LABELS[r.insideQuota] : '名额外',
        ],
      },
      {
        name: '专家评分',
        header: ['排名', '受理编号', '申报单位', '评审专家', '专家总分', '去掉（截尾平均）', '与其他专家均值之差', '离群', '本申报分差'],
        widths: [6, 16, 36, 14, 10, 16, 18, 8, 12],
        batches: groupedByApplication(experts, rule, threshold),
        toRow: (l: ExpertLineOut) => [l.rank, l.receiptNumber, l.organizationName, l.reviewerName, l.total, l.dropped ? '去掉' : null, l.deviation, l.outlier ? `离群（>${threshold}）` : null, l.spread],
      },
    ]);
  }

  /**
   * The whole ranking as CSV for Excel and WPS (cells that would run as formulas stay text), read
   * through a cursor in batches: memory stays flat whatever the cycle's size. The caller streams it
   * to the response.
   */
  async csv(cycleId: string, user: AuthUser): Promise<Readable> {
    const cycle = await this.cycles.getForAdmin(cycleId, user);
    const batches = await sqlCursor<RankedRow>(this.dataSource, rankingSql(), rankingParams(cycle));
    return csvStream(['排名', '受理编号', '申报单位', '综合得分', '资料评审得分', '现场评审调整', '结果类得分', '评审专家数', '名额'], batches, (r) => [
      r.rank,
      r.receiptNumber,
      r.organizationName,
      r.score.toFixed(2),
      r.aggregated.toFixed(2),
      r.onsiteAdjustment.toFixed(1),
      r.resultsSubtotal.toFixed(2),
      r.reviewerCount,
      r.insideQuota ? QUOTA_LABELS[r.insideQuota] : '名额外',
    ]);
  }

  async recompute(cycleId: string, query: { page?: number; pageSize?: number }, user: AuthUser): Promise<Page<RankingRow>> {
    const cycle = await this.cycles.getForAdmin(cycleId, user);
    await this.dataSource.transaction((m) => this.scoring.recompute(m, cycle));
    return this.ranking(cycleId, query, user);
  }

  /** 入围: the top N, or everyone at or above a score; the rest are not shortlisted. */
  async shortlist(cycleId: string, rule: { top?: number; minScore?: number }, admin: AuthUser) {
    const { selected, left } = await this.selectByRank(cycleId, rule, admin, { state: S.shortlisting, pass: A.shortlist, fail: A.notShortlist, passed: '入围', failed: '未入围' });
    return { shortlisted: selected, notShortlisted: left };
  }

  /**
   * 综合评选: those waiting in it, ranked by the 综合得分 (资料评审 with the 现场评审 adjustment and a
   * scored 答辩), the top N or everyone at or above a score go to the committee; the rest are not selected.
   */
  async comprehensiveSelection(cycleId: string, rule: { top?: number; minScore?: number }, admin: AuthUser) {
    const { selected, left } = await this.selectByRank(cycleId, rule, admin, {
      state: S.comprehensiveSelection,
      pass: A.passComprehensiveSelection,
      fail: A.failComprehensiveSelection,
      passed: '综合评选入选',
      failed: '综合评选未入选',
    });
    return { selected, notSelected: left };
  }

  private async selectByRank(
    cycleId: string,
    rule: { top?: number; minScore?: number },
    admin: AuthUser,
    stage: { state: string; pass: string; fail: string; passed: string; failed: string },
  ): Promise<{ selected: string[]; left: string[] }> {
    if ((rule.top === undefined) === (rule.minScore === undefined)) throw new FieldValidationError([{ field: 'top', messages: ['请填写入围名额或入围分数线（二选一）'] }]);
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    // Every application the stage waits on is moved, so all of them are read (in rank order), not a page.
    const ranking = await sqlRows<RankedRow>(this.dataSource, rankingSql('state = $5'), [...rankingParams(cycle), stage.state]);
    const inside = new Set(ranking.filter((r, i) => (rule.top !== undefined ? i < rule.top : r.score >= rule.minScore!)).map((r) => r.applicationId));
    const actor = { id: admin.id, role: admin.role };
    const moved = { selected: [] as string[], left: [] as string[] };
    for (const row of ranking) {
      const chosen = inside.has(row.applicationId);
      await this.engine.fire({
        instanceId: row.instanceId,
        action: chosen ? stage.pass : stage.fail,
        actor,
        comment: chosen ? `综合得分 ${row.score}，第 ${row.rank} 名，${stage.passed}` : `综合得分 ${row.score}，${stage.failed}`,
      });
      (chosen ? moved.selected : moved.left).push(row.applicationId);
    }
    return moved;
  }
}

function rankingParams(cycle: Cycle): RankingParams {
  return [cycle.id, OUT, cycle.quota.awards, cycle.quota.secondTier?.count ?? 0];
}

function withoutInstance({ instanceId: _, ...row }: RankedRow): Omit<RankedRow, 'instanceId'> {
  return row;
}

/** The cycle's 离群 threshold: its own, or 15% of its rubric's maximum. */
export function outlierThreshold(cycle: Pick<Cycle, 'outlierThreshold' | 'awardCode'>): number {
  return cycle.outlierThreshold ?? Math.round(getAward(cycle.awardCode).rubric.total * DEFAULT_OUTLIER_SHARE * 10) / 10;
}

function spreadOf(lines: ExpertScoreLine[], rule: AggregationRule, threshold: number): ExpertSpread {
  const names = new Map(lines.map((l) => [l.reviewerId, l.reviewerName]));
  const spread = expertSpread(lines.map((l) => ({ reviewerId: l.reviewerId, total: l.total })), rule, threshold);
  return { ...spread, experts: spread.experts.map((e) => ({ ...e, reviewerName: names.get(e.reviewerId) ?? null })) };
}

type ExpertLineOut = ExpertScoreLine & { rank: number; receiptNumber: string | null; organizationName: string; dropped: boolean; deviation: number; outlier: boolean; spread: number };

/**
 * The expert lines in rank order, each application's together, with its spread computed once the
 * application's last line is read: one batch and one application's lines in memory at a time.
 */
function groupedByApplication(
  source: AsyncIterable<Array<ExpertScoreLine & { rank: number; receiptNumber: string | null; organizationName: string }>> & { close(): Promise<void> },
  rule: AggregationRule,
  threshold: number,
): AsyncIterable<ExpertLineOut[]> & { close(): Promise<void> } {
  async function* lines() {
    let group: Array<ExpertScoreLine & { rank: number; receiptNumber: string | null; organizationName: string }> = [];
    const flush = (): ExpertLineOut[] => {
      if (!group.length) return [];
      const s = spreadOf(group, rule, threshold);
      const out = group.map((l, i) => ({ ...l, dropped: s.experts[i].dropped, deviation: s.experts[i].deviation, outlier: s.experts[i].outlier, spread: s.spread }));
      group = [];
      return out;
    };
    for await (const batch of source) {
      const out: ExpertLineOut[] = [];
      for (const line of batch) {
        if (group.length && group[0].applicationId !== line.applicationId) out.push(...flush());
        group.push(line);
      }
      yield out;
    }
    yield flush();
  }
  const iterable = lines();
  return Object.assign(iterable, { close: () => source.close() });
}

/** A cursor opened on first use, so a later sheet holds no connection while an earlier one is written. */
function lazy<T>(open: () => Promise<AsyncIterable<T> & { close(): Promise<void> }>): AsyncIterable<T> & { close(): Promise<void> } {
  let opened: (AsyncIterable<T> & { close(): Promise<void> }) | undefined;
  return {
    async *[Symbol.asyncIterator]() {
      opened = await open();
      yield* opened;
    },
    close: async () => {
      await opened?.close();
    },
  };
}
