import { Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@awardflow/audit';
import { WorkflowModule } from '@awardflow/workflow';
import { CycleHooks, CyclesCoreModule, CyclesModule } from '@awardflow/cycles';
import { IdentityCoreModule, UsersService } from '@awardflow/identity';
import { findAward } from '@awardflow/awards';
import { NotificationsWorkerModule } from '@awardflow/notifications';
import { ApplicationNotifier } from './notifications/application-notifier';
import { ApplicationParties } from './notifications/application-parties';
import { NotifyTemplateCheck } from './notifications/notify-template-check';
import { ActionRequest, ActionUseCases } from './applications/action-use-cases';
import { ApplicationAccessPolicy } from './applications/application-access.policy';
import { Application } from './applications/application.entity';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { CycleClose } from './applications/cycle-close';
import { BulkActions } from './applications/bulk-actions';
import { BulkActionsController } from './applications/bulk-actions.controller';
import { CycleCloseReconciler } from './applications/cycle-close.reconciler';
import { RecommendApplication } from './applications/recommend-application';
import { SubmissionInvariant } from './applications/submission-invariant';
import { ApplicationStateMirror } from './applications/application-state-mirror';
import { Attachment } from './attachments/attachment.entity';
import { AttachmentsService } from './attachments/attachments.service';
import { MaterialStorage } from './attachments/material-storage';
import { ApplicationFormDocument } from './documents/application-form-document';
import { ApplicantMask } from './redaction/applicant-mask';
import { Organization, OrganizationRecord } from './organizations/organization.entity';
import { ComplianceController, OrganizationsController } from './organizations/organizations.controller';
import { OrganizationsService } from './organizations/organizations.service';
import { EndorsementsController } from './endorsements/endorsements.controller';
import { EndorsementsService } from './endorsements/endorsements.service';

// The submission invariant and the state mirror in both processes: the engine checks and writes them whoever fires.
const PROVIDERS = [ApplicationsService, CycleClose, ApplicationAccessPolicy, ActionUseCases, SubmissionInvariant, ApplicationStateMirror, AttachmentsService, MaterialStorage, OrganizationsService, ApplicantMask, NotifyTemplateCheck, ApplicationParties];
const EXPORTS = [ApplicationsService, CycleClose, ApplicationAccessPolicy, ActionUseCases, AttachmentsService, MaterialStorage, OrganizationsService, ApplicantMask, ApplicationParties];

/** What an enterprise does: organisations, drafts, materials, submission; and the data eligibility needs. */
@Module({
  imports: [TypeOrmModule.forFeature([Application, Attachment, Organization, OrganizationRecord]), CyclesModule, IdentityCoreModule, WorkflowModule, AuditModule],
  controllers: [OrganizationsController, ComplianceController, ApplicationsController, BulkActionsController, EndorsementsController],
  providers: [...PROVIDERS, RecommendApplication, BulkActions, EndorsementsService, ApplicationFormDocument],
  exports: EXPORTS,
})
export class ApplicationsModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly hooks: CycleHooks,
    private readonly applications: ApplicationsService,
    private readonly useCases: ActionUseCases,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this.applications);
    // A recommender's scope names awards of the catalog (identity cannot read it: it sits below).
    this.users.recognizeAwards((code) => !!findAward(code));
  }

  /** The generic action route is served here: every use case it runs must be implemented by now. */
  onApplicationBootstrap(): void {
    this.useCases.verify();
  }
}

/** The same services without HTTP, for the worker's event handlers. */
@Module({
  imports: [TypeOrmModule.forFeature([Application, Attachment, Organization, OrganizationRecord]), CyclesCoreModule, IdentityCoreModule, WorkflowModule, AuditModule],
  providers: PROVIDERS,
  exports: EXPORTS,
})
export class ApplicationsCoreModule implements OnModuleInit {
  constructor(
    private readonly hooks: CycleHooks,
    private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this.applications);
  }
}

/** The worker's event handlers of this context: notifications to the application's parties; closes a crash left half-done. */
@Module({
  imports: [ApplicationsCoreModule, CyclesCoreModule, IdentityCoreModule, NotificationsWorkerModule, WorkflowModule],
  providers: [ApplicationNotifier, CycleCloseReconciler],
})
export class ApplicationsWorkerModule {}

export type { ActionRequest };
