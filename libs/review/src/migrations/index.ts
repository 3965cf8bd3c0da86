import { Review1795560400000 } from './1795560400000-review';
import { StageReviewers1795560800000 } from './1795560800000-stage-reviewers';
import { ApplicationScoresCycleIndex1795562500000 } from './1795562500000-application-scores-cycle-index';
import { PublicityBatches1795562820000 } from './1795562820000-publicity-batches';
import { ResultsAndCertificates1795562830000 } from './1795562830000-results-and-certificates';
import { DefenseScore1795562890000 } from './1795562890000-defense-score';
import { OutsideResults1795562882000 } from './1795562882000-outside-results';
import { Rechecks1795562901000 } from './1795562901000-rechecks';
import { ScoreFeedback1795562910000 } from './1795562910000-score-feedback';
import { ScoreDrafts1795562911000 } from './1795562911000-score-drafts';
import { FeedbackReportReleases1795562970000 } from './1795562970000-feedback-report-releases';

/** Review's schema (reviewers, assignments, scores, panels, objections, certificates), oldest first. apps/migrate assembles every lib's list. */
export const REVIEW_MIGRATIONS = [
  Review1795560400000,
  StageReviewers1795560800000,
  ApplicationScoresCycleIndex1795562500000,
  PublicityBatches1795562820000,
  ResultsAndCertificates1795562830000,
  OutsideResults1795562882000,
  DefenseScore1795562890000,
  Rechecks1795562901000,
  ScoreFeedback1795562910000,
  ScoreDrafts1795562911000,
  FeedbackReportReleases1795562970000,
];
