import { Module, OnModuleInit } from '@nestjs/common';
import { ApplicantMask, ApplicationAccessPolicy, ActionUseCases, ApplicationParties, ApplicationsCoreModule, ApplicationsModule } from '@awardflow/applications';
import { CyclesCoreModule, CyclesModule } from '@awardflow/cycles';
import { IdentityCoreModule } from '@awardflow/identity';
import { AuditModule } from '@awardflow/audit';
import { CalendarCoreModule } from '@awardflow/calendar';
import { NotificationsModule, NotificationsWorkerModule } from '@awardflow/notifications';
import { WorkflowModule } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { ReviewerAccess } from './access/reviewer-access';
import { reviewerIdsOf } from './assignment/assignment.repository';
import { AssignmentController } from './assignment/assignment.controller';
import { AssignmentService } from './assignment/assignment.service';
import { ConflictsService } from './assignment/conflicts.service';
import { ReviewerViewService } from './assignment/reviewer-view.service';
import { CertificationService } from './certification/certification.service';
import { ObjectionsController } from './objections/objections.controller';
import { objectorTermsOf } from './objections/objections.repository';
import { ObjectionsService } from './objections/objections.service';
import { PublicPublicityController } from './public/public-publicity.controller';
import { PublicPublicityService } from './public/public-publicity.service';
import { ApplicationPublicityController, PublicityController } from './publicity/publicity.controller';
import { PublicityService } from './publicity/publicity.service';
import { OnsiteController } from './onsite/onsite.controller';
import { OnsiteReviewService } from './onsite/onsite.service';
import { DefenseScoreService } from './defense/defense-score.service';
import { PanelController } from './panel/panel.controller';
import { PanelService } from './panel/panel.service';
import { PoolController } from './pool/pool.controller';
import { ReviewPoolService } from './pool/pool.service';
import { RankingController } from './ranking/ranking.controller';
import { RankingService } from './ranking/ranking.service';
import { ReviewEventHandlers } from './events/review-event-handlers';
import { RevocationService } from './revocation/revocation.service';
import { ApplicationRecheckController, RechecksController } from './rechecks/rechecks.controller';
import { RechecksService } from './rechecks/rechecks.service';
import { CertificateFactsReader } from './results/certificate-facts';
import { CertificatePrinter } from './results/certificate-printer';
import { AwardDecisionController, CertificatesController, PublicResultsController } from './results/results.controller';
import { ResultsService } from './results/results.service';
import { OutsideResultsController } from './outside-results/outside-results.controller';
import { OutsideResultsService } from './outside-results/outside-results.service';
import { ExpertRemindersController } from './reminders/expert-reminders.controller';
import { ExpertRemindersService } from './reminders/expert-reminders.service';
import { FeedbackReportController } from './feedback/feedback-report.controller';
import { FeedbackReportService } from './feedback/feedback-report.service';
import { ScoringController } from './scoring/scoring.controller';
import { ScoringService } from './scoring/scoring.service';
import { StageReviewersController } from './stage-reviewers/stage-reviewers.controller';
import { StageReviewersService } from './stage-reviewers/stage-reviewers.service';

const CORE = [ReviewPoolService, AssignmentService, ScoringService];

/** Reviewers, scores, panel, ranking, 公示 (its batches, objections and public pages) and 审定 over HTTP. */
@Module({
  imports: [ApplicationsModule, CyclesModule, CalendarCoreModule, WorkflowModule, AuditModule, NotificationsModule],
  controllers: [
    PoolController,
    AssignmentController,
    ScoringController,
    StageReviewersController,
    OnsiteController,
    RankingController,
    PanelController,
    ObjectionsController,
    PublicityController,
    ApplicationPublicityController,
    PublicPublicityController,
    AwardDecisionController,
    CertificatesController,
    PublicResultsController,
    RechecksController,
    ApplicationRecheckController,
    OutsideResultsController,
    ExpertRemindersController,
    FeedbackReportController,
  ],
  providers: [
    ...CORE,
    ReviewerViewService,
    ConflictsService,
    PanelService,
    RankingService,
    ObjectionsService,
    PublicityService,
    PublicPublicityService,
    CertificationService,
    RevocationService,
    OnsiteReviewService,
    DefenseScoreService,
    StageReviewersService,
    ReviewerAccess,
    ResultsService,
    CertificateFactsReader,
    RechecksService,
    OutsideResultsService,
    ExpertRemindersService,
    FeedbackReportService,
  ],
})
export class ReviewModule implements OnModuleInit {
  constructor(
    private readonly access: ApplicationAccessPolicy,
    private readonly useCases: ActionUseCases,
    private readonly stageReviewers: StageReviewersService,
    private readonly reviewerAccess: ReviewerAccess,
    private readonly mask: ApplicantMask,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.access.addViewerRule((user, application, cycle) => this.reviewerAccess.mayView(user, application, cycle));
    this.mask.useObjectorTerms((applicationId) => objectorTermsOf(this.dataSource, applicationId));
    // The action table's finer rules for experts: named for the stage, by the cycle's office.
    this.useCases.registerScope('first_review_reviewer', (user, application, cycle) => this.stageReviewers.isNamed('formal_review', user, application, cycle));
    this.useCases.registerScope('onsite_reviewer', (user, application, cycle) => this.stageReviewers.isNamed('onsite_review', user, application, cycle));
  }
}

/** The worker's side: assignment, aggregation, reminders, escalation, eligibility gates. */
@Module({
  imports: [ApplicationsCoreModule, CyclesCoreModule, CalendarCoreModule, IdentityCoreModule, NotificationsWorkerModule, WorkflowModule, AuditModule],
  providers: [...CORE, ReviewEventHandlers, CertificateFactsReader, CertificatePrinter],
})
export class ReviewWorkerModule implements OnModuleInit {
  constructor(
    private readonly parties: ApplicationParties,
    private readonly dataSource: DataSource,
    private readonly mask: ApplicantMask,
  ) {}

  /**
   * The applications notifier's `reviewers` audience: who reviews the application, from this
   * context's assignments; and who objected, so no notice quotes an objector to anyone else.
   */
  onModuleInit(): void {
    this.parties.registerReviewers((applicationId) => reviewerIdsOf(this.dataSource, applicationId));
    this.mask.useObjectorTerms((applicationId) => objectorTermsOf(this.dataSource, applicationId));
  }
}
