/**
 * The tables this context owns: only its code names them in SQL; other contexts call its exported
 * functions. Checked by test/architecture/table-ownership.spec.ts.
 */
export const OWNED_TABLES = ['organizations', 'organization_records', 'applications', 'attachments', 'cycle_receipt_counters', 'application_state_counts', 'endorsements', 'endorsement_letters'] as const;
