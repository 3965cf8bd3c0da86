import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { A, actionRule, GenericUseCase, scopeOf } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { FieldValidationError, sqlRows } from '@awardflow/platform';
import { ActionForbiddenError, WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { ActionUseCases, BulkActionRequest } from './action-use-cases';
import { BulkActionDto, BulkActionResultDto } from './bulk-actions.dto';

const BULK_CHUNK = 250;

/** The office's actions that may be taken for many applications at once, with their names in the console. */
export const BULK_ACTIONS: Readonly<Record<string, string>> = {
  [A.passFormalReview]: '形式审查通过',
  [A.passPreliminaryReview]: '初审通过',
  [A.shortlist]: '确定入围',
  [A.notShortlist]: '未入围',
  [A.passComprehensiveSelection]: '综合评选入选',
  [A.failComprehensiveSelection]: '综合评选未入选',
  [A.governmentApprove]: '政府审批通过',
  [A.approve]: '审定',
  [A.approveSecondTier]: '审定（第二档）',
};

/**
 * POST /cycles/:id/bulk-actions/:action — one office action for up to 1,000 applications of one
 * cycle, as the single route would take it for each (the action table's rule for the caller's
 * role, the engine's roles and guards), written set-based by the engine's batch transition. A
 * use case with rules over the whole batch (审定 within the quota) runs its own batch form.
 */
@Injectable()
export class BulkActions implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly cycles: CyclesService,
    private readonly useCases: ActionUseCases,
  ) {}

  onModuleInit(): void {
    this.useCases.implementBulk('transition', (request) => this.transitionMany(request));
  }

  async run(cycleId: string, action: string, body: BulkActionDto, user: AuthUser): Promise<BulkActionResultDto> {
    const label = BULK_ACTIONS[action];
    const rule = actionRule(action);
    const handler = rule && this.useCases.bulkImplementationOf(rule.useCase as GenericUseCase);
    if (!label || !rule || !handler) {
      throw new FieldValidationError([{ field: 'action', messages: [`该操作不能批量办理；可批量办理：${Object.values(BULK_ACTIONS).join('、')}`] }]);
    }
    // Staff of another office do not see the cycle; a role the table does not give the action is refused.
    const cycle = await this.cycles.getForAdmin(cycleId, user);
    if (scopeOf(rule, user.role) !== 'cycle_office') throw new ActionForbiddenError(action, user.role, Object.keys(rule.who).filter((r) => r !== 'system'), { action: label });

    const rows = await sqlRows<{ id: string; instanceId: string }>(
      this.dataSource,
      `SELECT id, instance_id AS "instanceId" FROM applications WHERE id = ANY($1::uuid[]) AND cycle_id = $2`,
      [body.applicationIds, cycle.id],
    );
    const applicationOf = new Map(rows.map((r) => [r.instanceId, r.id]));
    const found = new Set(rows.map((r) => r.id));
    const request: BulkActionRequest = { cycle, action, user, comment: body.comment, instanceIds: rows.map((r) => r.instanceId) };
    const result = rows.length ? await handler(request) : { moved: [], skipped: [] };
    return {
      action,
      moved: result.moved.map((m) => ({ applicationId: applicationOf.get(m.instanceId)!, from: m.from, to: m.to })),
      skipped: [
        ...body.applicationIds.filter((id) => !found.has(id)).map((id) => ({ applicationId: id, code: 'NOT_FOUND', message: '该评审周期中没有这项申报' })),
        ...result.skipped.map((s) => ({ applicationId: applicationOf.get(s.instanceId)!, state: s.state, code: s.code, message: s.message })),
      ],
    };
  }

  /**
   * The `transition` use case for many: the engine's batch, in the caller's name. In chunks of 250
   * over two lanes, so one chunk's statement runs in Postgres while the next is computed here (a
   * bulk of 1,000 took 0.34 s as one chunk, 0.31 s being the same writes as one hand-written
   * statement). Each chunk commits whole; the state is the cursor, so a bulk run again after a
   * failure moves only what is left.
   */
  private transitionMany(request: BulkActionRequest) {
    return this.engine.fireMany({
      instanceIds: request.instanceIds,
      action: request.action,
      actor: { id: request.user.id, role: request.user.role },
      comment: request.comment,
      chunkSize: BULK_CHUNK,
      lanes: 2,
    });
  }
}
