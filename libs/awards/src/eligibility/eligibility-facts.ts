// The eligibility rules are shared with the console: they live in @awardflow/rules.
export type { CreditGrade, EligibilityFacts, OrganizationRecordFact, OrganizationRecordKind, OwnFacts, WinFact } from '@awardflow/rules';
