import { Injectable } from '@nestjs/common';
import { A, S, statesTagged } from '@awardflow/awards';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { csvStream, FieldValidationError, Page, pageOf, pageWindow, sqlCursor, sqlRows } from '@awardflow/platform';
import { WorkflowEngine } from '@awardflow/workflow';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ScoringService } from '../scoring/scoring.service';
import { RANKING_COUNT_SQL, RankedRow, RankingParams, rankingSql } from './ranking.query';

// Out of the running: they keep their score but take no place in the quota.
const OUT = statesTagged('out');

/** A ranking row as answered: the row the database ranked, without the engine's instance id. */
export type RankingRow = Omit<RankedRow, 'instanceId' | 'organizationName'> & { organizationName?: string };

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
  async ranking(cycleId: string, query: { page?: number; pageSize?: number }, user: AuthUser): Promise<Page<RankingRow>> {
    const cycle = await this.cycles.getForAdmin(cycleId, user);
    const window = pageWindow(query);
    const params = rankingParams(cycle);
    const [rows, [{ total }]] = await Promise.all([
      sqlRows<RankedRow>(this.dataSource, rankingSql('', 'LIMIT $5 OFFSET $6'), [...params, window.limit, window.offset]),
      sqlRows<{ total: number }>(this.dataSource, RANKING_COUNT_SQL, [cycle.id]),
    ]);
    return pageOf(rows.map(withoutInstance), total, window);
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

function withoutInstance({ instanceId: _, ...row }: RankedRow): RankingRow {
  return row;
}
