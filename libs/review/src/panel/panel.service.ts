import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@awardflow/applications';
import { A, S } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError } from '@awardflow/platform';
import { WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';

export type Vote = 'approve' | 'reject' | 'abstain';

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
  ) {}

  async setMembers(cycleId: string, memberIds: string[], admin: AuthUser) {
    const cycle = await this.cycles.getForAdmin(cycleId, admin);
    const valid = await this.dataSource.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND role IN ('reviewer', 'admin') AND is_active`, [memberIds]);
    if (valid.length !== new Set(memberIds).size) throw new FieldValidationError([{ field: 'memberIds', messages: ['every member must be an active reviewer or admin'] }]);
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM panel_members WHERE cycle_id = $1`, [cycle.id]);
      await m.query(`INSERT INTO panel_members (cycle_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) u`, [cycle.id, [...new Set(memberIds)]]);
    });
    return { cycleId, memberIds: [...new Set(memberIds)] };
  }

  async vote(applicationId: string, vote: Vote, comment: string | undefined, member: AuthUser) {
    const application = await this.applications.get(applicationId);
    const [isMember] = await this.dataSource.query(`SELECT 1 FROM panel_members WHERE cycle_id = $1 AND user_id = $2`, [application.cycleId, member.id]);
    if (!isMember) throw new NotFoundError('application', applicationId);
    const instance = await this.engine.get(application.instanceId);
    if (instance.state !== S.panel) throw new DomainError(ErrorCode.VotingClosed, { stateLabel: instance.stateLabel });
    await this.dataSource.query(
      `INSERT INTO panel_votes (application_id, member_id, vote, comment) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id, member_id) DO UPDATE SET vote = EXCLUDED.vote, comment = EXCLUDED.comment, voted_at = now()`,
      [applicationId, member.id, vote, comment ?? null],
    );
    return { applicationId, vote };
  }

  /** Counts the votes and moves the application by the outcome (409 without a quorum). */
  async close(applicationId: string, admin: AuthUser, expectedVersion?: number) {
    const { application, cycle } = await this.applications.loadVisible(applicationId, admin);
    if (admin.role !== Role.Admin) throw new NotFoundError('application', applicationId);
    const votes: Array<{ vote: Vote }> = await this.dataSource.query(
      `SELECT v.vote FROM panel_votes v JOIN panel_members p ON p.user_id = v.member_id AND p.cycle_id = $2 WHERE v.application_id = $1`,
      [applicationId, cycle.id],
    );
    const outcome = panelOutcome(votes.map((v) => v.vote), cycle.panel);
    if (!outcome.quorate) throw new DomainError(ErrorCode.NoQuorum, { present: outcome.present, quorum: cycle.panel.quorum }, { outcome });
    const result = await this.engine.fire({
      instanceId: application.instanceId,
      action: A.closePanelVote,
      actor: { id: admin.id, role: admin.role },
      expectedVersion,
      payload: { votePassed: outcome.passed, ...outcome },
      comment: `表决结果：同意 ${outcome.approve}，反对 ${outcome.reject}，弃权 ${outcome.abstain}`,
    });
    return { outcome, state: result.to };
  }
}
