/**
 * Four tiers, each a jest project that runs alone (`npm run test:<tier>`); `npm test` runs them all.
 * A file's tier is its name:
 *   unit         *.spec.ts          beside the code (and pure checks under test/): no database, no server
 *   integration  *.int-spec.ts      under test/: services on real Postgres and Redis, driven in-process
 *   e2e          *.e2e-spec.ts      under test/: the HTTP API (and the built processes)
 *   browser      *.browser-spec.ts  under test/web: the console in headless Chromium
 */
const aliases = ['platform', 'identity', 'workflow', 'awards', 'cycles', 'applications', 'review', 'notifications', 'deadlines', 'audit', 'calendar', 'rules', 'stats'];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: Object.fromEntries(
    aliases.flatMap((name) => [
      [`^@awardflow/${name}$`, `<rootDir>/libs/${name}/src`],
      [`^@awardflow/${name}/(.*)$`, `<rootDir>/libs/${name}/src/$1`],
    ]),
  ),
};

/** The tiers on real servers: one migrated template database per run (jest runs a hook shared by projects once). */
const onServers = {
  ...shared,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testRegex: '/(libs|apps|test)/.*\\.spec\\.ts$' },
    { ...onServers, displayName: 'integration', testRegex: '/test/.*\\.int-spec\\.ts$' },
    { ...onServers, displayName: 'e2e', testRegex: '/test/.*\\.e2e-spec\\.ts$' },
    { ...onServers, displayName: 'browser', testRegex: '/test/web/.*\\.browser-spec\\.ts$' },
  ],
  // A bound, not a wait: on a busy 2-core machine a suite's setup (argon2 hashes for its users, a
  // worker booting) can take minutes — a whole cycle's setup took over three with the machine shared
  // and two busy loops beside it; every wait inside a test is on a condition.
  testTimeout: 600_000,
  // Two cores here: more workers only thrash. CI and laptops can raise it with --maxWorkers.
  maxWorkers: 2,
};
