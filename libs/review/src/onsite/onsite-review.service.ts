import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActionRequest, ApplicationActionHandlers, ApplicationsService } from '@awardflow/applications';
import { A } from '@awardflow/awards';
import { FieldError, FieldValidationError } from '@awardflow/platform';
import { TransitionResult } from '@awardflow/workflow';
import { DataSource } from 'typeorm';

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
    private readonly handlers: ApplicationActionHandlers,
    private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.handlers.implement('onsite_findings', (r) => this.record(r, r.action === A.passOnsiteReview ? 'pass' : 'fail'));
  }

  /** `mask`: the applicant-identity mask of the reader (the findings are free text). */
  async findings(applicationId: string, mask: (text: string) => string = (text) => text) {
    const rows = await this.dataSource.query(
      `SELECT f.id, f.outcome, f.findings, f.score_adjustment, f.created_at, u.display_name FROM onsite_findings f JOIN users u ON u.id = f.recorded_by
        WHERE f.application_id = $1 ORDER BY f.created_at`,
      [applicationId],
    );
    return rows.map((r: Record<string, unknown>) => ({ id: r.id, outcome: r.outcome, findings: mask(r.findings as string), scoreAdjustment: Number(r.score_adjustment), recordedBy: r.display_name, createdAt: r.created_at }));
  }

  private async record(request: ActionRequest, outcome: 'pass' | 'fail'): Promise<TransitionResult> {
    const findings = typeof request.payload?.findings === 'string' ? request.payload.findings.trim() : (request.comment ?? '').trim();
    const adjustment = request.payload?.scoreAdjustment ?? 0;
    const errors: FieldError[] = [];
    if (findings.length < 2) errors.push({ field: 'payload.findings', messages: ['请填写现场评审发现（或写在意见中）'] });
    if (typeof adjustment !== 'number' || !Number.isFinite(adjustment) || Math.abs(adjustment) > MAX_ADJUSTMENT || Math.abs(adjustment * 10 - Math.round(adjustment * 10)) > 1e-6) {
      errors.push({ field: 'payload.scoreAdjustment', messages: [`须为 -${MAX_ADJUSTMENT} 到 ${MAX_ADJUSTMENT} 之间、最多一位小数的数字`] });
    }
    if (errors.length) throw new FieldValidationError(errors);
    return this.dataSource.transaction(async (m) => {
      const result = await this.applications.fire({ ...request, comment: request.comment ?? findings }, m);
      await m.query(`INSERT INTO onsite_findings (application_id, recorded_by, outcome, findings, score_adjustment) VALUES ($1, $2, $3, $4, $5)`, [
        request.application.id,
        request.user.id,
        outcome,
        findings,
        adjustment,
      ]);
      await m.query(`UPDATE application_scores SET onsite_adjustment = $2 WHERE application_id = $1`, [request.application.id, adjustment]);
      return result;
    });
  }
}
