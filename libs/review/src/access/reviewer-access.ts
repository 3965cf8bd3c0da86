import { Injectable } from '@nestjs/common';
import { Application } from '@awardflow/applications';
import { Cycle } from '@awardflow/cycles';
import { AuthUser, Role } from '@awardflow/identity';
import { instanceStates } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { dutyStageOf } from './duty-stage';
import { dutiesOn } from './reviewer-duties.repository';

/**
 * Which applications an expert may read. Reviewers see what is assigned to them (not in a blind
 * cycle: there only through the assignment's blind view), as panel members what is before their
 * panel now or what they voted on (not the cycle's drafts or 形式审查), and an application in
 * 形式审查 / 初审 or 现场评审 only when the office named them for that stage of it.
 */
@Injectable()
export class ReviewerAccess {
  constructor(private readonly dataSource: DataSource) {}

  async mayView(user: AuthUser, application: Pick<Application, 'id' | 'instanceId'>, cycle: Pick<Cycle, 'id' | 'officeId' | 'blindReview'>): Promise<boolean> {
    if (user.role !== Role.Reviewer) return false;
    const duties = await dutiesOn(this.dataSource, user.id, application.id, cycle.id);
    if ((duties.assigned && !cycle.blindReview) || (duties.panelMember && duties.voted)) return true;
    const named = user.officeIds.includes(cycle.officeId) ? duties.namedStages : [];
    // The rest depends on the application's state: read only when a duty could use it.
    if (!duties.panelMember && !named.length) return false;
    const stage = dutyStageOf((await instanceStates(this.dataSource, [application.instanceId])).get(application.instanceId));
    return stage === 'panel' ? duties.panelMember : stage !== null && (named as string[]).includes(stage);
  }
}
