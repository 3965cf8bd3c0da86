import { Module, OnModuleInit } from '@nestjs/common';
import { stateListSql } from '@awardflow/awards';
import { ApplicationAccessPolicy, ApplicationActionHandlers, ApplicationsCoreModule, ApplicationsModule } from '@awardflow/applications';
import { CyclesCoreModule, CyclesModule } from '@awardflow/cycles';
import { IdentityCoreModule, Role } from '@awardflow/identity';
import { NotificationsWorkerModule } from '@awardflow/notifications';
import { DataSource } from 'typeorm';
import { AssignmentService } from './assignment/assignment.service';
import { ConflictsService } from './assignment/conflicts.service';
import { ReviewerViewService } from './assignment/reviewer-view.service';
import { StageReviewersService } from './assignment/stage-reviewers.service';
import { DecisionsService } from './decisions/decisions.service';
import { PanelService } from './panel/panel.service';
import { ReviewPoolService } from './pool/review-pool.service';
import { OnsiteReviewService } from './onsite/onsite-review.service';
import { RankingService } from './ranking/ranking.service';
import { ReviewEventHandlers } from './review-event-handlers';
import { CycleReviewController, ReviewsController } from './review.controller';
import { ScoringService } from './scoring/scoring.service';

const CORE = [ReviewPoolService, AssignmentService, ScoringService];

/** Reviewers, scores, panel, ranking, 公示 objections and 审定 over HTTP. */
@Module({
  imports: [ApplicationsModule, CyclesModule],
  controllers: [ReviewsController, CycleReviewController],
  providers: [...CORE, ReviewerViewService, ConflictsService, PanelService, RankingService, DecisionsService, OnsiteReviewService, StageReviewersService],
})
export class ReviewModule implements OnModuleInit {
  constructor(
    private readonly access: ApplicationAccessPolicy,
    private readonly handlers: ApplicationActionHandlers,
    private readonly stageReviewers: StageReviewersService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // Reviewers see what is assigned to them (not in a blind cycle: there only through the
    // assignment's blind view), as panel members what is before their panel now or what they
    // voted on (not the cycle's drafts or 形式审查), and an application in
    // 形式审查 / 初审 or 现场评审 only when the office named them for that stage of it.
    this.access.addViewerRule(async (user, application, cycle) => {
      if (user.role !== Role.Reviewer) return false;
      const rows = await this.dataSource.query(
        `SELECT 1 FROM review_assignments WHERE application_id = $1 AND reviewer_id = $2 AND status IN ('assigned', 'scored') AND NOT $6::boolean
         UNION ALL SELECT 1 FROM panel_members p JOIN workflow_instances i ON i.id = $4
                    WHERE p.cycle_id = $3 AND p.user_id = $2
                      AND (i.state = 'panel' OR EXISTS (SELECT 1 FROM panel_votes v WHERE v.application_id = $1 AND v.member_id = $2))
         UNION ALL SELECT 1 FROM workflow_instances i JOIN stage_reviewers s ON s.cycle_id = $3 AND s.user_id = $2
                    AND s.stage = CASE WHEN i.state = 'onsite_review' THEN 'onsite_review' ELSE 'formal_review' END
                    AND (s.application_id IS NULL OR s.application_id = $1)
                  WHERE i.id = $4 AND i.state IN (${stateListSql('reviewerVisible')}) AND $5::boolean
         LIMIT 1`,
        [application.id, user.id, cycle.id, application.instanceId, user.officeIds.includes(cycle.officeId), cycle.blindReview],
      );
      return rows.length > 0;
    });
    // The action table's finer rules for experts: named for the stage, by the cycle's office.
    this.handlers.registerScope('first_review_reviewer', (user, application, cycle) => this.stageReviewers.isNamed('formal_review', user, application, cycle));
    this.handlers.registerScope('onsite_reviewer', (user, application, cycle) => this.stageReviewers.isNamed('onsite_review', user, application, cycle));
  }
}

/** The worker's side: assignment, aggregation, reminders, escalation, eligibility gates. */
@Module({
  imports: [ApplicationsCoreModule, CyclesCoreModule, IdentityCoreModule, NotificationsWorkerModule],
  providers: [...CORE, ReviewEventHandlers],
})
export class ReviewWorkerModule {}
