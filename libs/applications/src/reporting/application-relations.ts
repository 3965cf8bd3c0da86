/**
 * Applications as another context may join them in a set-based read (the statistics' refresh, a
 * count over a cycle's applications): the cycle, the organisation, the workflow instance and when
 * it was submitted (NULL for a draft). No form, receipt or materials.
 */
export const APPLICATION_SUBJECTS_RELATION = '(SELECT id, cycle_id, organization_id, instance_id, submitted_at FROM applications)';
