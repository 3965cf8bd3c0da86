// The family forms are shared with the console: they live in @awardflow/rules.
export { FAMILY_FORMS, formProblems, SELF_ASSESSMENT_LIMIT, validateForm } from '@awardflow/rules';
export type { FormCheckOptions, FormFieldProblem } from '@awardflow/rules';
