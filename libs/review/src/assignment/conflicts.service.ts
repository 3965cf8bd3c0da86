import { Injectable } from '@nestjs/common';
import { CyclesService } from '@awardflow/cycles';
import { AuthUser } from '@awardflow/identity';
import { ConflictError, FieldValidationError, NotFoundError } from '@awardflow/platform';
import { OutboxNotifier } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { AssignmentService } from './assignment.service';

/** A reviewer's conflict of interest, and an admin's reassignment: both end the assignment and top up. */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly notifier: OutboxNotifier,
    private readonly cycles: CyclesService,
  ) {}

  async declare(assignmentId: string, reason: string, reviewer: AuthUser): Promise<{ replaced: true }> {
    await this.dataSource.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT ra.*, ap.organization_id, ap.instance_id FROM review_assignments ra JOIN applications ap ON ap.id = ra.application_id
          WHERE ra.id = $1 AND ra.reviewer_id = $2 FOR UPDATE OF ra`,
        [assignmentId, reviewer.id],
      );
      if (!a) throw new NotFoundError('assignment', assignmentId);
      if (a.status !== 'assigned') throw new ConflictError(`the assignment is already ${a.status}`);
      await m.query(`UPDATE review_assignments SET status = 'conflict' WHERE id = $1`, [assignmentId]);
      await m.query(`INSERT INTO review_conflicts (reviewer_id, organization_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [reviewer.id, a.organization_id, reason]);
      await this.assignments.closeDeadlines(m, assignmentId);
      await this.assignments.event(m, 'review.replace', a.instance_id, { applicationId: a.application_id });
    });
    this.notifier.poke();
    return { replaced: true };
  }

  /** Admin: end an assignment and give it to a named reviewer, or let the rules choose one. */
  async reassign(assignmentId: string, reviewerId: string | undefined, admin: AuthUser) {
    const result = await this.dataSource.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT ra.*, c.office_id, ap.instance_id, ap.organization_id, o.uscc FROM review_assignments ra JOIN cycles c ON c.id = ra.cycle_id
           JOIN applications ap ON ap.id = ra.application_id JOIN organizations o ON o.id = ap.organization_id
          WHERE ra.id = $1 FOR UPDATE OF ra`,
        [assignmentId],
      );
      if (!a || !admin.officeIds.includes(a.office_id)) throw new NotFoundError('assignment', assignmentId);
      if (a.status !== 'assigned') throw new ConflictError(`only an open assignment can be reassigned; this one is ${a.status}`);
      await m.query(`UPDATE review_assignments SET status = 'replaced' WHERE id = $1`, [assignmentId]);
      await this.assignments.closeDeadlines(m, assignmentId);
      if (!reviewerId) {
        await this.assignments.event(m, 'review.replace', a.instance_id, { applicationId: a.application_id });
        return { assignmentId: null };
      }
      const [candidate] = await m.query(
        `SELECT r.ties, EXISTS (SELECT 1 FROM review_conflicts rc WHERE rc.reviewer_id = r.user_id AND rc.organization_id = $2) AS conflicted,
                EXISTS (SELECT 1 FROM review_assignments x WHERE x.application_id = $3 AND x.reviewer_id = r.user_id AND x.status IN ('assigned', 'scored')) AS already
           FROM reviewers r WHERE r.user_id = $1 AND r.active`,
        [reviewerId, a.organization_id, a.application_id],
      );
      const problems = !candidate ? 'is not in the reviewer pool' : candidate.ties.includes(a.uscc) ? 'is tied to the applicant' : candidate.conflicted ? 'declared a conflict with the applicant' : candidate.already ? 'already reviews this application' : null;
      if (problems) throw new FieldValidationError([{ field: 'reviewerId', messages: [`the reviewer ${problems}`] }]);
      const id = await this.assignments.assign(m, { id: a.application_id, instance_id: a.instance_id, cycle_id: a.cycle_id }, await this.cycles.get(a.cycle_id), reviewerId, admin.id);
      return { assignmentId: id };
    });
    this.notifier.poke();
    return result;
  }

}
