import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@awardflow/applications';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { getAward } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { AppConfigService, ConflictError, ForbiddenError } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { renderFeedbackReportPdf } from './feedback-report-pdf';
import { FeedbackReleaseDto, FeedbackReportDto, FeedbackStatusDto } from './feedback-report.dto';
import { expertSheetsOf, recordRelease, releaseOf } from './feedback-report.repository';

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The experts' 反馈报告 (GB/Z 19579: per category 优势 and 改进机会) for the enterprise that
 * applied, once the office has released it for the cycle; the office's own staff may read it
 * before, to check it. Experts are never named (the texts are read without who wrote them).
 */
@Injectable()
export class FeedbackReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly cycles: CyclesService,
    private readonly audit: AuditLog,
    private readonly config: AppConfigService,
  ) {}

  async releaseState(cycleId: string, admin: AuthUser): Promise<FeedbackReleaseDto> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    return { cycleId: cycle.id, releasedAt: (await releaseOf(this.dataSource, cycle.id))?.releasedAt ?? null };
  }

  /** Releases the cycle's reports to its enterprises (once; a second release answers the first). Audited. */
  async release(cycleId: string, admin: AuthUser): Promise<FeedbackReleaseDto> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    if (cycle.status === 'draft') throw new ConflictError('本届评奖尚未开始申报，没有可发布的反馈报告');
    await this.dataSource.transaction(async (m) => {
      if (await recordRelease(m, cycle.id, admin.id)) {
        await this.audit.record({ action: AuditAction.FeedbackReportReleased, entityType: AuditEntityType.Cycle, entityId: cycle.id, officeIds: [cycle.officeId], after: { feedbackReportReleased: true } }, m);
      }
    });
    return { cycleId: cycle.id, releasedAt: (await releaseOf(this.dataSource, cycle.id))!.releasedAt };
  }

  /** Whether the caller may read the report now, and if not why (so the page asks without being refused). */
  async status(applicationId: string, user: AuthUser): Promise<FeedbackStatusDto> {
    const { application, cycle } = await this.applications.loadVisible(applicationId, user);
    const release = await releaseOf(this.dataSource, cycle.id);
    const officeStaff = user.role === Role.Admin && user.officeIds.includes(cycle.officeId);
    // An admin above or beside the office sees the application but has no report to read here.
    if (user.role !== Role.Applicant && !officeStaff) return { cycleId: cycle.id, scored: false, releasedAt: release?.releasedAt ?? null, available: false };
    const scored = (await expertSheetsOf(this.dataSource, application.id)).length > 0;
    return { cycleId: cycle.id, scored, releasedAt: release?.releasedAt ?? null, available: scored && (!!release || officeStaff) };
  }

  /** The enterprise itself or the cycle's office; anyone else is refused (experts above all: the report is about them). */
  private async readable(applicationId: string, user: AuthUser) {
    const loaded = await this.applications.loadVisible(applicationId, user);
    const officeStaff = user.role === Role.Admin && user.officeIds.includes(loaded.cycle.officeId);
    if (user.role !== Role.Applicant && !officeStaff) throw new ForbiddenError('反馈报告仅供申报单位和本届评奖办公室查看');
    return loaded;
  }

  async report(applicationId: string, user: AuthUser): Promise<FeedbackReportDto> {
    const { application, cycle, identity } = await this.readable(applicationId, user);
    const sheets = await expertSheetsOf(this.dataSource, application.id);
    if (!sheets.length) throw new ConflictError('本申报没有专家评分，因此没有评审反馈报告', { reason: 'not_scored' });
    const release = await releaseOf(this.dataSource, cycle.id);
    if (user.role === Role.Applicant && !release) throw new ConflictError('评奖办公室尚未发布本届评审反馈报告，发布后可在此查看和下载', { reason: 'not_released' });
    const award = getAward(cycle.awardCode);
    const rubric = award.rubric;
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    const categories = rubric.categories.map((c) => {
      const codes = new Set(c.items.map((i) => i.criterion));
      const sums = sheets.map((s) => s.items.filter((i) => codes.has(i.criterion)).reduce((t, i) => t + i.score, 0));
      const texts = (key: 'strengths' | 'opportunities') =>
        sheets.map((s) => s.feedback.find((f) => f.category === c.code)?.[key]?.trim()).filter((t): t is string => !!t);
      return { code: c.code, label: c.label, max: c.max, scorePercent: c.max > 0 ? round1((mean(sums) / c.max) * 100) : null, strengths: texts('strengths'), opportunities: texts('opportunities') };
    });
    const totals = sheets.map((s) => s.items.reduce((t, i) => t + i.score, 0));
    return {
      applicationId: application.id,
      awardName: award.name,
      year: cycle.year,
      cycleTitle: cycle.title,
      receiptNumber: application.receiptNumber,
      organizationName: identity.name,
      expertCount: sheets.length,
      totalPercent: rubric.total > 0 ? round1((mean(totals) / rubric.total) * 100) : null,
      releasedAt: release?.releasedAt ?? null,
      categories,
    };
  }

  async pdf(applicationId: string, user: AuthUser): Promise<{ pdf: Buffer; fileName: string }> {
    const report = await this.report(applicationId, user);
    const font = { path: this.config.get('CERTIFICATE_FONT'), face: this.config.get('CERTIFICATE_FONT_FACE') };
    const pdf = await renderFeedbackReportPdf(report, font);
    return { pdf, fileName: `${report.awardName}评审反馈报告${report.receiptNumber ? `-${report.receiptNumber}` : ''}.pdf` };
  }
}
