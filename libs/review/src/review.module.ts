import { Module, OnModuleInit } from '@nestjs/common';
import { ApplicationAccessPolicy, ApplicationsCoreModule, ApplicationsModule } from '@awardflow/applications';
import { CyclesCoreModule, CyclesModule } from '@awardflow/cycles';
import { IdentityCoreModule, Role } from '@awardflow/identity';
import { NotificationsWorkerModule } from '@awardflow/notifications';
import { DataSource } from 'typeorm';
import { AssignmentService } from './assignment/assignment.service';
import { ConflictsService } from './assignment/conflicts.service';
import { ReviewerViewService } from './assignment/reviewer-view.service';
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
  providers: [...CORE, ReviewerViewService, ConflictsService, PanelService, RankingService, DecisionsService, OnsiteReviewService],
})
export class ReviewModule implements OnModuleInit {
  constructor(
    private readonly access: ApplicationAccessPolicy,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // Reviewers see what is assigned to them, and their office's applications in 形式审查 / 初审.
    // In a blind cycle an expert sees the application only through its assignment's blind view.
    this.access.addViewerRule(async (user, application, cycle) => {
      if (user.role !== Role.Reviewer) return false;
      const rows = await this.dataSource.query(
        `SELECT 1 FROM review_assignments WHERE application_id = $1 AND reviewer_id = $2 AND status IN ('assigned', 'scored') AND NOT $6::boolean
         UNION ALL SELECT 1 FROM panel_members WHERE cycle_id = $3 AND user_id = $2
         UNION ALL SELECT 1 FROM workflow_instances i WHERE i.id = $4 AND i.state IN ('formal_review', 'preliminary_review', 'onsite_review') AND $5::boolean
         LIMIT 1`,
        [application.id, user.id, cycle.id, application.instanceId, user.officeIds.includes(cycle.officeId), cycle.blindReview],
      );
      return rows.length > 0;
    });
  }
}

/** The worker's side: assignment, aggregation, reminders, escalation, eligibility gates. */
@Module({
  imports: [ApplicationsCoreModule, CyclesCoreModule, IdentityCoreModule, NotificationsWorkerModule],
  providers: [...CORE, ReviewEventHandlers],
})
export class ReviewWorkerModule {}
