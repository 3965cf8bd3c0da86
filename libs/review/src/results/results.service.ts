import { Injectable } from '@nestjs/common';
import { ApplicationsService, MaterialStorage, sniffMaterial } from '@awardflow/applications';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { CERTIFICATE_NUMBER_MAX_LENGTH, findAward, S } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser, officeOfDivision, Role } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldError, FieldValidationError, ForbiddenError, NotFoundError } from '@awardflow/platform';
import { Outbox } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { certificateByNumber, certificateOf } from '../certification/certificates.repository';
import { AwardDecisionRow, awardDecisionOf, upsertAwardDecision } from './award-decisions.repository';
import { CertificateFactsReader, publishedResultsOf, publishedWinnersOf, recognitionValidityOf, tierLabelOf } from './certificate-facts';
import { ApplicationCertificateDto, AwardDecisionDto, CertificateVerificationDto, PublicOfficeResultsDto } from './results.dto';

/**
 * A brand recognition in force: recognised, or under 限期整改 (still a 老字号 until re-checked; the
 * 整改 is the enterprise's and the office's, not the public's). 撤销 and expiry take it off the list.
 */
const IN_FORCE: readonly string[] = [S.recognised, S.rectification, S.rectificationDue, S.renewalReview];

export const MAX_DECISION_BYTES = 20 * 1024 * 1024;

export interface DecisionInput {
  title?: unknown;
  documentNumber?: unknown;
  decidedOn?: unknown;
}

/** 渝中府发〔2026〕12号: an issuer's abbreviation, the year in 〔〕 (or [] as typed), the ordinal and 号. */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fffA-Za-z]{1,20}[〔［[（(]\d{4}[〕］\]）)]\d{1,6}号$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Results as an office publishes them: the 表彰决定, the certificates, the public verification and 表彰名单. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly applications: ApplicationsService,
    private readonly storage: MaterialStorage,
    private readonly facts: CertificateFactsReader,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  /** Records (or replaces) the cycle's 表彰决定; the worker then prints the 文号 on the cycle's certificates. */
  async recordDecision(cycleId: string, input: DecisionInput, file: { buffer: Buffer; originalname: string; size: number } | undefined, admin: AuthUser): Promise<AwardDecisionDto> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    const title = typeof input.title === 'string' ? input.title.trim() : '';
    const documentNumber = typeof input.documentNumber === 'string' ? input.documentNumber.trim().replace(/\s+/g, '') : '';
    const decidedOn = typeof input.decidedOn === 'string' ? input.decidedOn.trim() : '';
    const errors: FieldError[] = [];
    if (title.length < 2) errors.push({ field: 'title', messages: ['请填写表彰决定的标题'] });
    else if (title.length > 200) errors.push({ field: 'title', messages: ['不能超过 200 个字'] });
    if (!documentNumber) errors.push({ field: 'documentNumber', messages: ['请填写表彰决定的文号，如 渝中府发〔2026〕12号'] });
    else if (documentNumber.length > 64 || !DOCUMENT_NUMBER.test(documentNumber)) errors.push({ field: 'documentNumber', messages: ['须为公文文号，如 渝中府发〔2026〕12号'] });
    const dateProblem = this.dateProblem(decidedOn);
    if (dateProblem) errors.push({ field: 'decidedOn', messages: [dateProblem] });
    if (!file || file.size === 0) errors.push({ field: 'file', messages: ['请选择表彰决定的 PDF 文件（表单字段 file）'] });
    if (errors.length) throw new FieldValidationError(errors);
    if (file!.size > MAX_DECISION_BYTES) throw new DomainError(ErrorCode.FileTooLarge, { limitMb: MAX_DECISION_BYTES / 2 ** 20 });
    const sniffed = sniffMaterial(file!.buffer);
    if (sniffed.kind !== 'pdf') throw new DomainError(ErrorCode.FileTypeNotAccepted, { accepted: ['PDF'], detected: sniffed.detected });
    const fileSha256 = await this.storage.put(file!.buffer);
    const saved = await this.dataSource.transaction(async (m) => {
      const before = await awardDecisionOf(m, cycle.id);
      const row = await upsertAwardDecision(m, {
        cycleId: cycle.id,
        title,
        documentNumber: documentNumber.replace(/[［[（(]/, '〔').replace(/[］\]）)]/, '〕'),
        decidedOn,
        fileSha256,
        fileName: (file!.originalname || '表彰决定.pdf').slice(0, 255),
        fileSize: file!.size,
        recordedBy: admin.id,
      });
      await this.outbox.append(m, 'award_decision_recorded', { cycleId: cycle.id });
      await this.audit.record(
        { action: AuditAction.AwardDecisionRecorded, entityType: AuditEntityType.Cycle, entityId: cycle.id, officeIds: [cycle.officeId], before: before ? publicPart(before) : null, after: publicPart(row) },
        m,
      );
      return row;
    });
    return toDecisionDto(saved);
  }

  async decision(cycleId: string, admin: AuthUser): Promise<AwardDecisionDto> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    const decision = await awardDecisionOf(this.dataSource, cycle.id);
    if (!decision) throw new NotFoundError('award decision', cycleId);
    return toDecisionDto(decision);
  }

  async openDecisionFile(cycleId: string, admin: AuthUser) {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    const decision = await awardDecisionOf(this.dataSource, cycle.id);
    if (!decision) throw new NotFoundError('award decision', cycleId);
    return { stream: this.storage.open(decision.fileSha256), size: decision.fileSize, fileName: decision.fileName };
  }

  /** The application's certificate: for its enterprise and its office's admins only. */
  async applicationCertificate(applicationId: string, user: AuthUser): Promise<ApplicationCertificateDto> {
    const { certificate, cycle } = await this.visibleCertificate(applicationId, user);
    return {
      number: certificate.number,
      tier: certificate.tier,
      tierLabel: tierLabelOf(cycle.awardCode, cycle.quota, certificate.tier),
      status: certificate.revokedAt ? 'revoked' : 'valid',
      issuedAt: certificate.issuedAt,
      revokedAt: certificate.revokedAt,
      pdfReady: certificate.pdfSha256 !== null,
      ...(await recognitionValidityOf(this.dataSource, [certificate.applicationId])).get(certificate.applicationId),
    };
  }

  async openCertificatePdf(applicationId: string, user: AuthUser) {
    const { certificate } = await this.visibleCertificate(applicationId, user);
    if (!certificate.pdfSha256) throw new DomainError(ErrorCode.CertificatePdfPending);
    return { stream: this.storage.open(certificate.pdfSha256), size: await this.storage.size(certificate.pdfSha256), fileName: `证书-${certificate.number}.pdf` };
  }

  /** The public verification: valid, revoked (with its date) or unknown; what the certificate says, nothing more. */
  async verify(rawNumber: string): Promise<CertificateVerificationDto> {
    const number = rawNumber.trim();
    if (!number || number.length > CERTIFICATE_NUMBER_MAX_LENGTH) return { status: 'unknown' };
    const certificate = (await certificateByNumber(this.dataSource, number)) ?? (number !== number.toUpperCase() ? await certificateByNumber(this.dataSource, number.toUpperCase()) : undefined);
    if (!certificate) return { status: 'unknown' };
    const { facts } = await this.facts.of(certificate);
    return {
      status: certificate.revokedAt ? 'revoked' : 'valid',
      certificate: {
        number: facts.number,
        awardName: facts.awardName,
        year: facts.year,
        officeName: facts.officeName,
        organizationName: facts.organizationName,
        ...(facts.subjectName ? { subjectName: facts.subjectName } : {}),
        tierLabel: facts.tierLabel,
        ...(facts.documentNumber ? { documentNumber: facts.documentNumber, decidedOn: facts.decidedOn } : {}),
        issuedAt: facts.issuedAt,
        ...(facts.revokedAt ? { revokedAt: facts.revokedAt } : {}),
        ...(facts.validUntil ? { validFrom: facts.validFrom, validUntil: facts.validUntil } : {}),
      },
    };
  }

  /** An office's 表彰名单: only cycles whose 表彰决定 is recorded (the list is published with it). */
  async officeResults(divisionCode: string): Promise<PublicOfficeResultsDto> {
    const office = /^\d{6,12}$/.test(divisionCode) ? await officeOfDivision(this.dataSource, divisionCode) : undefined;
    if (!office) throw new NotFoundError('office', divisionCode);
    const results = await publishedResultsOf(this.dataSource, office.id);
    const winners = await publishedWinnersOf(this.dataSource, results.map((r) => r.cycleId));
    const validity = await recognitionValidityOf(this.dataSource, winners.map((w) => w.applicationId));
    const items = [];
    for (const r of results) {
      const cycle = await this.cycles.get(r.cycleId);
      const brand = findAward(r.awardCode)?.family === 'brand';
      const listed = winners.filter((w) => w.cycleId === r.cycleId && (!brand || IN_FORCE.includes(w.state)));
      // Every recognition of a 名牌 batch has the same validity: the list shows it once.
      const batch = listed.map((w) => validity.get(w.applicationId)).find((v) => v);
      items.push({
        awardName: findAward(r.awardCode)?.name ?? r.awardCode,
        year: r.year,
        decision: { title: r.title, documentNumber: r.documentNumber, decidedOn: r.decidedOn },
        ...(batch ?? {}),
        winners: listed.map((w) => ({
          organizationName: w.organizationName,
          ...(w.subjectName ? { subjectName: w.subjectName } : {}),
          tierLabel: tierLabelOf(r.awardCode, cycle.quota, w.tier),
          certificateNumber: w.number,
          revoked: w.revoked,
        })),
      });
    }
    return { office: { code: office.divisionCode, name: office.name }, items };
  }

  private async visibleCertificate(applicationId: string, user: AuthUser) {
    const { application, cycle } = await this.applications.loadVisible(applicationId, user);
    const mayRead = user.role === Role.Applicant || (user.role === Role.Admin && user.officeIds.includes(cycle.officeId));
    if (!mayRead) throw new ForbiddenError([Role.Applicant, Role.Admin]);
    const certificate = await certificateOf(this.dataSource, application.id);
    if (!certificate) throw new NotFoundError('certificate', applicationId);
    return { certificate, cycle };
  }

  private dateProblem(value: string): string | null {
    const match = DATE.exec(value);
    if (!match) return value ? '须为 YYYY-MM-DD 格式的日期，如 2026-03-01' : '请填写表彰决定的日期（YYYY-MM-DD）';
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return '不是有效的日期';
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    if (value > today) return '不能晚于今天';
    return null;
  }
}

function publicPart(row: AwardDecisionRow) {
  return { title: row.title, documentNumber: row.documentNumber, decidedOn: row.decidedOn, fileSha256: row.fileSha256, fileName: row.fileName };
}

function toDecisionDto(row: AwardDecisionRow): AwardDecisionDto {
  return {
    cycleId: row.cycleId,
    title: row.title,
    documentNumber: row.documentNumber,
    decidedOn: row.decidedOn,
    fileName: row.fileName,
    fileSize: row.fileSize,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
  };
}
