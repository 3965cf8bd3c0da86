import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
interface Project {
  displayName: string;
  testRegex: string;
  testPathIgnorePatterns: string[];
  globalSetup?: string;
}
const config = require(join(ROOT, 'jest.config.js')) as { projects: Project[] };
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Every file that looks like a test, wherever jest might be expected to find it. */
function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return /[.-](spec|test)\.[cm]?[jt]sx?$/.test(name) ? [path] : [];
  });
}

const tiersOf = (file: string) =>
  config.projects
    .filter((p) => new RegExp(p.testRegex).test(file) && !p.testPathIgnorePatterns.some((ignored) => new RegExp(ignored).test(file)))
    .map((p) => p.displayName);

/** The helpers that start a database, a Redis or an API: a unit spec needs none of them. */
const SERVER_SUPPORT = /from '[^']*\/support\/(test-app|test-database|throwaway-redis|smtp-sink|award-fixtures|review-fixtures)'/;

describe('test tiers', () => {
  const files = ['libs', 'apps', 'test'].flatMap((dir) => testFiles(join(ROOT, dir))).filter((f) => !relative(ROOT, f).startsWith(join('apps', 'web')));

  it('are unit, integration, e2e and browser, and only the tiers on real servers migrate a template database', () => {
    expect(config.projects.map((p) => [p.displayName, Boolean(p.globalSetup)])).toEqual([
      ['unit', false],
      ['integration', true],
      ['e2e', true],
      ['browser', true],
    ]);
  });

  it('hold every test file in exactly one tier (a file named otherwise would never run)', () => {
    expect(files.length).toBeGreaterThan(40);
    const misplaced = files.map((f) => ({ file: relative(ROOT, f), tiers: tiersOf(f) })).filter((f) => f.tiers.length !== 1);
    expect(misplaced).toEqual([]);
  });

  it('keep unit specs off the servers', () => {
    const unit = files.filter((f) => tiersOf(f)[0] === 'unit');
    expect(unit.filter((f) => SERVER_SUPPORT.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('each run alone through npm run test:<tier>, and npm test runs them all', () => {
    for (const { displayName } of config.projects) expect(scripts[`test:${displayName}`]).toMatch(new RegExp(`\\bjest --selectProjects ${displayName}$`));
    expect(scripts.test).toMatch(/\bjest$/);
  });

  it("leave CI running exactly the README's test command", () => {
    const readme = /^(npm [\w:-]+)\s+#.*\bevery test\b/m.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8').trim().split('\n').at(-1);
    expect(readme?.[1]).toBe('npm test');
    expect(ci).toBe(readme?.[1]);
  });
});
