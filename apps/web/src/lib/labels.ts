import { SELF_ASSESSMENT } from '@awardflow/rules';

// The labels themselves are the server's (one copy, in @awardflow/rules); only colours are the console's.
export { ACTOR_ROLE_LABELS, CYCLE_STATUS_LABELS, DEADLINE_KIND_LABELS, RECORD_KIND_LABELS, ROLE_LABELS, STATE_LABELS, stateTone as stateColor } from '@awardflow/rules';

export const CYCLE_STATUS_COLORS: Record<string, string> = { draft: 'default', open: 'green', closed: 'orange', archived: 'default' };

/** The self-assessment's categories as the form declares them: [key, label]. */
export const SELF_ASSESSMENT_FIELDS: Array<[string, string]> = SELF_ASSESSMENT.map((f) => [f.key, f.label]);
