import { Injectable } from '@nestjs/common';
import { applicationSummaries, applicationSummariesInCycles, ApplicationsService, Audience, audienceOf, redactObjection } from '@awardflow/applications';
import { A, S } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { DomainError, ErrorCode, NotFoundError } from '@awardflow/platform';
import { WorkflowEngine } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { decideObjection, insertObjection, lockObjection, ObjectionInput, objectionsTo } from './objections.repository';

export type { ObjectionInput } from './objections.repository';

/** 公示 objections: filed in writing inside the window, decided by the office (upheld: rejected; dismissed: back to 公示). */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly cycles: CyclesService,
    private readonly engine: WorkflowEngine,
  ) {}

  async file(applicationId: string, input: ObjectionInput, user: AuthUser) {
    const application = await this.applications.get(applicationId);
    return this.dataSource.transaction(async (m) => {
      const instance = await this.engine.get(application.instanceId, m);
      if (instance.state !== S.publicity) throw new DomainError(ErrorCode.ObjectionPeriodClosed, { stateLabel: instance.stateLabel });
      const id = await insertObjection(m, applicationId, user.id, input);
      // The objector is the office's alone: the chained (never rewritten) history row names no one;
      // who objected stays in the objections table, and the row's actor is redacted when read.
      await this.engine.fire({ instanceId: application.instanceId, action: A.fileObjection, actor: { id: user.id, role: user.role }, payload: { objectionId: id }, instance, manager: m });
      return { id, applicationId, status: 'open' };
    });
  }

  async resolve(objectionId: string, decision: 'uphold' | 'dismiss', resolution: string, admin: AuthUser) {
    return this.dataSource.transaction(async (m) => {
      const o = await lockObjection(m, objectionId);
      const [application] = o ? await applicationSummaries(m, [o.applicationId]) : [];
      if (!o || !admin.officeIds.includes((await this.cycles.get(application.cycleId)).officeId)) throw new NotFoundError('objection', objectionId);
      if (o.status !== 'open') throw new DomainError(ErrorCode.ObjectionDecided, { objectionStatus: o.status });
      const status = decision === 'uphold' ? 'upheld' : 'dismissed';
      await decideObjection(m, objectionId, status, resolution, admin.id);
      const result = await this.engine.fire({
        instanceId: application.instanceId,
        action: decision === 'uphold' ? A.upholdObjection : A.dismissObjection,
        actor: { id: admin.id, role: admin.role },
        comment: resolution,
        manager: m,
      });
      return { id: objectionId, status, applicationState: result.to };
    });
  }

  /** The office sees objectors and allegations; everybody else that there was one, and its outcome. */
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
}
