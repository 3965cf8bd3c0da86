// The eligibility rules are shared with the console: they live in @awardflow/rules.
export { beijingDate, checkEligibilityRules, ELIGIBILITY_RULES, eligibilityChecklist, evaluateEligibility, RECORD_KIND_LABELS, referenceDateOf, ruleLabel } from '@awardflow/rules';
export type { EligibilityFailure, EligibilityRuleRef, RuleCheck } from '@awardflow/rules';
