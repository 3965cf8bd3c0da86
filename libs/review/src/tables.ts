/**
 * The tables this context owns: only its code names them in SQL; other contexts call its exported
 * functions. Checked by test/architecture/table-ownership.spec.ts.
 */
export const OWNED_TABLES = [
  'reviewers',
  'review_assignments',
  'review_conflicts',
  'review_scores',
  'review_score_versions',
  'review_score_drafts',
  'review_flags',
  'application_scores',
  'stage_reviewers',
  'onsite_findings',
  'panel_members',
  'panel_votes',
  'objections',
  'certificates',
  'publicity_batches',
  'publicity_entries',
  'objection_responses',
  'objection_files',
  'award_decisions',
  'recheck_rounds',
  'recheck_items',
  'outside_results',
  'feedback_report_releases',
] as const;
