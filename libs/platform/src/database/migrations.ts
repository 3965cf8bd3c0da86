import { Foundation1795560000000 } from './migrations/1795560000000-foundation';
import { WorkflowEngine1795560100000 } from './migrations/1795560100000-workflow-engine';
import { AwardCycles1795560200000 } from './migrations/1795560200000-award-cycles';
import { Applications1795560300000 } from './migrations/1795560300000-applications';
import { Review1795560400000 } from './migrations/1795560400000-review';
import { Notifications1795560500000 } from './migrations/1795560500000-notifications';
import { DeadlineScheduling1795560600000 } from './migrations/1795560600000-deadline-scheduling';
import { OnsiteFindingsAndRecommendations1795560700000 } from './migrations/1795560700000-onsite-findings-and-recommendations';
import { StageReviewers1795560800000 } from './migrations/1795560800000-stage-reviewers';
import { UserTokenVersion1795561000000 } from './migrations/1795561000000-user-token-version';
import { AppendOnlyAudit1795561100000 } from './migrations/1795561100000-append-only-audit';
import { WorkCalendar1795561800000 } from '../../../calendar/src/migrations/1795561800000-work-calendar';

/**
 * The schema's timeline, oldest first. Landed migrations are never edited: add a new one.
 * Each bounded context adds its own file; keep the timestamps increasing.
 */
export const MIGRATIONS = [Foundation1795560000000, WorkflowEngine1795560100000, AwardCycles1795560200000, Applications1795560300000, Review1795560400000, Notifications1795560500000, DeadlineScheduling1795560600000, OnsiteFindingsAndRecommendations1795560700000, StageReviewers1795560800000, UserTokenVersion1795561000000, AppendOnlyAudit1795561100000, WorkCalendar1795561800000];
