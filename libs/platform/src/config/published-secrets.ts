/**
 * Secret values that anyone can read in this repository: compose's old fallbacks, the development
 * defaults, the README's examples, the test suite's. Production refuses every one of them (and any
 * `change-me` placeholder). test/foundation/published-secrets.spec.ts scans the repository and
 * fails when a secret-looking value there is missing from this list.
 */
export const PUBLISHED_SECRETS: ReadonlySet<string> = new Set([
  // docker-compose.yml: the old fallbacks, and the database password (the database is not published)
  'awardflow',
  'change-me-change-me-change-me-change-me',
  'change-me-please',
  // development defaults (environment.ts)
  'awardflow-development-secret-not-for-production-use',
  'awardflow-admin',
  // README examples
  'choose-one',
  // the test suite and the demo
  'test-secret-test-secret-test-secret-1234',
  'admin-password-1',
  'user-password-1',
  'demo-password-1',
  'enterprise-password-1',
  'applicant-password-1',
]);

/** Whether a secret's value is one the repository publishes, or an obvious placeholder. */
export function isPublishedSecret(value: string): boolean {
  return PUBLISHED_SECRETS.has(value) || /(?<![a-z])change[-_]?me(?![a-z])/i.test(value);
}
