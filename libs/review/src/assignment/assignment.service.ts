import { WorkCalendars } from '@awardflow/calendar';
import { Injectable } from '@nestjs/common';
import { ApplicationSummary, lockApplication } from '@awardflow/applications';
import { S } from '@awardflow/awards';
import { Cycle, CyclesService } from '@awardflow/cycles';
import { addIsoDuration, cancelDeadlinesMatching, DeadlineWriter, instanceStates, Outbox } from '@awardflow/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { ReviewPoolService } from '../pool/pool.service';
import { conflictedReviewers, expertAssignmentsOf, insertExpertAssignment, lockPool, raiseFlag, resolveFlags } from './assignment.repository';
import { selectReviewers } from './select-reviewers';

const DAY_MS = 86_400_000;

export interface AssignmentOutcome {
  assigned: string[];
  flagged: string | null;
}

/** The application an assignment is made for. */
export type AssignedApplication = Pick<ApplicationSummary, 'id' | 'instanceId' | 'cycleId'>;

/** Tops an application's expert review up to the cycle's reviewer count, by the selection rules. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: ReviewPoolService,
    private readonly cycles: CyclesService,
    private readonly deadlines: DeadlineWriter,
    private readonly outbox: Outbox,
    private readonly calendars: WorkCalendars,
  ) {}

  async topUp(applicationId: string, assignedBy: string | null): Promise<AssignmentOutcome> {
    return this.dataSource.transaction(async (m) => {
      // Serialise per application: two events for one application must not both top it up.
      const application = await lockApplication(m, applicationId);
      if (!application || (await instanceStates(m, [application.instanceId])).get(application.instanceId) !== S.expertReview) return { assigned: [], flagged: null };
      const cycle = await this.cycles.get(application.cycleId);
      await lockPool(m, cycle.officeId);
      const existing = await expertAssignmentsOf(m, applicationId);
      const active = existing.filter((e) => e.status === 'assigned' || e.status === 'scored').length;
      const needed = cycle.reviewersPerApplication - active;
      if (needed <= 0) return { assigned: [], flagged: null };
      const result = selectReviewers({
        pool: await this.pool.poolFor(cycle.officeId, m),
        applicant: { organizationId: application.organizationId, uscc: application.organizationUscc, industry: application.organizationIndustry },
        conflicted: new Set(await conflictedReviewers(m, application.organizationId)),
        exclude: new Set(existing.map((e) => e.reviewerId)),
        count: needed,
        seed: applicationId,
      });
      if ('flag' in result) {
        if (await raiseFlag(m, applicationId, result.flag)) await this.outbox.append(m, 'assignment_flagged', { applicationId, reason: result.flag }, application.instanceId);
        return { assigned: [], flagged: result.flag };
      }
      await resolveFlags(m, applicationId);
      for (const reviewerId of result.selected) await this.assign(m, application, cycle, reviewerId, assignedBy);
      return { assigned: result.selected, flagged: null };
    });
  }

  /** One assignment with its due date, reminders and escalation as deadline rows. */
  async assign(m: EntityManager, application: AssignedApplication, cycle: Cycle, reviewerId: string, assignedBy: string | null): Promise<string> {
    const context = this.cycles.instanceContext(cycle);
    const now = new Date();
    // A due date in working days (P10WD) counts with the holiday calendar.
    const dueAt = await this.calendars.withCalendar((calendar) => addIsoDuration(now, String(context.reviewDueDuration), calendar));
    const id = await insertExpertAssignment(m, { applicationId: application.id, cycleId: cycle.id, reviewerId, dueAt, assignedBy });
    const [dueId] = await this.deadlines.insert(m, [
      { instanceId: application.instanceId, kind: 'review_due', event: 'review_overdue', payload: { assignmentId: id, reviewerId, applicationId: application.id }, setInState: S.expertReview, dueAt },
    ]);
    const reminders = cycle.reminderDaysBefore
      .map((days) => ({ days, at: new Date(dueAt.getTime() - days * DAY_MS) }))
      .filter((r) => r.at > now)
      .map((r) => ({
        instanceId: application.instanceId,
        kind: 'review_reminder',
        event: 'review_reminder_due' as const,
        payload: { assignmentId: id, reviewerId, applicationId: application.id, daysBefore: r.days, parentDeadlineId: dueId },
        setInState: S.expertReview,
        dueAt: r.at,
      }));
    await this.deadlines.insert(m, reminders);
    await this.outbox.append(m, 'reviewer_assigned', { assignmentId: id, reviewerId, applicationId: application.id, dueAt: dueAt.toISOString() }, application.instanceId);
    return id;
  }

  /** An assignment ends early (conflict, reassignment, score): its reminders and escalation go. */
  async closeDeadlines(m: EntityManager, assignmentId: string): Promise<void> {
    await cancelDeadlinesMatching(m, { kinds: ['review_due', 'review_reminder'], payload: { assignmentId }, outcome: 'assignment_closed' });
  }
}
