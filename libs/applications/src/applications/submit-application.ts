import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { A, getAward, S } from '@awardflow/awards';
import { Role } from '@awardflow/identity';
import { DomainError, ErrorCode, NotFoundError } from '@awardflow/platform';
import { TransitionNotAllowedError, TransitionResult, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { ActionRequest, ApplicationActionHandlers } from './action-handlers';
import { Application } from './application.entity';
import { ApplicationsService, IneligibleError } from './applications.service';

/**
 * 提交 and 补正后重新提交: every check, the receipt number and the transition in ONE transaction,
 * under a lock on the application, so two concurrent submits cannot both pass, and a refused or
 * rolled-back submit burns no receipt number.
 */
@Injectable()
export class SubmitApplication implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly engine: WorkflowEngine,
    private readonly handlers: ApplicationActionHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(A.submit, (request) => this.run(request, S.draft));
    this.handlers.register(A.resubmit, (request) => this.run(request, S.supplementRequested));
  }

  private run(request: ActionRequest, from: string): Promise<TransitionResult> {
    const { user, cycle } = request;
    if (user.role !== Role.Applicant || user.organizationId !== request.application.organizationId) {
      throw new DomainError(ErrorCode.Forbidden, { requiredRoles: [Role.Applicant], actionLabel: '提交申报' });
    }
    return this.dataSource.transaction(async (manager) => {
      const application = await manager.findOne(Application, { where: { id: request.application.id }, lock: { mode: 'pessimistic_write' } });
      if (!application) throw new NotFoundError('application', request.application.id);
      const instance = await this.engine.get(application.instanceId, manager);
      if (request.expectedVersion !== undefined && request.expectedVersion !== instance.version) {
        throw new DomainError(ErrorCode.VersionConflict, {
          currentState: instance.state,
          currentStateLabel: instance.stateLabel,
          currentVersion: instance.version,
        });
      }
      if (instance.state !== from) throw new TransitionNotAllowedError(instance.state, request.action, [], { state: instance.stateLabel });

      const problems = await this.applications.submissionProblems(application, cycle, manager);
      if (problems.length) throw new IneligibleError(problems);

      let contextPatch: Record<string, unknown> | undefined;
      if (!application.receiptNumber) {
        const [{ last_number }] = await manager.query(
          `INSERT INTO cycle_receipt_counters (cycle_id, last_number) VALUES ($1, 1)
           ON CONFLICT (cycle_id) DO UPDATE SET last_number = cycle_receipt_counters.last_number + 1 RETURNING last_number`,
          [cycle.id],
        );
        const receiptNumber = `${cycle.year}-${getAward(cycle.awardCode).shortCode}-${String(last_number).padStart(4, '0')}`;
        await manager.update(Application, { id: application.id }, { receiptNumber, submittedAt: new Date() });
        contextPatch = { receiptNumber };
      }
      return this.engine.fire({
        instanceId: application.instanceId,
        action: request.action,
        actor: { id: user.id, role: user.role },
        comment: request.comment,
        payload: request.payload,
        contextPatch,
        instance,
        manager,
      });
    });
  }
}
