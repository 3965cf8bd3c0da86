/** Unit specs live beside the code (*.spec.ts); integration and e2e specs under test/ (*.e2e-spec.ts). */
const aliases = ['platform', 'identity', 'workflow', 'awards', 'cycles', 'applications', 'review', 'notifications', 'deadlines', 'audit', 'rules'];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(libs|apps|test)/.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: Object.fromEntries(
    aliases.flatMap((name) => [
      [`^@awardflow/${name}$`, `<rootDir>/libs/${name}/src`],
      [`^@awardflow/${name}/(.*)$`, `<rootDir>/libs/${name}/src/$1`],
    ]),
  ),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // A bound, not a wait: on a busy 2-core machine a suite's setup (argon2 hashes for its users, a
  // worker booting) can take minutes; every wait inside a test is on a condition.
  testTimeout: 180_000,
  // Two cores here: more workers only thrash. CI and laptops can raise it with --maxWorkers.
  maxWorkers: 2,
};
