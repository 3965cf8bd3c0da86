import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActionRequest, ApplicationActionHandlers, ApplicationsService, Audience, audienceOf, IneligibleError, OrganizationsService, redactObjection } from '@awardflow/applications';
import { A, getAward, S } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError } from '@awardflow/platform';
import { TransitionResult, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';

export interface ObjectionInput {
  objectorName: string;
  objectorOrganization?: string;
  contactPhone: string;
  contactEmail?: string;
  content: string;
  evidence: string;
}

/**
 * 公示 objections, 审定 with certificates inside the quota, and 撤销 with a re-application ban.
 * Approval checks eligibility again (an organisation blacklisted since it applied is not
 * awarded) and allocates a gap-free certificate number in the transition's transaction.
 */
@Injectable()
export class DecisionsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly organizations: OrganizationsService,
    private readonly cycles: CyclesService,
    private readonly engine: WorkflowEngine,
    private readonly handlers: ApplicationActionHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.implement('award', (r) => this.approve(r, r.action === A.approveSecondTier ? 'second' : 'award'));
    this.handlers.implement('revoke', (r) => this.revoke(r));
  }

  async fileObjection(applicationId: string, input: ObjectionInput, user: AuthUser) {
    const application = await this.applications.get(applicationId);
    return this.dataSource.transaction(async (m) => {
      const instance = await this.engine.get(application.instanceId, m);
      if (instance.state !== S.publicity) throw new DomainError(ErrorCode.ObjectionPeriodClosed, { stateLabel: instance.stateLabel });
      const [{ id }] = await m.query(
        `INSERT INTO objections (application_id, filed_by, objector_name, objector_organization, contact_phone, contact_email, content, evidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [applicationId, user.id, input.objectorName, input.objectorOrganization ?? null, input.contactPhone, input.contactEmail ?? null, input.content, input.evidence],
      );
      // The objector is the office's alone: the chained (never rewritten) history row names no one;
      // who objected stays in the objections table, and the row's actor is redacted when read.
      await this.engine.fire({ instanceId: application.instanceId, action: A.fileObjection, actor: { id: user.id, role: user.role }, payload: { objectionId: id }, instance, manager: m });
      return { id, applicationId, status: 'open' };
    });
  }

  async resolveObjection(objectionId: string, decision: 'uphold' | 'dismiss', resolution: string, admin: AuthUser) {
    return this.dataSource.transaction(async (m) => {
      const [o] = await m.query(`SELECT o.*, a.instance_id, c.office_id FROM objections o JOIN applications a ON a.id = o.application_id JOIN cycles c ON c.id = a.cycle_id WHERE o.id = $1 FOR UPDATE OF o`, [objectionId]);
      if (!o || !admin.officeIds.includes(o.office_id)) throw new NotFoundError('objection', objectionId);
      if (o.status !== 'open') throw new DomainError(ErrorCode.ObjectionDecided, { objectionStatus: o.status });
      await m.query(`UPDATE objections SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now() WHERE id = $1`, [objectionId, decision === 'uphold' ? 'upheld' : 'dismissed', resolution, admin.id]);
      const result = await this.engine.fire({
        instanceId: o.instance_id,
        action: decision === 'uphold' ? A.upholdObjection : A.dismissObjection,
        actor: { id: admin.id, role: admin.role },
        comment: resolution,
        manager: m,
      });
      return { id: objectionId, status: decision === 'uphold' ? 'upheld' : 'dismissed', applicationState: result.to };
    });
  }

  /** The office sees objectors and allegations; everybody else that there was one, and its outcome. */
  async objections(filter: { applicationId?: string; cycleId?: string }, user: AuthUser) {
    let audience: Audience | undefined;
    if (filter.applicationId) audience = audienceOf(user, await this.applications.loadVisible(filter.applicationId, user));
    // A cycle's list concerns no one organisation: its reader is the office or nobody.
    if (filter.cycleId) audience = audienceOf(user, { application: { organizationId: '' }, cycle: await this.cycles.getForAdmin(filter.cycleId, user) });
    const rows = await this.dataSource.query(
      `SELECT o.* FROM objections o JOIN applications a ON a.id = o.application_id
        WHERE ($1::uuid IS NULL OR o.application_id = $1) AND ($2::uuid IS NULL OR a.cycle_id = $2) ORDER BY o.created_at`,
      [filter.applicationId ?? null, filter.cycleId ?? null],
    );
    return rows.map((o: Record<string, unknown>) =>
      redactObjection(audience ?? { kind: 'public', userId: user.id }, {
        id: o.id as string,
        applicationId: o.application_id as string,
        objectorName: o.objector_name as string,
        objectorOrganization: o.objector_organization as string | null,
        contactPhone: o.contact_phone as string,
        contactEmail: o.contact_email as string | null,
        content: o.content as string,
        evidence: o.evidence as string,
        status: o.status as string,
        resolution: o.resolution as string | null,
        createdAt: o.created_at as Date,
        resolvedAt: o.resolved_at as Date | null,
      }),
    );
  }

  private async approve(request: ActionRequest, tier: 'award' | 'second'): Promise<TransitionResult> {
    const { user, cycle } = request;
    if (user.role !== Role.Admin || !user.officeIds.includes(cycle.officeId)) throw new DomainError(ErrorCode.NotCycleOffice, { actionLabel: '审定' });
    return this.dataSource.transaction(async (m) => {
      // The cycle row serialises approvals: quota and certificate numbers stay exact under concurrency.
      await m.query(`SELECT 1 FROM cycles WHERE id = $1 FOR UPDATE`, [cycle.id]);
      const application = await this.applications.get(request.application.id, m);
      const failures = await this.applications.eligibilityFailures(application, cycle, m);
      if (failures.length) throw new IneligibleError(failures);
      const quota = tier === 'award' ? cycle.quota.awards : (cycle.quota.secondTier?.count ?? 0);
      const [{ issued }] = await m.query(`SELECT count(*)::int AS issued FROM certificates WHERE cycle_id = $1 AND tier = $2`, [cycle.id, tier]);
      if (issued >= quota) throw new DomainError(ErrorCode.QuotaExhausted, { quota, tier, tierLabel: cycle.quota.secondTier?.label }, { issued });
      const number = `${cycle.year}${getAward(cycle.awardCode).shortCode}-${tier === 'award' ? 'J' : 'T'}${String(issued + 1).padStart(3, '0')}`;
      await m.query(`INSERT INTO certificates (application_id, cycle_id, number, tier) VALUES ($1, $2, $3, $4)`, [application.id, cycle.id, number, tier]);
      return this.engine.fire({
        instanceId: application.instanceId,
        action: request.action,
        actor: { id: user.id, role: user.role },
        expectedVersion: request.expectedVersion,
        comment: request.comment ?? `证书编号 ${number}`,
        contextPatch: { certificateNumber: number },
        manager: m,
      });
    });
  }

  private async revoke(request: ActionRequest): Promise<TransitionResult> {
    const { user, cycle } = request;
    if (user.role !== Role.Admin || !user.officeIds.includes(cycle.officeId)) throw new DomainError(ErrorCode.NotCycleOffice, { actionLabel: '撤销' });
    const ban = request.payload?.banEditions;
    if (ban !== undefined && (!Number.isInteger(ban) || (ban as number) < 0 || (ban as number) > 10)) {
      throw new FieldValidationError([{ field: 'payload.banEditions', messages: ['须为 0–10 的整数届数'] }]);
    }
    return this.dataSource.transaction(async (m) => {
      const result = await this.engine.fire({
        instanceId: request.application.instanceId,
        action: A.revoke,
        actor: { id: user.id, role: user.role },
        expectedVersion: request.expectedVersion,
        comment: request.comment,
        payload: request.payload,
        manager: m,
      });
      await m.query(`UPDATE certificates SET number = number || '（已撤销）' WHERE application_id = $1`, [request.application.id]);
      if (ban) {
        // Editions are yearly: N editions = N years from today.
        const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
        const until = `${Number(today.slice(0, 4)) + (ban as number)}${today.slice(4)}`;
        await this.organizations.addRecord(request.application.organizationId, { kind: 'reapplication_ban', reason: `撤销${getAward(cycle.awardCode).name}：${request.comment ?? ''}`, from: today, until, awardCode: cycle.awardCode }, user, m);
      }
      return result;
    });
  }
}
