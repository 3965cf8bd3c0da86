import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getAward, S, statesTagged } from '@awardflow/awards';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { AuthUser, Role } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, ForbiddenError, NotFoundError } from '@awardflow/platform';
import { DataSource, IsNull } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import { Audience, audienceOf } from '../redaction/audience';
import { MaterialView, materialView } from '../redaction/redaction';
import { Attachment } from './attachment.entity';
import { MaterialStorage } from './material-storage';
import { ALLOWED_MEDIA_TYPES, sniffMaterial } from './sniff';

export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

/** A material as its reader may see it (see redaction.ts: blind readers get neutral names only). */
export type AttachmentView = MaterialView;

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly storage: MaterialStorage,
    private readonly audit: AuditLog,
  ) {}

  async upload(applicationId: string, documentType: string | undefined, file: { buffer: Buffer; originalname: string; size: number } | undefined, user: AuthUser): Promise<AttachmentView> {
    const { application, cycle, instance } = await this.applications.loadVisible(applicationId, user);
    if (user.role !== Role.Applicant) throw new ForbiddenError([Role.Applicant]);
    if (!statesTagged('editable').includes(instance.state)) {
      throw new DomainError(ErrorCode.MaterialsNotEditable, { stateLabel: instance.stateLabel });
    }
    const award = getAward(cycle.awardCode);
    const errors = [];
    const doc = award.requiredDocuments.find((d) => d.type === documentType);
    if (!doc) errors.push({ field: 'documentType', messages: [`须为以下之一：${award.requiredDocuments.map((d) => `${d.type}（${d.label}）`).join('、')}`] });
    if (!file || file.size === 0) errors.push({ field: 'file', messages: ['请选择要上传的文件（表单字段 file）'] });
    if (errors.length) throw new FieldValidationError(errors);
    if (file!.size > MAX_MATERIAL_BYTES) throw new DomainError(ErrorCode.FileTooLarge, { limitMb: MAX_MATERIAL_BYTES / 2 ** 20 });
    const sniffed = sniffMaterial(file!.buffer);
    if (!sniffed.kind) {
      throw new DomainError(ErrorCode.FileTypeNotAccepted, { accepted: ['PDF', 'JPG', 'PNG', 'DOCX', 'XLSX'], detected: sniffed.detected });
    }
    const sha256 = await this.storage.put(file!.buffer);
    const attachment = this.dataSource.manager.create(Attachment, {
      applicationId: application.id,
      documentType: doc!.type,
      originalName: file!.originalname.slice(0, 255),
      mediaType: ALLOWED_MEDIA_TYPES[sniffed.kind],
      size: file!.size,
      sha256,
      uploadedBy: user.id,
      deletedAt: null,
    });
    await this.dataSource.manager.save(attachment);
    const materials = await this.listRaw(application.id);
    return this.toView(audienceOf(user, { application, cycle }), materials, attachment, award.requiredDocuments);
  }

  async list(applicationId: string, user: AuthUser): Promise<AttachmentView[]> {
    const { application, cycle } = await this.applications.loadVisible(applicationId, user);
    const audience = audienceOf(user, { application, cycle });
    const materials = await this.listRaw(applicationId);
    const docs = getAward(cycle.awardCode).requiredDocuments;
    return materials.map((m) => this.toView(audience, materials, m, docs));
  }

  /** The stored material and the file name this caller downloads it under. */
  async open(applicationId: string, attachmentId: string, user: AuthUser) {
    const { application, cycle } = await this.applications.loadVisible(applicationId, user);
    const { attachment, stream } = await this.openUnchecked(applicationId, attachmentId);
    const materials = await this.listRaw(applicationId);
    const view = this.toView(audienceOf(user, { application, cycle }), materials, attachment, getAward(cycle.awardCode).requiredDocuments);
    return { attachment, stream, fileName: view.name };
  }

  /** For contexts that did their own access check (the review context serves blind copies). */
  async openUnchecked(applicationId: string, attachmentId: string) {
    const attachment = await this.dataSource.manager.findOneBy(Attachment, { id: attachmentId, applicationId });
    if (!attachment || attachment.deletedAt) throw new NotFoundError('attachment', attachmentId);
    return { attachment, stream: this.storage.open(attachment.sha256) };
  }

  async remove(applicationId: string, attachmentId: string, user: AuthUser): Promise<void> {
    const { cycle, instance } = await this.applications.loadVisible(applicationId, user);
    if (user.role !== Role.Applicant) throw new ForbiddenError([Role.Applicant]);
    if (instance.state !== S.draft) throw new DomainError(ErrorCode.MaterialsNotDeletable, { stateLabel: instance.stateLabel });
    await this.dataSource.transaction(async (m) => {
      const result = await m.update(Attachment, { id: attachmentId, applicationId, deletedAt: IsNull() }, { deletedAt: new Date() });
      if (!result.affected) throw new NotFoundError('attachment', attachmentId);
      await this.audit.record({ action: AuditAction.AttachmentDeleted, entityType: AuditEntityType.Application, entityId: applicationId, officeIds: [cycle.officeId], details: { attachmentId } }, m);
    });
  }

  async listRaw(applicationId: string): Promise<Attachment[]> {
    const rows = await this.dataSource.manager.find(Attachment, { where: { applicationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.filter((r) => !r.deletedAt);
  }

  /** Numbered by place among the application's materials, as every view of them numbers them. */
  toView(audience: Audience, materials: Attachment[], a: Attachment, docs: Array<{ type: string; label: string }>): AttachmentView {
    return materialView(audience, a, materials.findIndex((m) => m.id === a.id) + 1, documentLabel(docs, a.documentType));
  }
}

function documentLabel(docs: Array<{ type: string; label: string }>, type: string): string {
  return docs.find((d) => d.type === type)?.label ?? type;
}
