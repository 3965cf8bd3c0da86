import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { ApplicationsService } from '@awardflow/applications';
import { A, getAward, S } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser, Role, usersOutsideOffice } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError } from '@awardflow/platform';
import { WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { officeLabel } from '../pool/office-label';
import { expertScores } from '../scoring/score.repository';
import { aggregateOf, castVote, isPanelMember, memberVotes, ownVote, panelMemberIds, replacePanel, Vote } from './panel.repository';

export type { Vote } from './panel.repository';

/** Quorum counts members present (abstaining is present); the majority is of those present. */
export function panelOutcome(votes: Vote[], rules: { quorum: number; majority: { numerator: number; denominator: number } }) {
  const present = votes.length;
  const approve = votes.filter((v) => v === 'approve').length;
  const reject = votes.filter((v) => v === 'reject').length;
  const quorate = present >= rules.quorum;
  // approve / present >= numerator / denominator, in integers.
  const passed = quorate && approve * rules.majority.denominator >= rules.majority.numerator * present;
  return { present, approve, reject, abstain: present - approve - reject, quorate, passed };
}

@Injectable()
export class PanelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly applications: ApplicationsService,
    private readonly engine: WorkflowEngine,
    private readonly audit: AuditLog,
  ) {}

  async setMembers(cycleId: string, memberIds: string[], admin: AuthUser) {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    // The committee sits for the office running the cycle: its own experts and staff only.
    const outside = await usersOutsideOffice(this.dataSource, memberIds, cycle.officeId, [Role.Reviewer, Role.Admin]);
    if (outside.length) {
      throw new FieldValidationError([{ field: 'memberIds', messages: [`委员须为本届评奖办公室（${await officeLabel(this.dataSource, cycle.officeId)}）在职的评审专家或办公室人员；以下用户不是：${outside.join('、')}`] }]);
    }
    await this.dataSource.transaction(async (m) => {
      const before = await panelMemberIds(m, cycle.id);
      await replacePanel(m, cycle.id, memberIds);
      await this.audit.record({ action: AuditAction.PanelMembersSet, entityType: AuditEntityType.Cycle, entityId: cycle.id, officeIds: [cycle.officeId], before: { panelMemberIds: before }, after: { panelMemberIds: [...new Set(memberIds)].sort() } }, m);
    });
    return { cycleId, memberIds: [...new Set(memberIds)] };
  }

  async vote(applicationId: string, vote: Vote, comment: string | undefined, member: AuthUser) {
    const application = await this.applications.get(applicationId);
    if (!(await isPanelMember(this.dataSource, application.cycleId, member.id))) throw new NotFoundError('application', applicationId);
    const instance = await this.engine.get(application.instanceId);
    if (instance.state !== S.panel) throw new DomainError(ErrorCode.VotingClosed, { stateLabel: instance.stateLabel });
    await castVote(this.dataSource, applicationId, member.id, vote, comment ?? null);
    return { applicationId, vote };
  }

  /**
   * What the 评审委员会 deliberates on, for a member of the cycle's panel (or its office's staff): the
   * aggregate with its parts, each expert's total (unnamed, highest first), the experts' mean per
   * rubric category, and the caller's own vote so far.
   */
  async brief(applicationId: string, user: AuthUser) {
    const application = await this.applications.get(applicationId);
    const cycle = await this.cycles.get(application.cycleId);
    const member = await isPanelMember(this.dataSource, cycle.id, user.id);
    const instance = await this.engine.get(application.instanceId);
    if (!member && !(user.role === Role.Admin && user.officeIds.includes(cycle.officeId))) {
      // Someone else who may see the application (its page offers the card) learns only that they do not sit on the panel.
      await this.applications.loadVisible(applicationId, user);
      return { applicationId, member: false, open: instance.state === S.panel, myVote: null, summary: null };
    }
    const aggregate = await aggregateOf(this.dataSource, applicationId);
    const experts = await expertScores(this.dataSource, cycle.id, applicationId);
    const rubric = getAward(cycle.awardCode).rubric;
    const round = (n: number) => Math.round(n * 100) / 100;
    const summary = aggregate && {
      ...aggregate,
      composite: round(aggregate.aggregated + aggregate.onsiteAdjustment + (aggregate.defenseScore ?? 0)),
      expertTotals: experts.map((e) => e.total).sort((a, b) => b - a),
      rubricTotal: rubric.total,
      categories: rubric.categories.map((c) => {
        const codes = new Set(c.items.map((i) => i.criterion));
        const sums = experts.map((e) => e.items.filter((i) => codes.has(i.criterion)).reduce((s, i) => s + i.score, 0));
        return { code: c.code, label: c.label, max: c.max, mean: sums.length ? round(sums.reduce((s, v) => s + v, 0) / sums.length) : null };
      }),
    };
    return { applicationId, member, open: instance.state === S.panel, myVote: member ? await ownVote(this.dataSource, applicationId, user.id) : null, summary };
  }

  /** Counts the votes and moves the application by the outcome (409 without a quorum). */
  async close(applicationId: string, admin: AuthUser, expectedVersion?: number) {
    const { application, cycle } = await this.applications.loadVisible(applicationId, admin);
    if (admin.role !== Role.Admin) throw new NotFoundError('application', applicationId);
    const outcome = panelOutcome(await memberVotes(this.dataSource, applicationId, cycle.id), cycle.panel);
    if (!outcome.quorate) throw new DomainError(ErrorCode.NoQuorum, { present: outcome.present, quorum: cycle.panel.quorum }, { outcome });
    const result = await this.engine.fire({
      instanceId: application.instanceId,
      action: A.closePanelVote,
      actor: { id: admin.id, role: admin.role },
      expectedVersion,
      // The count is the office's record (kept in the chained payload, redacted for everyone else);
      // no comment, since comments reach the enterprise (its history, its notification's 原因).
      payload: { votePassed: outcome.passed, ...outcome },
    });
    return { outcome, state: result.to };
  }
}
