import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActionRequest, ActionUseCases, ApplicationsService } from '@awardflow/applications';
import { FieldValidationError } from '@awardflow/platform';
import { TransitionResult } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { setDefenseScore } from '../scoring/score.repository';

const MAX_DEFENSE_SCORE = 100;

/** A 答辩得分: 0 to 100 with at most one decimal, or null when it is not one. */
export function defenseScoreOf(given: unknown): number | null {
  return typeof given === 'number' && Number.isFinite(given) && given >= 0 && given <= MAX_DEFENSE_SCORE && Math.abs(given * 10 - Math.round(given * 10)) <= 1e-6 ? given : null;
}

/**
 * 企业答辩 passed or failed. When the cycle's plan scores the 答辩 (`scoredDefense`), the office
 * records the experts' 答辩得分 with it, and the ranking's 综合得分 (used by 综合评选 and 审定)
 * adds it in; score and transition are one transaction. Without a scored plan a score is refused
 * rather than silently kept.
 */
@Injectable()
export class DefenseScoreService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly useCases: ActionUseCases,
    private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.useCases.implement('defense_score', (r) => this.record(r));
  }

  private async record(request: ActionRequest): Promise<TransitionResult> {
    const scored = request.cycle.stagePlan?.scoredDefense === true;
    const given = request.payload?.defenseScore;
    if (!scored) {
      if (given !== undefined) throw new FieldValidationError([{ field: 'payload.defenseScore', messages: ['本周期的企业答辩不评分'] }]);
      return this.applications.fire(request);
    }
    const score = defenseScoreOf(given);
    if (score === null) throw new FieldValidationError([{ field: 'payload.defenseScore', messages: [`请填写答辩得分：0 到 ${MAX_DEFENSE_SCORE} 之间、最多一位小数的数字`] }]);
    return this.dataSource.transaction(async (m) => {
      const result = await this.applications.fire(request, m);
      if (!(await setDefenseScore(m, request.application.id, score))) throw new FieldValidationError([{ field: 'payload.defenseScore', messages: ['该申报尚无资料评审得分，答辩得分无处计入'] }]);
      return result;
    });
  }
}
