/**
 * The import rules between contexts, checked by test/architecture/dependency-rules.spec.ts (so
 * `npm test` runs them). A lib is one bounded context: others see only its index (and apps/migrate
 * its migrations/index); libs never import apps; the console imports no server code but the
 * dependency-free shared lib libs/rules. Cycles between libs are checked by that spec over the
 * lib-to-lib graph, since dependency-cruiser's own cycle rule works on files, not libs.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'lib-imports-another-libs-internals',
      comment: "Another lib's internals: import '@awardflow/<lib>' (its index) and export from there what you need.",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'app-imports-a-libs-internals',
      // apps/migrate also reads each lib's migrations/index and platform's runner by relative path:
      // jest's globalSetup loads it without the @awardflow/* aliases.
      comment: "Apps compose libs through their index; apps/migrate also reads each lib's migrations/index.",
      severity: 'error',
      from: { path: '^apps/(api|worker|migrate)/', pathNot: '\\.(spec|e2e-spec)\\.ts$' },
      to: {
        path: '^libs/',
        pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/migrations/index\\.ts$', '^libs/platform/src/database/run-migrations\\.ts$'],
      },
    },
    {
      name: 'lib-imports-an-app',
      comment: 'Libs are composed by apps, never the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'console-imports-server-code',
      comment: 'The console (apps/web) may share only libs/rules (dependency-free) with the server.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|apps)/', pathNot: ['^libs/rules/', '^apps/web/'] },
    },
    {
      name: 'shared-rules-lib-has-dependencies',
      comment: 'libs/rules is shared by the server and the console: it imports nothing outside itself, no package either.',
      severity: 'error',
      from: { path: '^libs/rules/', pathNot: '\\.(spec|e2e-spec)\\.ts$' },
      to: { pathNot: '^libs/rules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    // `import type` counts: a type from another context is a dependency on it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
