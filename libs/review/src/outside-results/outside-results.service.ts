import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@awardflow/applications';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { AwardDefinition, findAward, statesTagged } from '@awardflow/awards';
import { AuthUser, Role } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldError, FieldValidationError } from '@awardflow/platform';
import { Outbox } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { OutsideResultDto, OutsideResultViewDto, RecordOutsideResultDto } from './outside-results.dto';
import { OutsideResultRow, outsideResultOf, upsertOutsideResult } from './outside-results.repository';
import { outsideOutcomeText } from './outside-outcome-text';

/** The local 审定 that selects an application (入选推荐): only these go up. */
const SELECTED = statesTagged('selected');
/** 建协〔2026〕18号, 国市监质〔2026〕3号, 商流通函〔2024〕12号: an issuer's abbreviation, the year in 〔〕, the ordinal. */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fffA-Za-z]{1,20}[〔［[（(]\d{4}[〕］\]）)]\d{1,6}号$/;

/**
 * What became of an application above the office: the office records that it recommended the
 * application (to whom, when), then what the body above decided (conferred or not, with the
 * decision's 文号 and date). The enterprise reads it on its application and is told; statistics
 * count what was conferred. The local workflow is untouched: it ended at 审定 (入选推荐).
 */
@Injectable()
export class OutsideResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async record(applicationId: string, input: RecordOutsideResultDto, admin: AuthUser): Promise<OutsideResultDto> {
    const { application, cycle, instance } = await this.applications.loadVisible(applicationId, admin);
    if (admin.role !== Role.Admin || !admin.officeIds.includes(cycle.officeId)) throw new DomainError(ErrorCode.NotCycleOffice, { actionLabel: '登记上级评选结果' });
    const award = findAward(cycle.awardCode);
    if (!award?.outsideChain) throw new DomainError(ErrorCode.OutsideResultNotAllowed, { reason: `${award?.name ?? cycle.awardCode}由本办公室审定，没有上级评选结果可登记` });
    if (!SELECTED.includes(instance.state)) {
      throw new DomainError(ErrorCode.OutsideResultNotAllowed, { reason: `只有经审定入选推荐的申报可以登记上级评选结果；该申报现为「${instance.stateLabel}」` });
    }
    const outcome = input.outcome ?? 'pending';
    const documentNumber = input.documentNumber?.trim().replace(/\s+/g, '') || null;
    const decidedOn = input.decidedOn ?? null;
    const errors: FieldError[] = [];
    const recommendedOnProblem = dayProblem(input.recommendedOn);
    if (recommendedOnProblem) errors.push({ field: 'recommendedOn', messages: [recommendedOnProblem] });
    if (outcome === 'pending') {
      if (decidedOn) errors.push({ field: 'decidedOn', messages: ['尚未评定时不填写决定日期'] });
    } else {
      const problem = decidedOn ? dayProblem(decidedOn) : '请填写上级评定的日期（YYYY-MM-DD）';
      if (problem) errors.push({ field: 'decidedOn', messages: [problem] });
      else if (!recommendedOnProblem && decidedOn! < input.recommendedOn) errors.push({ field: 'decidedOn', messages: ['不能早于推荐日期'] });
    }
    if (outcome === 'awarded' && !documentNumber) errors.push({ field: 'documentNumber', messages: ['请填写上级评定文件的文号，如 建协〔2026〕18号'] });
    else if (documentNumber && (documentNumber.length > 64 || !DOCUMENT_NUMBER.test(documentNumber))) errors.push({ field: 'documentNumber', messages: ['须为公文文号，如 建协〔2026〕18号'] });
    if (errors.length) throw new FieldValidationError(errors);

    const saved = await this.dataSource.transaction(async (m) => {
      const before = await outsideResultOf(m, application.id, true);
      const row = await upsertOutsideResult(m, {
        applicationId: application.id,
        cycleId: cycle.id,
        recommendedTo: input.recommendedTo?.trim() || before?.recommendedTo || award.outsideChain!.recommendedTo,
        recommendedOn: input.recommendedOn,
        outcome,
        documentNumber: documentNumber?.replace(/[［[（(]/, '〔').replace(/[］\]）)]/, '〕') ?? null,
        decidedOn,
        note: input.note?.trim() || null,
        recordedBy: admin.id,
      });
      // The enterprise is told when something happened (sent up; decided), not on a correction of the same step.
      if (!before || before.outcome !== row.outcome) {
        await this.outbox.append(m, 'outside_result_recorded', { applicationId: application.id, step: row.outcome === 'pending' ? 'recommended' : row.outcome, revision: row.revision });
      }
      await this.audit.record(
        { action: AuditAction.OutsideResultRecorded, entityType: AuditEntityType.Application, entityId: application.id, officeIds: [cycle.officeId], before: before ? auditPart(before) : null, after: auditPart(row) },
        m,
      );
      return row;
    });
    return toDto(saved, award, cycle.year);
  }

  /** For whoever may see the application (its enterprise, its office, its recommender); result null while none is recorded. */
  async view(applicationId: string, user: AuthUser): Promise<OutsideResultViewDto> {
    const { application, cycle } = await this.applications.loadVisible(applicationId, user);
    const award = findAward(cycle.awardCode);
    const chain = award?.outsideChain ? { recommendedTo: award.outsideChain.recommendedTo, stagesAbove: award.outsideChain.stagesAbove } : null;
    const row = chain ? await outsideResultOf(this.dataSource, application.id) : undefined;
    return { applicationId: application.id, chain, result: row && award ? toDto(row, award, cycle.year) : null };
  }
}

function toDto(row: OutsideResultRow, award: AwardDefinition, year: number): OutsideResultDto {
  return {
    applicationId: row.applicationId,
    recommendedTo: row.recommendedTo,
    recommendedOn: row.recommendedOn,
    outcome: row.outcome,
    outcomeText: outsideOutcomeText(award, year, row.outcome),
    documentNumber: row.documentNumber,
    decidedOn: row.decidedOn,
    note: row.note,
    stagesAbove: award.outsideChain?.stagesAbove ?? '',
    revision: row.revision,
    updatedAt: row.updatedAt,
  };
}

function auditPart(row: OutsideResultRow) {
  return { recommendedTo: row.recommendedTo, recommendedOn: row.recommendedOn, outcome: row.outcome, documentNumber: row.documentNumber, decidedOn: row.decidedOn, note: row.note };
}

function dayProblem(value: string): string | null {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return '不是有效的日期';
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (value > today) return '不能晚于今天';
  return null;
}
