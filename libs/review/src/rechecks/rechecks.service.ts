import { Injectable } from '@nestjs/common';
import { applicationSummaries, ApplicationsService } from '@awardflow/applications';
import { A, findAward, S } from '@awardflow/awards';
import { endOfBeijingDay } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { FieldValidationError, ForbiddenError, NotFoundError } from '@awardflow/platform';
import { STATE_LABELS } from '@awardflow/rules';
import { WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { markCertificateRevoked } from '../certification/certificates.repository';
import { ApplicationRecheckDto, RECHECK_OUTCOME_LABELS, RecheckItemDto, RecheckOutcomeDto, RecheckRoundDto, StartRecheckDto } from './rechecks.dto';
import { insertRound, itemsOf, latestItemOf, lockItem, RecheckItemRow, RecheckOutcome, RecheckRoundRow, recognitionsOf, recordOutcome, roundById, roundsOfOffices } from './rechecks.repository';

/** The states a 老字号 is still recognised in: what a round lists. */
const RECOGNISED = [S.recognised, S.rectification, S.rectificationDue];
const ACTION_OF: Record<RecheckOutcome, string> = { passed: A.passRecheck, rectification: A.orderRectification, revoked: A.revoke };
/** 整改期限 by default: "明确完成时限（不得超过6个月）" (商务部等5部门关于公布中华老字号复核结果的通知, 2023). */
const DEFAULT_RECTIFICATION_MONTHS = 6;

/**
 * 老字号 复核. A 老字号 does not expire; its office re-checks every recognised 老字号 of an award
 * every few years ("有进有出"的动态管理, 《中华老字号示范创建管理办法》商务部等5部门 商流通规发〔2023〕6号):
 * a round lists them, and each gets 通过, 限期整改 (with its deadline; re-checked again in the same
 * round when done or when the period ends) or 撤销认定. Every outcome is a transition of the
 * application (history, notices, the 整改 deadline as its timer); 撤销 also marks the certificate.
 */
@Injectable()
export class RechecksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly engine: WorkflowEngine,
  ) {}

  async start(input: StartRecheckDto, admin: AuthUser): Promise<RecheckRoundDto> {
    const award = findAward(input.awardCode);
    const officeId = input.officeId ?? admin.officeIds[0];
    if (!award) throw new FieldValidationError([{ field: 'awardCode', messages: [`没有代码为“${input.awardCode}”的奖项`] }]);
    if (!award.recheckEveryYears) throw new FieldValidationError([{ field: 'awardCode', messages: [`${award.name}不实行定期复核（有效期届满即到期）`] }]);
    if (!officeId || !admin.officeIds.includes(officeId)) throw new FieldValidationError([{ field: 'officeId', messages: ['只能为您所属的办公室组织复核'] }]);
    const startedOn = today();
    const id = await this.dataSource.transaction(async (m) => {
      const listed = await recognitionsOf(m, officeId, award.code, RECOGNISED);
      if (!listed.length) throw new FieldValidationError([{ field: 'awardCode', messages: [`本办公室目前没有已认定的${award.name}，无需复核`] }]);
      const title = input.title?.trim() || `${startedOn.slice(0, 4)}年${award.name}复核`;
      return insertRound(m, { officeId, awardCode: award.code, title, startedOn, createdBy: admin.id }, listed);
    });
    return this.get(id, admin);
  }

  async list(admin: AuthUser): Promise<RecheckRoundDto[]> {
    return this.views(await roundsOfOffices(this.dataSource, admin.officeIds));
  }

  async get(id: string, admin: AuthUser): Promise<RecheckRoundDto> {
    const [view] = await this.views([await this.roundForAdmin(id, admin)]);
    return view;
  }

  async decide(roundId: string, itemId: string, input: RecheckOutcomeDto, admin: AuthUser): Promise<RecheckItemDto> {
    await this.roundForAdmin(roundId, admin);
    const comment = input.comment?.trim() || null;
    if (input.outcome !== 'passed' && !comment) {
      throw new FieldValidationError([{ field: 'comment', messages: [input.outcome === 'rectification' ? '请写明整改要求' : '请写明撤销认定的理由'] }]);
    }
    let dueOn: string | null = null;
    if (input.outcome === 'rectification') {
      dueOn = input.rectificationDueOn ?? addMonths(today(), DEFAULT_RECTIFICATION_MONTHS);
      if (!isCalendarDate(dueOn)) throw new FieldValidationError([{ field: 'rectificationDueOn', messages: ['不是有效的日期'] }]);
      if (dueOn <= today()) throw new FieldValidationError([{ field: 'rectificationDueOn', messages: ['整改期限须晚于今天'] }]);
    } else if (input.rectificationDueOn !== undefined) {
      throw new FieldValidationError([{ field: 'rectificationDueOn', messages: ['只有限期整改才有整改期限'] }]);
    }
    await this.dataSource.transaction(async (m) => {
      const item = await lockItem(m, roundId, itemId);
      if (!item) throw new NotFoundError('recheck item', itemId);
      // A round decides each 老字号 once; after 限期整改 it is re-checked in the same round.
      if (item.outcome && item.outcome !== 'rectification') {
        throw new FieldValidationError([{ field: 'outcome', messages: [`本轮复核已对该企业作出「${RECHECK_OUTCOME_LABELS[item.outcome]}」的结论`] }]);
      }
      const application = await this.applications.get(item.applicationId, m);
      const instance = await this.engine.get(application.instanceId, m);
      const definition = await this.engine.definitionOf(instance);
      const action = ACTION_OF[input.outcome];
      // A 老字号 recognised under brand version 2 (before 复核 existed) has no 复核 transitions: 通过
      // is recorded with the round alone (nothing changes), 限期整改 cannot be given, 撤销 runs as ever.
      if (!definition.transitions.some((t) => t.action === action)) {
        if (input.outcome === 'rectification') throw new FieldValidationError([{ field: 'outcome', messages: ['该认定按旧版流程办理，不能限期整改，可作出通过或撤销认定的结论'] }]);
        await recordOutcome(m, item.id, { outcome: input.outcome, comment, rectificationDueOn: null, decidedBy: admin.id });
        return;
      }
      await this.engine.fire({
        instanceId: application.instanceId,
        action,
        actor: { id: admin.id, role: admin.role },
        instance,
        comment: comment ?? '复核通过',
        payload: { recheckItemId: item.id },
        ...(dueOn ? { contextPatch: { rectificationDueOn: dueOn, rectificationDueAt: endOfBeijingDay(dueOn).toISOString() } } : {}),
        manager: m,
      });
      if (input.outcome === 'revoked') await markCertificateRevoked(m, application.id, comment);
      await recordOutcome(m, item.id, { outcome: input.outcome, comment, rectificationDueOn: dueOn, decidedBy: admin.id });
    });
    const [round] = await this.views([(await roundById(this.dataSource, roundId))!]);
    return round.items.find((i) => i.id === itemId)!;
  }

  /** The application's latest 复核: its enterprise sees 限期整改 and what to do by when. */
  async ofApplication(applicationId: string, user: AuthUser): Promise<ApplicationRecheckDto> {
    const { cycle } = await this.applications.loadVisible(applicationId, user);
    const mayRead = user.role === Role.Applicant || (user.role === Role.Admin && user.officeIds.includes(cycle.officeId));
    if (!mayRead) throw new ForbiddenError([Role.Applicant, Role.Admin]);
    const item = await latestItemOf(this.dataSource, applicationId);
    if (!item) return { recheck: null };
    return {
      recheck: {
        roundTitle: item.roundTitle,
        startedOn: item.startedOn,
        outcome: item.outcome,
        outcomeLabel: item.outcome ? RECHECK_OUTCOME_LABELS[item.outcome] : null,
        comment: item.comment,
        rectificationDueOn: item.rectificationDueOn,
        decidedAt: item.decidedAt,
      },
    };
  }

  private async roundForAdmin(id: string, admin: AuthUser): Promise<RecheckRoundRow> {
    const round = await roundById(this.dataSource, id);
    if (!round || !admin.officeIds.includes(round.officeId)) throw new NotFoundError('recheck round', id);
    return round;
  }

  private async views(rounds: RecheckRoundRow[]): Promise<RecheckRoundDto[]> {
    const items = await itemsOf(this.dataSource, rounds.map((r) => r.id));
    const states = new Map((await applicationSummaries(this.dataSource, items.map((i) => i.applicationId))).map((a) => [a.id, a.state]));
    return rounds.map((r) => ({
      id: r.id,
      officeId: r.officeId,
      awardCode: r.awardCode,
      awardName: findAward(r.awardCode)?.name ?? r.awardCode,
      title: r.title,
      startedOn: r.startedOn,
      items: items.filter((i) => i.roundId === r.id).map((i) => itemView(i, states.get(i.applicationId) ?? '')),
    }));
  }
}

function itemView(i: RecheckItemRow, state: string): RecheckItemDto {
  return {
    id: i.id,
    applicationId: i.applicationId,
    organizationName: i.organizationName,
    state,
    stateLabel: STATE_LABELS[state] ?? state,
    outcome: i.outcome,
    outcomeLabel: i.outcome ? RECHECK_OUTCOME_LABELS[i.outcome] : null,
    comment: i.comment,
    rectificationDueOn: i.rectificationDueOn,
    rectificationOrderedAt: i.rectificationOrderedAt,
    decidedAt: i.decidedAt,
  };
}

function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The same day N months on (the month's last day when it has no such day). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
