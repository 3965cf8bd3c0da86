import { Injectable } from '@nestjs/common';
import { Application, OrganizationsService } from '@awardflow/applications';
import { S } from '@awardflow/awards';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { addIsoDuration, DeadlineWriter, Outbox } from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { ReviewPoolService } from '../pool/review-pool.service';
import { selectReviewers } from './select-reviewers';

const DAY_MS = 86_400_000;

export interface AssignmentOutcome {
  assigned: string[];
  flagged: string | null;
}

/** Tops an application's expert review up to the cycle's reviewer count, by the selection rules. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: ReviewPoolService,
    private readonly cycles: CyclesService,
    private readonly organizations: OrganizationsService,
    private readonly deadlines: DeadlineWriter,
    private readonly outbox: Outbox,
  ) {}

  async topUp(applicationId: string, assignedBy: string | null): Promise<AssignmentOutcome> {
    return this.dataSource.transaction(async (m) => {
      // Serialise per application: two events for one application must not both top it up.
      const [application] = await m.query(`SELECT a.*, i.state FROM applications a JOIN workflow_instances i ON i.id = a.instance_id WHERE a.id = $1 FOR UPDATE OF a`, [applicationId]);
      if (!application || application.state !== S.expertReview) return { assigned: [], flagged: null };
      const cycle = await this.cycles.get(application.cycle_id);
      await this.lockPool(m, cycle.officeId);
      const existing: Array<{ reviewer_id: string; status: string }> = await m.query(
        `SELECT reviewer_id, status FROM review_assignments WHERE application_id = $1 AND stage = 'expert'`,
        [applicationId],
      );
      const active = existing.filter((e) => e.status === 'assigned' || e.status === 'scored').length;
      const needed = cycle.reviewersPerApplication - active;
      if (needed <= 0) return { assigned: [], flagged: null };
      const organization = await this.organizations.get(application.organization_id, m);
      const conflicts: Array<{ reviewer_id: string }> = await m.query(`SELECT reviewer_id FROM review_conflicts WHERE organization_id = $1`, [organization.id]);
      const result = selectReviewers({
        pool: await this.pool.poolFor(cycle.officeId, m),
        applicant: { organizationId: organization.id, uscc: organization.uscc, industry: organization.industry },
        conflicted: new Set(conflicts.map((c) => c.reviewer_id)),
        exclude: new Set(existing.map((e) => e.reviewer_id)),
        count: needed,
        seed: applicationId,
      });
      if ('flag' in result) {
        const open = await m.query(`SELECT 1 FROM review_flags WHERE application_id = $1 AND resolved_at IS NULL`, [applicationId]);
        if (!open.length) {
          await m.query(`INSERT INTO review_flags (application_id, reason) VALUES ($1, $2)`, [applicationId, result.flag]);
          await this.outbox.append(m, 'assignment_flagged', { applicationId, reason: result.flag }, application.instance_id);
        }
        return { assigned: [], flagged: result.flag };
      }
      await m.query(`UPDATE review_flags SET resolved_at = now() WHERE application_id = $1 AND resolved_at IS NULL`, [applicationId]);
      for (const reviewerId of result.selected) await this.assign(m, application, cycle, reviewerId, assignedBy);
      return { assigned: result.selected, flagged: null };
    });
  }

  /**
   * Loads are read to choose the least busy expert: two applications staffed at once from the
   * same pool would read the same loads and pile onto the same people, so an office's pool is
   * staffed one application at a time (assignment is rare; the lock is held for milliseconds).
   */
  async lockPool(m: EntityManager, officeId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('review-pool:' || $1::text))`, [officeId]);
  }

  /** One assignment with its due date, reminders and escalation as deadline rows. */
  async assign(m: EntityManager, application: { id: string; instance_id: string; cycle_id: string }, cycle: Cycle, reviewerId: string, assignedBy: string | null): Promise<string> {
    const context = this.cycles.instanceContext(cycle);
    const now = new Date();
    const dueAt = addIsoDuration(now, String(context.reviewDueDuration));
    const [{ id }] = await m.query(
      `INSERT INTO review_assignments (application_id, cycle_id, reviewer_id, stage, due_at, assigned_by) VALUES ($1, $2, $3, 'expert', $4, $5) RETURNING id`,
      [application.id, cycle.id, reviewerId, dueAt, assignedBy],
    );
    const [dueId] = await this.deadlines.insert(m, [
      { instanceId: application.instance_id, kind: 'review_due', event: 'review_overdue', payload: { assignmentId: id, reviewerId, applicationId: application.id }, setInState: S.expertReview, dueAt },
    ]);
    const reminders = cycle.reminderDaysBefore
      .map((days) => ({ days, at: new Date(dueAt.getTime() - days * DAY_MS) }))
      .filter((r) => r.at > now)
      .map((r) => ({
        instanceId: application.instance_id,
        kind: 'review_reminder',
        event: 'review_reminder_due' as const,
        payload: { assignmentId: id, reviewerId, applicationId: application.id, daysBefore: r.days, parentDeadlineId: dueId },
        setInState: S.expertReview,
        dueAt: r.at,
      }));
    await this.deadlines.insert(m, reminders);
    await this.outbox.append(m, 'reviewer_assigned', { assignmentId: id, reviewerId, applicationId: application.id, dueAt: dueAt.toISOString() }, application.instance_id);
    return id;
  }

  /** An assignment ends early (conflict, reassignment, score): its reminders and escalation go. */
  async closeDeadlines(m: EntityManager, assignmentId: string): Promise<void> {
    await m.query(
      `UPDATE deadlines SET status = 'cancelled', cancelled_at = now(), outcome = 'assignment_closed'
        WHERE status = 'pending' AND kind IN ('review_due', 'review_reminder') AND payload->>'assignmentId' = $1`,
      [assignmentId],
    );
  }
}

export type { Application };
