import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActionRequest, ActionUseCases, ApplicationsService } from '@awardflow/applications';
import { A } from '@awardflow/awards';
import { userNames } from '@awardflow/identity';
import { FieldError, FieldValidationError } from '@awardflow/platform';
import { TransitionResult } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { setOnsiteAdjustment } from '../scoring/score.repository';
import { findingsOf, insertFinding } from './onsite-findings.repository';

const MAX_ADJUSTMENT = 100;

/**
 * 现场评审: whoever passes or fails it records what they found, and may adjust the expert score
 * (up or down, one decimal) that the ranking then uses. Finding, adjustment and transition are
 * one transaction.
 */
@Injectable()
export class OnsiteReviewService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly useCases: ActionUseCases,
    private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.useCases.implement('onsite_findings', (r) => this.record(r, r.action === A.passOnsiteReview ? 'pass' : 'fail'));
  }

  /** `mask`: the applicant-identity mask of the reader (the findings are free text). */
  async findings(applicationId: string, mask: (text: string) => string = (text) => text) {
    const rows = await findingsOf(this.dataSource, applicationId);
    const names = new Map((await userNames(this.dataSource, rows.map((r) => r.recordedBy))).map((u) => [u.id, u.displayName]));
    return rows.map((r) => ({ id: r.id, outcome: r.outcome, findings: mask(r.findings), scoreAdjustment: r.scoreAdjustment, recordedBy: names.get(r.recordedBy), createdAt: r.createdAt }));
  }

  private async record(request: ActionRequest, outcome: 'pass' | 'fail'): Promise<TransitionResult> {
    const findings = typeof request.payload?.findings === 'string' ? request.payload.findings.trim() : (request.comment ?? '').trim();
    const given = request.payload?.scoreAdjustment ?? 0;
    const adjustment = typeof given === 'number' && Number.isFinite(given) && Math.abs(given) <= MAX_ADJUSTMENT && Math.abs(given * 10 - Math.round(given * 10)) <= 1e-6 ? given : null;
    const errors: FieldError[] = [];
    if (findings.length < 2) errors.push({ field: 'payload.findings', messages: ['请填写现场评审发现（或写在意见中）'] });
    if (adjustment === null) errors.push({ field: 'payload.scoreAdjustment', messages: [`须为 -${MAX_ADJUSTMENT} 到 ${MAX_ADJUSTMENT} 之间、最多一位小数的数字`] });
    if (errors.length || adjustment === null) throw new FieldValidationError(errors);
    return this.dataSource.transaction(async (m) => {
      const result = await this.applications.fire({ ...request, comment: request.comment ?? findings }, m);
      await insertFinding(m, { applicationId: request.application.id, recordedBy: request.user.id, outcome, findings, scoreAdjustment: adjustment });
      await setOnsiteAdjustment(m, request.application.id, adjustment);
      return result;
    });
  }
}
