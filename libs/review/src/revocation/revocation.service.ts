import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActionRequest, ActionUseCases, OrganizationsService } from '@awardflow/applications';
import { A, getAward } from '@awardflow/awards';
import { Role } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError } from '@awardflow/platform';
import { TransitionResult, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { markCertificateRevoked } from '../certification/certificates.repository';

/** 撤销: the award goes, its certificate is marked revoked, and the organisation may be banned from re-applying. */
@Injectable()
export class RevocationService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly engine: WorkflowEngine,
    private readonly useCases: ActionUseCases,
  ) {}

  onModuleInit(): void {
    this.useCases.implement('revoke', (r) => this.revoke(r));
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
      await markCertificateRevoked(m, request.application.id, request.comment ?? null);
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
