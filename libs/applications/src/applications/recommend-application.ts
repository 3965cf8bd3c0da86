import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { getAward, statesTagged } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser, parentOfficeId, Role } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, sqlAffected, sqlRows } from '@awardflow/platform';
import { WorkflowEngine } from '@awardflow/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Application, APPLICATION_SUBJECT } from './application.entity';
import { ApplicationsService } from './applications.service';

/** The states in which a district application counts as selected and may go up to the city. */
const SELECTED = statesTagged('selected');

/**
 * 推荐: a district office sends an application it selected (区长质量管理奖) into the city cycle
 * (市长质量管理奖) of its parent office. The city draft belongs to the same organisation, starts
 * from the district form and materials, and links back to the district application; the
 * enterprise completes and submits it like any other.
 */
@Injectable()
export class RecommendApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly cycles: CyclesService,
    private readonly engine: WorkflowEngine,
    private readonly audit: AuditLog,
  ) {}

  async recommend(sourceId: string, targetCycleId: string, user: AuthUser, comment?: string) {
    const { application: source, cycle: sourceCycle, instance } = await this.applications.loadVisible(sourceId, user);
    if (user.role !== Role.Admin || !user.officeIds.includes(sourceCycle.officeId)) throw new DomainError(ErrorCode.NotCycleOffice, { actionLabel: '推荐' });
    const into = getAward(sourceCycle.awardCode).recommendsInto;
    if (!into) throw new DomainError(ErrorCode.NoRecommendationTarget, { awardName: getAward(sourceCycle.awardCode).name });
    if (!SELECTED.includes(instance.state)) throw new DomainError(ErrorCode.NotSelected, { stateLabel: instance.stateLabel }, { currentState: instance.state });
    const target = await this.cycles.getOpenForApplication(targetCycleId);
    const parentId = await parentOfficeId(this.dataSource, sourceCycle.officeId);
    if (target.awardCode !== into || (target.officeId !== parentId && target.officeId !== sourceCycle.officeId)) {
      throw new FieldValidationError([{ field: 'cycleId', messages: [`须为上级评奖办公室开放申报中的${getAward(into).name}评审周期`] }]);
    }

    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const organization = await this.applications.lockOrganizationInCycle(m, target.id, source.organizationId);
      const [already] = await sqlRows<{ id: string }>(m, `SELECT id FROM applications WHERE recommended_from_id = $1`, [source.id]);
      if (already) throw new DomainError(ErrorCode.AlreadyRecommended, undefined, { applicationId: already.id });
      const started = await this.engine.start({
        definition: { code: target.definitionCode!, version: target.definitionVersion! },
        subjectType: APPLICATION_SUBJECT,
        subjectId: id,
        context: { ...this.cycles.instanceContext(target), organizationId: source.organizationId, recommendedFrom: source.id },
        actor: { id: user.id, role: user.role },
        manager: m,
      });
      await m.insert(Application, { id, cycleId: target.id, organizationId: source.organizationId, instanceId: started.id, state: started.state, organizationName: organization.name, organizationUscc: organization.uscc, form: source.form as never, createdBy: user.id, recommendedFromId: source.id });
      // The materials are stored by content hash: the city draft points at the same files.
      await sqlAffected(
        m,
        `INSERT INTO attachments (application_id, document_type, original_name, media_type, size, sha256, uploaded_by)
         SELECT $2, document_type, original_name, media_type, size, sha256, uploaded_by FROM attachments WHERE application_id = $1 AND deleted_at IS NULL`,
        [source.id, id],
      );
      await this.audit.record(
        {
          action: AuditAction.ApplicationRecommended,
          entityType: AuditEntityType.Application,
          entityId: id,
          officeIds: [sourceCycle.officeId, target.officeId],
          details: { from: source.id, fromCycle: sourceCycle.id, toCycle: target.id, comment: comment ?? null },
        },
        m,
      );
    });
    return { id, cycleId: target.id, organizationId: source.organizationId, recommendedFromId: source.id };
  }
}
