import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, Role, scopedRecommender, userNames } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldError, FieldValidationError, ForbiddenError, NotFoundError } from '@awardflow/platform';
import { TransitionResult } from '@awardflow/workflow';
import { ReadStream } from 'node:fs';
import { DataSource } from 'typeorm';
import { ActionRequest, ActionUseCases } from '../applications/action-use-cases';
import { ApplicationAccessPolicy } from '../applications/application-access.policy';
import { ApplicationsService } from '../applications/applications.service';
import { MaterialStorage } from '../attachments/material-storage';
import { sniffMaterial } from '../attachments/sniff';
import { ApplicantMask } from '../redaction/applicant-mask';
import { audienceOf, sees } from '../redaction/audience';
import { EndorsementDto, EndorsementLetterDto } from './endorsement.dto';
import { endorsementOf, insertLetter, letterOf, lockAndCountEndorsements, StoredLetter, upsertEndorsement } from './endorsements.repository';

export const MAX_LETTER_BYTES = 10 * 1024 * 1024;
const MAX_OPINION = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UploadedLetter {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * The body a quota counts against: a district recommender is its district (two accounts of one
 * 区县市场监管局 share its places), any other recommender its own account.
 */
export function recommenderKey(user: AuthUser): string {
  const scope = scopedRecommender(user);
  if (user.role === Role.Recommender && scope?.divisionCode) return `division:${scope.divisionCode}`;
  return `${user.role}:${user.id}`;
}

/**
 * 同意推荐 with its 推荐意见. The recommender uploads its sealed letter (a PDF, checked by its bytes),
 * then endorses naming it with its opinion; opinion and letter are required of a recommender where
 * the cycle says so. A cycle's per-recommender quota (e.g. at most 3 per district) is counted at
 * endorsement, under a lock on (cycle, body), in the transaction that fires the transition: two
 * endorsements racing for the last place cannot both pass. The office endorsing on a body's behalf
 * (a paper recommendation received) is recorded as the office's and counts against no body.
 */
@Injectable()
export class EndorsementsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly useCases: ActionUseCases,
    private readonly applications: ApplicationsService,
    private readonly access: ApplicationAccessPolicy,
    private readonly storage: MaterialStorage,
    private readonly mask: ApplicantMask,
  ) {}

  onModuleInit(): void {
    this.useCases.implement('endorsement', (request) => this.endorse(request));
  }

  async uploadLetter(applicationId: string, file: UploadedLetter | undefined, user: AuthUser): Promise<EndorsementLetterDto> {
    const { application, cycle } = await this.applications.loadVisible(applicationId, user);
    if (user.role !== Role.Recommender && user.role !== Role.Admin) throw new ForbiddenError([Role.Recommender, Role.Admin], '上传推荐意见书');
    if (user.role === Role.Admin && !user.officeIds.includes(cycle.officeId)) throw new NotFoundError('application', application.id);
    if (!file) throw new FieldValidationError([{ field: 'file', messages: ['请上传盖章的推荐意见书（PDF）'] }]);
    if (file.size === 0) throw new FieldValidationError([{ field: 'file', messages: [`文件「${file.originalname}」是空的`] }]);
    if (file.size > MAX_LETTER_BYTES) throw new DomainError(ErrorCode.FileTooLarge, { limitMb: MAX_LETTER_BYTES / 2 ** 20 });
    // By its bytes, as objection evidence: a renamed file is what it is. The seal is the office's to see.
    const sniffed = sniffMaterial(file.buffer);
    if (sniffed.kind !== 'pdf') throw new DomainError(ErrorCode.FileTypeNotAccepted, { accepted: ['PDF'], detected: sniffed.detected });
    const sha256 = await this.storage.put(file.buffer);
    const letter = await insertLetter(this.dataSource, application.id, user.id, { sha256, fileName: [...file.originalname].slice(0, 200).join('') || '推荐意见书.pdf', contentType: 'application/pdf', sizeBytes: file.size });
    return letterDto(letter);
  }

  /**
   * The application's 推荐意见, for whoever may see the application, redacted for its reader: an
   * expert of a blind cycle reads the opinion with the applicant's names masked, not who recommended
   * it (a district names the applicant's place) nor the sealed letter (it names the applicant).
   */
  async view(applicationId: string, user: AuthUser): Promise<EndorsementDto> {
    const { application, cycle } = await this.applications.loadVisible(applicationId, user);
    const row = await endorsementOf(this.dataSource, applicationId);
    if (!row) throw new NotFoundError('endorsement', applicationId);
    const audience = audienceOf(user, { application, cycle });
    const mask = await this.mask.forApplication(audience, application);
    const identified = sees(audience).applicant;
    const [name] = identified ? await userNames(this.dataSource, [row.endorsedBy]) : [];
    const letter = identified && row.letterId ? await letterOf(this.dataSource, applicationId, row.letterId) : undefined;
    return {
      applicationId,
      recommenderName: identified ? (name?.displayName ?? '') : '推荐单位',
      endorsedByRole: row.endorsedByRole,
      opinion: row.opinion === null ? null : mask(row.opinion),
      letter: letter ? letterDto(letter) : null,
      endorsedAt: row.createdAt,
    };
  }

  async openLetter(applicationId: string, letterId: string, user: AuthUser): Promise<{ letter: StoredLetter; stream: ReadStream }> {
    const { application, cycle } = await this.applications.loadVisible(applicationId, user);
    const letter = sees(audienceOf(user, { application, cycle })).applicant ? await letterOf(this.dataSource, applicationId, letterId) : undefined;
    if (!letter) throw new NotFoundError('endorsement letter', letterId);
    return { letter, stream: this.storage.open(letter.sha256) };
  }

  private async endorse(request: ActionRequest): Promise<TransitionResult> {
    const { application, cycle, user } = request;
    const errors: FieldError[] = [];
    const given = request.payload?.opinion;
    let opinion: string | null = null;
    if (given !== undefined && given !== null) {
      if (typeof given !== 'string' || given.trim().length < 2 || given.trim().length > MAX_OPINION) errors.push({ field: 'payload.opinion', messages: [`须为 2 到 ${MAX_OPINION} 字的文字`] });
      else opinion = given.trim();
    } else if (request.comment?.trim()) opinion = request.comment.trim();
    const letterId = request.payload?.letterId;
    if (letterId !== undefined && letterId !== null && (typeof letterId !== 'string' || !UUID.test(letterId))) errors.push({ field: 'payload.letterId', messages: ['须为已上传的推荐意见书的编号'] });
    if (user.role === Role.Recommender && cycle.quota.letterRequired) {
      if (!opinion) errors.push({ field: 'payload.opinion', messages: ['请填写推荐意见'] });
      if (!letterId) errors.push({ field: 'payload.letterId', messages: ['请先上传盖章的推荐意见书（PDF）'] });
    }
    if (errors.length) throw new FieldValidationError(errors);
    const key = recommenderKey(user);
    return this.dataSource.transaction(async (m) => {
      if (typeof letterId === 'string' && !(await letterOf(m, application.id, letterId))) {
        throw new FieldValidationError([{ field: 'payload.letterId', messages: ['没有为该申报上传过这份推荐意见书'] }]);
      }
      const quota = cycle.quota.perRecommender;
      if (quota && user.role === Role.Recommender) {
        const used = await lockAndCountEndorsements(m, cycle.id, key, application.id);
        if (used >= quota) {
          const [me] = await userNames(m, [user.id]);
          throw new DomainError(ErrorCode.RecommenderQuotaReached, { quota, recommender: me?.displayName ?? '该推荐单位', cycleTitle: cycle.title }, { used });
        }
      }
      const result = await this.applications.fire({ ...request, comment: request.comment ?? opinion ?? undefined }, m);
      await upsertEndorsement(m, { applicationId: application.id, cycleId: cycle.id, endorsedBy: user.id, endorsedByRole: user.role, recommenderKey: key, opinion, letterId: typeof letterId === 'string' ? letterId : null });
      return result;
    });
  }
}

function letterDto(l: StoredLetter): EndorsementLetterDto {
  return { id: l.id, fileName: l.fileName, contentType: l.contentType, sizeBytes: l.sizeBytes, createdAt: l.createdAt };
}
