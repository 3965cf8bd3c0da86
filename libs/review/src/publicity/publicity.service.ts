import { Injectable } from '@nestjs/common';
import { applicationSummaries, applicationSummariesInState, ApplicationsService } from '@awardflow/applications';
import { A, getAward, S } from '@awardflow/awards';
import { beijingDate, WorkCalendars } from '@awardflow/calendar';
import { Cycle, CyclesService, lockCycle } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, fixedSheet, NotFoundError, xlsxStream } from '@awardflow/platform';
import type { Readable } from 'node:stream';
import { STATE_LABELS } from '@awardflow/rules';
import { WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { openObjectionCounts } from '../objections/objections.repository';
import { batchById, batchesOfCycle, batchOfApplication, entriesOf, insertBatch, nextBatchSeq, PublicityBatchRow } from './publicity-batches.repository';
import { ApplicationPublicityDto, PublicityBatchDto, PublishPublicityDto } from './publicity.dto';
import { PUBLICITY_DURATION, publicityDurationLabel, publicityPeriod } from './publicity-period';

/**
 * 公示 as a dated list the office publishes for its cycle: the applications waiting in 待公示 (all,
 * or those named) move to 社会公示 together, every one sharing the batch's end, and the enterprises
 * are told. Applications that reach 待公示 later get a batch of their own.
 */
@Injectable()
export class PublicityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly calendars: WorkCalendars,
    private readonly engine: WorkflowEngine,
    private readonly applications: ApplicationsService,
  ) {}

  async publish(cycleId: string, input: PublishPublicityDto, admin: AuthUser): Promise<PublicityBatchDto> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    if (input.startsOn < beijingDate(new Date())) throw new FieldValidationError([{ field: 'startsOn', messages: ['公示开始日期不能早于今天'] }]);
    const duration = input.duration ?? this.defaultDuration(cycle);
    const period = await this.calendars.withCalendar((calendar) => publicityPeriod(input.startsOn, duration, calendar));
    const batchId = await this.dataSource.transaction(async (m) => {
      // One batch at a time per cycle: its number and its members are decided under the cycle's lock.
      await lockCycle(m, cycle.id);
      const waiting = await applicationSummariesInState(m, cycle.id, S.awaitingPublicity);
      let chosen = waiting;
      if (input.applicationIds) {
        const named = new Set(input.applicationIds);
        chosen = waiting.filter((a) => named.has(a.id));
        const notWaiting = [...named].filter((id) => !chosen.some((a) => a.id === id));
        if (notWaiting.length) {
          throw new FieldValidationError([{ field: 'applicationIds', messages: [`${notWaiting.length} 项申报不在本周期的「待公示」状态，不能列入公示`] }]);
        }
      }
      if (!chosen.length) throw new DomainError(ErrorCode.NothingToPublish, undefined);
      const seq = await nextBatchSeq(m, cycle.id);
      const award = getAward(cycle.awardCode);
      const title = input.title?.trim() || `${cycle.year}年度${award.name}评审结果公示${seq > 1 ? `（第${seq}批）` : ''}`;
      const id = await insertBatch(m, { cycleId: cycle.id, seq, title, ...period, duration, contact: input.contact, publishedBy: admin.id }, chosen.map((a) => a.id));
      const result = await this.engine.fireMany({
        instanceIds: chosen.map((a) => a.instanceId),
        action: A.publishPublicity,
        actor: { id: admin.id, role: admin.role },
        comment: `${title}：${period.startsOn} 发布，公示期至 ${period.endsOn} 24:00`,
        contextPatch: { publicityBatchId: id, publicityEndsAt: period.endsAt.toISOString(), publicityEndsOn: period.endsOn },
        manager: m,
        chunkSize: chosen.length,
      });
      // Under the cycle's lock nothing else moves them; a skip means the mirror and the engine disagree.
      if (result.skipped.length) throw new DomainError(ErrorCode.NothingToPublish, undefined, { skipped: result.skipped });
      return id;
    });
    const [batch] = await this.views([(await batchById(this.dataSource, batchId))!]);
    return batch;
  }

  /** The batch an application is in, for anyone who may see the application (its enterprise reads its own 公示's dates). */
  async ofApplication(applicationId: string, user: AuthUser): Promise<ApplicationPublicityDto> {
    await this.applications.loadVisible(applicationId, user);
    const batch = await batchOfApplication(this.dataSource, applicationId);
    if (!batch) return { batch: null };
    const { id, seq, title, startsOn, endsOn, endsAt, duration, contact } = batch;
    return { batch: { id, seq, title, startsOn, endsOn, endsAt, durationLabel: publicityDurationLabel(duration), contact } };
  }

  async list(cycleId: string, admin: AuthUser): Promise<PublicityBatchDto[]> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    return this.views(await batchesOfCycle(this.dataSource, cycle.id));
  }

  /**
   * One 公示 as an .xlsx workbook for the office to print or post: its title, dates and contact,
   * then its entries as the office sees them. A batch names the applications of one 待公示 stage (at
   * most the cycle's quota and a few more), so it is read whole.
   */
  async batchXlsx(cycleId: string, batchId: string, admin: AuthUser): Promise<{ title: string; workbook: Readable }> {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    const row = await batchById(this.dataSource, batchId);
    if (!row || row.cycleId !== cycle.id) throw new NotFoundError('publicity batch', batchId);
    const [batch] = await this.views([row]);
    const about: Array<[string, string]> = [
      ['标题', batch.title],
      ['公示期', `${batch.startsOn} 至 ${batch.endsOn}（${batch.durationLabel}）`],
      ['受理异议单位', batch.contact.unit],
      ['联系电话', batch.contact.phone],
      ['通讯地址', batch.contact.address],
      ['电子邮箱', batch.contact.email],
      ['公示数量', String(batch.entries.length)],
    ];
    const workbook = xlsxStream([
      fixedSheet('公示名单', ['序号', '公示编号', '申报单位', '项目或产品', '状态', '待处理异议'], batch.entries.map((e, i) => ({ ...e, n: i + 1 })), (e) => [e.n, e.publicId, e.organizationName, e.subjectName ?? '', e.stateLabel, e.openObjections], [6, 16, 36, 30, 14, 12]),
      fixedSheet('公示信息', ['项目', '内容'], about, ([k, v]) => [k, v], [14, 60]),
    ]);
    return { title: batch.title, workbook };
  }

  private async views(batches: PublicityBatchRow[]): Promise<PublicityBatchDto[]> {
    const entries = await entriesOf(this.dataSource, batches.map((b) => b.id));
    const ids = entries.map((e) => e.applicationId);
    const [summaries, open] = await Promise.all([applicationSummaries(this.dataSource, ids), openObjectionCounts(this.dataSource, ids)]);
    const byId = new Map(summaries.map((s) => [s.id, s]));
    return batches.map((b) => ({
      ...b,
      durationLabel: publicityDurationLabel(b.duration),
      entries: entries
        .filter((e) => e.batchId === b.id)
        .map((e) => {
          const a = byId.get(e.applicationId)!;
          return { applicationId: e.applicationId, publicId: e.publicId, organizationName: a.organizationName, subjectName: a.subjectName, state: a.state, stateLabel: STATE_LABELS[a.state] ?? a.state, openObjections: open.get(e.applicationId) ?? 0 };
        }),
    }));
  }

  /** The cycle's 公示 duration when it is whole days (a test's `PT1H` override is not): else 7 天. */
  private defaultDuration(cycle: Cycle): string {
    const configured = this.cycles.instanceContext(cycle).publicityDuration;
    return typeof configured === 'string' && PUBLICITY_DURATION.test(configured) ? configured : 'P7D';
  }
}
