import { Injectable } from '@nestjs/common';
import { applicationSummaries } from '@awardflow/applications';
import { A, S, statesTagged } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { csvDocument, FieldValidationError } from '@awardflow/platform';
import { instanceStates, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { applicationScoresOfCycle } from '../scoring/score.repository';
import { ScoringService } from '../scoring/scoring.service';
import { ascendingNullsLast } from '../sorting/ascending-nulls-last';

// Out of the running: they keep their score but take no place in the quota.
const OUT = statesTagged('out');

export interface RankingRow {
  rank: number;
  applicationId: string;
  receiptNumber: string | null;
  organizationName?: string;
  /** The final score: the expert aggregate plus the 现场评审 adjustment. */
  score: number;
  aggregated: number;
  onsiteAdjustment: number;
  resultsSubtotal: number;
  reviewerCount: number;
  state: string;
  insideQuota: 'award' | 'second_tier' | null;
}

/**
 * Ranking by score (the experts' aggregate plus any 现场评审 adjustment). Ties: (1) the higher 结果 (4.7) subtotal, (2) the earlier
 * submission, (3) the lower receipt number. Applications out of the running keep their rank
 * line but no quota place; the quota counts down the rest: first the awards, then the second tier.
 */
@Injectable()
export class RankingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly scoring: ScoringService,
    private readonly engine: WorkflowEngine,
  ) {}

  async ranking(cycleId: string, user: AuthUser): Promise<RankingRow[]> {
    return (await this.ranked(cycleId, user)).map(({ instanceId: _, ...row }) => row);
  }

  private async ranked(cycleId: string, user: AuthUser): Promise<Array<RankingRow & { instanceId: string }>> {
    const cycle = await this.cycles.getForAdmin(cycleId, user);
    const scores = await applicationScoresOfCycle(this.dataSource, cycle.id);
    const applications = new Map((await applicationSummaries(this.dataSource, scores.map((s) => s.applicationId))).map((a) => [a.id, a]));
    const states = await instanceStates(this.dataSource, [...applications.values()].map((a) => a.instanceId));
    const rows = scores.map((s) => {
      const application = applications.get(s.applicationId)!;
      return { ...s, application, state: states.get(application.instanceId)! };
    });
    // Ties past score and 结果 subtotal: the earlier submission, then the lower receipt number.
    rows.sort((x, y) => y.score - x.score || y.resultsSubtotal - x.resultsSubtotal || ascendingNullsLast(x.application.submittedAt?.getTime(), y.application.submittedAt?.getTime()) || ascendingNullsLast(x.application.receiptNumber, y.application.receiptNumber));
    let awards = cycle.quota.awards;
    let second = cycle.quota.secondTier?.count ?? 0;
    return rows.map((r, i) => {
      let insideQuota: RankingRow['insideQuota'] = null;
      if (!OUT.includes(r.state)) {
        if (awards > 0) {
          insideQuota = 'award';
          awards--;
        } else if (second > 0) {
          insideQuota = 'second_tier';
          second--;
        }
      }
      return {
        rank: i + 1,
        applicationId: r.applicationId,
        instanceId: r.application.instanceId,
        receiptNumber: r.application.receiptNumber,
        organizationName: r.application.organizationName,
        score: r.score,
        aggregated: r.aggregated,
        onsiteAdjustment: r.onsiteAdjustment,
        resultsSubtotal: r.resultsSubtotal,
        reviewerCount: r.reviewerCount,
        state: r.state,
        insideQuota,
      };
    });
  }

  /** For Excel and WPS: cells that would run as formulas stay text (csvDocument). */
  async csv(cycleId: string, user: AuthUser): Promise<Buffer> {
    const rows = await this.ranking(cycleId, user);
    const quota = { award: '获奖名额内', second_tier: '提名奖名额内' } as const;
    return csvDocument([
      ['排名', '受理编号', '申报单位', '综合得分', '资料评审得分', '现场评审调整', '结果类得分', '评审专家数', '名额'],
      ...rows.map((r) => [r.rank, r.receiptNumber, r.organizationName, r.score.toFixed(2), r.aggregated.toFixed(2), r.onsiteAdjustment.toFixed(1), r.resultsSubtotal.toFixed(2), r.reviewerCount, r.insideQuota ? quota[r.insideQuota] : '名额外']),
    ]);
  }

  async recompute(cycleId: string, user: AuthUser): Promise<RankingRow[]> {
    const cycle = await this.cycles.getForAdmin(cycleId, user);
    await this.dataSource.transaction((m) => this.scoring.recompute(m, cycle));
    return this.ranking(cycleId, user);
  }

  /** 入围: the top N, or everyone at or above a score; the rest are not shortlisted. */
  async shortlist(cycleId: string, rule: { top?: number; minScore?: number }, admin: AuthUser) {
    if ((rule.top === undefined) === (rule.minScore === undefined)) throw new FieldValidationError([{ field: 'top', messages: ['请填写入围名额或入围分数线（二选一）'] }]);
    const ranking = (await this.ranked(cycleId, admin)).filter((r) => r.state === S.shortlisting);
    const inside = new Set(ranking.filter((r, i) => (rule.top !== undefined ? i < rule.top : r.score >= rule.minScore!)).map((r) => r.applicationId));
    const actor = { id: admin.id, role: admin.role };
    const moved = { shortlisted: [] as string[], notShortlisted: [] as string[] };
    for (const row of ranking) {
      const action = inside.has(row.applicationId) ? A.shortlist : A.notShortlist;
      await this.engine.fire({ instanceId: row.instanceId, action, actor, comment: inside.has(row.applicationId) ? `综合得分 ${row.score}，第 ${row.rank} 名，入围` : `综合得分 ${row.score}，未入围` });
      (inside.has(row.applicationId) ? moved.shortlisted : moved.notShortlisted).push(row.applicationId);
    }
    return moved;
  }
}
