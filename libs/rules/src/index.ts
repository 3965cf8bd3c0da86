/*
 * Pure rules both the server and the console run: no framework, no I/O, no other lib. What the
 * console checks before a request is what the API checks on it.
 */
export * from './formats/dates';
export * from './formats/usual-calendar';
export * from './uscc/uscc';
export * from './eligibility/eligibility-facts';
export * from './eligibility/eligibility-rules';
export * from './forms/form-schema';
export * from './forms/form-value';
export * from './forms/family-forms';
export * from './forms/subject-key';
export * from './labels/workflow-names';
export * from './labels/state-labels';
export * from './labels/domain-labels';
export * from './formats/patterns';
export * from './text/chinese-text';
