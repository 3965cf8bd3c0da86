import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActionRequest, ActionUseCases, ApplicationsService, BulkActionRequest, IneligibleError } from '@awardflow/applications';
import { A, getAward } from '@awardflow/awards';
import { lockCycle } from '@awardflow/cycles';
import { Role } from '@awardflow/identity';
import { DomainError, ErrorCode } from '@awardflow/platform';
import { BatchRowDecision, FireManyResult, TransitionResult, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { CertificateTier, insertCertificate, insertCertificates, issuedCount } from './certificates.repository';

/**
 * 审定 with certificates inside the quota. Approval checks eligibility again (an organisation
 * blacklisted since it applied is not awarded) and allocates a gap-free certificate number in the
 * transition's transaction.
 */
@Injectable()
export class CertificationService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly engine: WorkflowEngine,
    private readonly useCases: ActionUseCases,
  ) {}

  onModuleInit(): void {
    this.useCases.implement('award', (r) => this.approve(r, r.action === A.approveSecondTier ? 'second' : 'award'));
    this.useCases.implementBulk('award', (r) => this.approveMany(r, r.action === A.approveSecondTier ? 'second' : 'award'));
  }

  /**
   * 审定 for many (the bulk route) in one transaction under the cycle's lock: each application the
   * action is available to is checked for eligibility as a single 审定 checks it (an ineligible one
   * is skipped with its reasons), then the whole batch against the quota: over it, nothing moves.
   */
  private async approveMany(request: BulkActionRequest, tier: CertificateTier): Promise<FireManyResult> {
    const { user, cycle } = request;
    if (user.role !== Role.Admin || !user.officeIds.includes(cycle.officeId)) throw new DomainError(ErrorCode.NotCycleOffice, { actionLabel: '审定' });
    return this.dataSource.transaction(async (m) => {
      await lockCycle(m, cycle.id);
      const quota = tier === 'award' ? cycle.quota.awards : (cycle.quota.secondTier?.count ?? 0);
      const issued = await issuedCount(m, cycle.id, tier);
      return this.engine.fireMany({
        instanceIds: request.instanceIds,
        action: request.action,
        actor: { id: user.id, role: user.role },
        comment: request.comment,
        manager: m,
        // One chunk: the quota is checked over the whole batch.
        chunkSize: request.instanceIds.length,
        prepare: async (rows, manager) => {
          const decisions = new Map<string, BatchRowDecision>();
          const eligible: Array<{ instanceId: string; applicationId: string }> = [];
          for (const row of rows) {
            const application = await this.applications.get(row.subjectId, manager);
            const failures = await this.applications.eligibilityFailures(application, cycle, manager);
            if (failures.length) {
              const refusal = new IneligibleError(failures);
              decisions.set(row.instanceId, { skip: { code: refusal.code, message: refusal.message } });
            } else eligible.push({ instanceId: row.instanceId, applicationId: application.id });
          }
          if (issued + eligible.length > quota) {
            throw new DomainError(ErrorCode.QuotaExceededByBatch, { requested: eligible.length, quota, issued, tier, tierLabel: cycle.quota.secondTier?.label });
          }
          const numbered = eligible.map((e, i) => ({ ...e, number: certificateNumber(cycle, tier, issued + i + 1) }));
          await insertCertificates(manager, cycle.id, tier, numbered);
          for (const n of numbered) decisions.set(n.instanceId, { contextPatch: { certificateNumber: n.number }, comment: request.comment ?? `证书编号 ${n.number}` });
          return decisions;
        },
      });
    });
  }

  private async approve(request: ActionRequest, tier: CertificateTier): Promise<TransitionResult> {
    const { user, cycle } = request;
    if (user.role !== Role.Admin || !user.officeIds.includes(cycle.officeId)) throw new DomainError(ErrorCode.NotCycleOffice, { actionLabel: '审定' });
    return this.dataSource.transaction(async (m) => {
      // The cycle row serialises approvals: quota and certificate numbers stay exact under concurrency.
      await lockCycle(m, cycle.id);
      const application = await this.applications.get(request.application.id, m);
      const failures = await this.applications.eligibilityFailures(application, cycle, m);
      if (failures.length) throw new IneligibleError(failures);
      const quota = tier === 'award' ? cycle.quota.awards : (cycle.quota.secondTier?.count ?? 0);
      const issued = await issuedCount(m, cycle.id, tier);
      if (issued >= quota) throw new DomainError(ErrorCode.QuotaExhausted, { quota, tier, tierLabel: cycle.quota.secondTier?.label }, { issued });
      const number = certificateNumber(cycle, tier, issued + 1);
      await insertCertificate(m, { applicationId: application.id, cycleId: cycle.id, number, tier });
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
}

function certificateNumber(cycle: { year: number; awardCode: string }, tier: CertificateTier, ordinal: number): string {
  return `${cycle.year}${getAward(cycle.awardCode).shortCode}-${tier === 'award' ? 'J' : 'T'}${String(ordinal).padStart(3, '0')}`;
}
