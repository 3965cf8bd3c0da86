import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActionRequest, ActionUseCases, ApplicationsService, IneligibleError } from '@awardflow/applications';
import { A, getAward } from '@awardflow/awards';
import { lockCycle } from '@awardflow/cycles';
import { Role } from '@awardflow/identity';
import { DomainError, ErrorCode } from '@awardflow/platform';
import { TransitionResult, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { CertificateTier, insertCertificate, issuedCount } from './certificates.repository';

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
      const number = `${cycle.year}${getAward(cycle.awardCode).shortCode}-${tier === 'award' ? 'J' : 'T'}${String(issued + 1).padStart(3, '0')}`;
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
