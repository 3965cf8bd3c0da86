import { Injectable } from '@nestjs/common';
import { applicationSummaries, applicationSummariesInCycles, ApplicationsService, ApplicationSummary, Audience, audienceOf, MaterialStorage, redactObjection } from '@awardflow/applications';
import { A, S } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError } from '@awardflow/platform';
import { Actor, WorkflowEngine } from '@awardflow/workflow';
import { ReadStream } from 'node:fs';
import { DataSource, EntityManager } from 'typeorm';
import { batchById, batchOfApplication, entryByPublicId, PublicityBatchRow, publicityOpensAt } from '../publicity/publicity-batches.repository';
import { storeObjectionFiles, UploadedObjectionFile } from './objection-uploads';
import {
  decideObjection,
  insertObjection,
  insertObjectionFiles,
  insertResponse,
  lockObjection,
  ObjectionFileRow,
  objectionById,
  objectionFile,
  ObjectionInput,
  ObjectionRow,
  objectionsTo,
  openObjectionCounts,
  supersedeOpenObjections,
} from './objections.repository';
import { ObjectionDto, PublicObjectionDto } from './objections.dto';

const SYSTEM: Actor = { id: null, role: 'system' };
const OBJECTION_STATES: readonly string[] = [S.publicity, S.objectionReview];

/**
 * 公示 objections. Anyone may object in writing under a real name inside the window: signed in,
 * on the public page, or by post, phone and mail recorded by the office. Each holds the
 * application until the office decides it; several may be open at once. Upheld: the application
 * is rejected (the others are closed with it). Dismissed with none left open: back to 公示 with
 * the batch's own end, and on at once when that end has passed — the period never restarts.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly cycles: CyclesService,
    private readonly engine: WorkflowEngine,
    private readonly storage: MaterialStorage,
  ) {}

  /** Signed in: the objector online, or the office recording one received by post, phone or mail. */
  async file(applicationId: string, body: ObjectionDto, user: AuthUser) {
    const application = await this.applications.get(applicationId);
    const cycle = await this.cycles.get(application.cycleId);
    const recording = body.channel !== undefined;
    if (recording && (user.role !== Role.Admin || !user.officeIds.includes(cycle.officeId))) throw new ForbiddenError([Role.Admin], '登记信函、电话或邮件异议');
    const input: ObjectionInput = { ...body, channel: body.channel ?? 'online' };
    const { id } = await this.dataSource.transaction(async (m) => this.fileIn(m, application.id, await batchOfApplication(m, application.id), input, { id: user.id, role: user.role }, false));
    return { id, applicationId, status: 'open' };
  }

  /** From the public page: no account; the entry is named by its public id inside its batch. */
  async fileFromPublic(batchId: string, body: PublicObjectionDto, files: readonly UploadedObjectionFile[] | undefined) {
    const batch = await batchById(this.dataSource, batchId);
    const entry = batch && (await entryByPublicId(this.dataSource, batch.id, body.publicId));
    if (!batch || !entry) throw new NotFoundError('publicity', batchId);
    this.assertInsideWindow(batch);
    const stored = await storeObjectionFiles(this.storage, files);
    const input: ObjectionInput = {
      channel: 'public',
      objectorName: body.objectorName,
      objectorIdNumber: body.idNumber.toUpperCase(),
      objectorOrganization: body.objectorOrganization,
      contactPhone: body.phone,
      contactEmail: body.email,
      content: body.content,
      evidence: body.evidence?.trim() || `证据材料 ${stored.length} 份（见附件）`,
    };
    return this.dataSource.transaction(async (m) => {
      const { id, createdAt } = await this.fileIn(m, entry.applicationId, batch, input, { id: null, role: 'public' }, true);
      await insertObjectionFiles(m, id, null, stored);
      return { reference: `YY-${id.slice(0, 8).toUpperCase()}`, filedAt: createdAt };
    });
  }

  /** `anonymous`: a visitor of the public page, who learns nothing of the application's state. */
  private async fileIn(
    m: EntityManager,
    applicationId: string,
    batch: PublicityBatchRow | undefined,
    input: ObjectionInput,
    actor: Actor,
    anonymous: boolean,
  ): Promise<{ id: string; createdAt: Date }> {
    const [application] = await applicationSummaries(m, [applicationId]);
    const instance = await this.engine.get(application.instanceId, m);
    if (!OBJECTION_STATES.includes(instance.state)) {
      throw anonymous ? new DomainError(ErrorCode.ObjectionNotAccepted) : new DomainError(ErrorCode.ObjectionPeriodClosed, { stateLabel: instance.stateLabel });
    }
    // Received by post before the end counts, even when the office records it afterwards.
    if (batch) this.assertInsideWindow(batch, input.receivedOn);
    const filed = await insertObjection(m, applicationId, batch?.id ?? null, actor.id, input);
    const { id } = filed;
    // The chained (never rewritten) history row names no one: who objected stays in the objections
    // table, and the row's actor is redacted when read.
    await this.engine.fire({ instanceId: application.instanceId, action: A.fileObjection, actor, payload: { objectionId: id }, instance, manager: m });
    return filed;
  }

  /** From the day the 公示 is published until 24:00 of its last day (a letter counts by the day it was received). */
  private assertInsideWindow(batch: PublicityBatchRow, receivedOn?: string): void {
    const received = receivedOn ? new Date(`${receivedOn}T00:00:00+08:00`) : new Date();
    if (received.getTime() >= new Date(batch.endsAt).getTime()) throw new DomainError(ErrorCode.ObjectionWindowEnded, { endsOn: batch.endsOn });
    if (!receivedOn && received.getTime() < publicityOpensAt(batch).getTime()) throw new DomainError(ErrorCode.ObjectionWindowNotStarted, { startsOn: batch.startsOn });
  }

  async resolve(objectionId: string, decision: 'uphold' | 'dismiss', resolution: string, admin: AuthUser) {
    return this.dataSource.transaction(async (m) => {
      const { objection: o, application } = await this.lockForOffice(m, objectionId, admin);
      if (o.status !== 'open') throw new DomainError(ErrorCode.ObjectionDecided, { objectionStatus: o.status });
      const actor = { id: admin.id, role: admin.role };
      if (decision === 'uphold') {
        await decideObjection(m, objectionId, 'upheld', resolution, admin.id);
        await supersedeOpenObjections(m, application.id, '另一异议成立，申报已被驳回，本异议不再处理', admin.id);
        const result = await this.engine.fire({ instanceId: application.instanceId, action: A.upholdObjection, actor, comment: resolution, manager: m });
        return { id: objectionId, status: 'upheld', applicationState: result.to };
      }
      await decideObjection(m, objectionId, 'dismissed', resolution, admin.id);
      const stillOpen = (await openObjectionCounts(m, [application.id])).get(application.id) ?? 0;
      let result = await this.engine.fire({
        instanceId: application.instanceId,
        action: A.dismissObjection,
        actor,
        comment: resolution,
        payload: { objectionId, otherObjectionsOpen: stillOpen > 0 },
        manager: m,
      });
      const batch = await batchOfApplication(m, application.id);
      if (result.to === S.publicity && batch && Date.now() >= new Date(batch.endsAt).getTime()) {
        // The period ended while the objection was open: the application goes on now, not after a new period.
        result = await this.engine.fire({
          instanceId: application.instanceId,
          action: A.publicityEnded,
          actor: SYSTEM,
          comment: `公示期已于 ${batch.endsOn} 24:00 届满，异议已全部处理`,
          manager: m,
        });
      }
      return { id: objectionId, status: 'dismissed', applicationState: result.to };
    });
  }

  /** 申辩: the application's enterprise answers an open objection, with text and files. */
  async respond(objectionId: string, content: string, files: readonly UploadedObjectionFile[] | undefined, user: AuthUser) {
    const o = await this.objection(objectionId);
    const visible = await this.applications.loadVisible(o.applicationId, user);
    if (audienceOf(user, visible).kind !== 'enterprise') throw new ForbiddenError([Role.Applicant], '申辩');
    if (o.status !== 'open') throw new DomainError(ErrorCode.ObjectionDecided, { objectionStatus: o.status });
    const stored = await storeObjectionFiles(this.storage, files);
    return this.dataSource.transaction(async (m) => {
      const locked = await lockObjection(m, objectionId);
      if (locked!.status !== 'open') throw new DomainError(ErrorCode.ObjectionDecided, { objectionStatus: locked!.status });
      const id = await insertResponse(m, objectionId, content, user.id);
      await insertObjectionFiles(m, objectionId, id, stored);
      return { id };
    });
  }

  /** Evidence the office received on paper, scanned in. */
  async addFiles(objectionId: string, files: readonly UploadedObjectionFile[] | undefined, admin: AuthUser) {
    const stored = await storeObjectionFiles(this.storage, files);
    await this.dataSource.transaction(async (m) => {
      await this.lockForOffice(m, objectionId, admin);
      await insertObjectionFiles(m, objectionId, null, stored);
    });
    const [row] = (await objectionsTo(this.dataSource, [(await this.objection(objectionId)).applicationId])).filter((x) => x.id === objectionId);
    return { files: row.files ?? [] };
  }

  /** A file of an objection: the office's all; the enterprise only the files of its own 申辩. */
  async download(objectionId: string, fileId: string, user: AuthUser): Promise<{ file: ObjectionFileRow; stream: ReadStream }> {
    const o = await this.objection(objectionId);
    const visible = await this.applications.loadVisible(o.applicationId, user);
    const kind = audienceOf(user, visible).kind;
    const file = await objectionFile(this.dataSource, objectionId, fileId);
    if (!file || !(kind === 'office' || (kind === 'enterprise' && file.responseId))) throw new NotFoundError('objection file', fileId);
    return { file, stream: this.storage.open(file.sha256) };
  }

  /** The office sees objectors and everything filed; the enterprise what it must answer; everybody else the outcome. */
  async list(filter: { applicationId?: string; cycleId?: string }, user: AuthUser) {
    let audience: Audience | undefined;
    if (filter.applicationId) audience = audienceOf(user, await this.applications.loadVisible(filter.applicationId, user));
    // A cycle's list concerns no one organisation: its reader is the office or nobody.
    if (filter.cycleId) audience = audienceOf(user, { application: { organizationId: '' }, cycle: await this.cycles.getForAdmin(filter.cycleId, user) });
    let applicationIds = filter.applicationId ? [filter.applicationId] : [];
    if (filter.cycleId) {
      const inCycle = (await applicationSummariesInCycles(this.dataSource, [filter.cycleId])).map((a) => a.id);
      applicationIds = filter.applicationId ? applicationIds.filter((id) => inCycle.includes(id)) : inCycle;
    }
    const rows = await objectionsTo(this.dataSource, applicationIds);
    return rows.map((o) => redactObjection(audience ?? { kind: 'public', userId: user.id }, o));
  }

  private async objection(id: string): Promise<ObjectionRow> {
    const row = await objectionById(this.dataSource, id);
    if (!row) throw new NotFoundError('objection', id);
    return row;
  }

  private async lockForOffice(m: EntityManager, objectionId: string, admin: AuthUser): Promise<{ objection: ObjectionRow; application: ApplicationSummary }> {
    const o = await lockObjection(m, objectionId);
    const [application] = o ? await applicationSummaries(m, [o.applicationId]) : [];
    if (!o || !admin.officeIds.includes((await this.cycles.get(application.cycleId)).officeId)) throw new NotFoundError('objection', objectionId);
    return { objection: o, application };
  }
}
