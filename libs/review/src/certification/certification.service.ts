import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActionRequest, ActionUseCases, ApplicationsService, BulkActionRequest, IneligibleError } from '@awardflow/applications';
import { A, formatCertificateNumber, getAward } from '@awardflow/awards';
import { Cycle, lockCycle, recognitionTerms, settleBatchValidity } from '@awardflow/cycles';
import { officeProfiles, Role } from '@awardflow/identity';
import { DomainError, ErrorCode } from '@awardflow/platform';
import { BatchRowDecision, FireManyResult, Outbox, TransitionResult, WorkflowEngine } from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { CertificateTier, insertCertificate, insertCertificates, issuedCount, takenNumbers } from './certificates.repository';

/**
 * 审定 with certificates inside the quota. Approval checks eligibility again (an organisation
 * blacklisted since it applied is not awarded) and allocates a gap-free certificate number in the
 * transition's transaction, in the cycle's format (or the award's), unique across the product; the
 * worker then prints the certificate (`certificate_issued`).
 */
@Injectable()
export class CertificationService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly engine: WorkflowEngine,
    private readonly useCases: ActionUseCases,
    private readonly outbox: Outbox,
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
      // A 名牌 batch without a period set gets it from its first 审定, for all of it.
      const batch = await settleBatchValidity(m, cycle, new Date());
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
          const numberOf = await numberer(manager, cycle, tier);
          const numbered = eligible.map((e, i) => ({ ...e, number: numberOf(issued + i + 1) }));
          await refuseTaken(manager, numbered.map((n) => n.number));
          await insertCertificates(manager, cycle.id, tier, numbered);
          for (const n of numbered) {
            await this.outbox.append(manager, 'certificate_issued', { applicationId: n.applicationId }, n.instanceId);
            decisions.set(n.instanceId, { contextPatch: { certificateNumber: n.number, ...recognitionTerms(batch, new Date()) }, comment: request.comment ?? `证书编号 ${n.number}` });
          }
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
      const batch = await settleBatchValidity(m, cycle, new Date());
      const application = await this.applications.get(request.application.id, m);
      const failures = await this.applications.eligibilityFailures(application, cycle, m);
      if (failures.length) throw new IneligibleError(failures);
      const quota = tier === 'award' ? cycle.quota.awards : (cycle.quota.secondTier?.count ?? 0);
      const issued = await issuedCount(m, cycle.id, tier);
      if (issued >= quota) throw new DomainError(ErrorCode.QuotaExhausted, { quota, tier, tierLabel: cycle.quota.secondTier?.label }, { issued });
      const number = (await numberer(m, cycle, tier))(issued + 1);
      await refuseTaken(m, [number]);
      await insertCertificate(m, { applicationId: application.id, cycleId: cycle.id, number, tier });
      await this.outbox.append(m, 'certificate_issued', { applicationId: application.id }, application.instanceId);
      return this.engine.fire({
        instanceId: application.instanceId,
        action: request.action,
        actor: { id: user.id, role: user.role },
        expectedVersion: request.expectedVersion,
        comment: request.comment ?? `证书编号 ${number}`,
        // A 名牌's batch validity, whose end and notice the recognised state's timers read.
        contextPatch: { certificateNumber: number, ...recognitionTerms(batch, new Date()) },
        manager: m,
      });
    });
  }
}

/** Numbers in the cycle's format (or the award's default), with the cycle office's division code. */
async function numberer(manager: EntityManager, cycle: Cycle, tier: CertificateTier): Promise<(ordinal: number) => string> {
  const award = getAward(cycle.awardCode);
  const [office] = await officeProfiles(manager, [cycle.officeId]);
  const format = cycle.certificateNumberFormat ?? award.certificateNumberFormat;
  return (seq) => formatCertificateNumber(format, { year: cycle.year, office: office?.divisionCode ?? '', award: award.shortCode, tier, seq });
}

/**
 * Numbers are unique across the product (a verifier looks one up without knowing the office): a
 * format that repeats another cycle's number is refused before anything is written. The unique
 * index stays the last word under a race between two offices.
 */
async function refuseTaken(manager: EntityManager, numbers: string[]): Promise<void> {
  const [taken] = await takenNumbers(manager, numbers);
  if (taken) throw new DomainError(ErrorCode.CertificateNumberTaken, { number: taken });
}
