import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { IMPORT_ALLOWLIST } from './allowlist';
import { ROOT } from './source-files';

interface Cruise {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
}

/**
 * dependency-cruiser run as its CLI (it is an ES module, which jest's CommonJS runtime cannot
 * load), over the server and the console, with the rules in .dependency-cruiser.cjs.
 */
function cruise(): Cruise {
  const cli = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [cli, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'libs', 'apps'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && !run.stdout) throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Cruise;
}

/** The lib-to-lib import graph: lib → the other libs its files import. */
function libGraph(result: Cruise): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const libOf = (path: string) => /^libs\/([^/]+)\//.exec(path)?.[1];
  for (const module of result.modules) {
    const from = libOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = libOf(dependency.resolved);
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Each cycle of the graph once, as `a → b → a`. */
function cyclesOf(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const loop = path.slice(at);
        const start = loop.indexOf([...loop].sort()[0]);
        const canonical = [...loop.slice(start), ...loop.slice(0, start)];
        found.add([...canonical, canonical[0]].join(' → '));
      } else visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return [...found].sort();
}

describe('import rules between libs, apps and the console', () => {
  const result = cruise();

  it('dependency-cruiser read the whole code base', () => {
    expect(result.modules.length).toBeGreaterThan(200);
    expect(libGraph(result).get('review')).toBeDefined();
  });

  it("no lib imports another lib's internals or an app, no app a lib's internals, and the console no server code", () => {
    const allowed = (v: { from: string; to: string }) => IMPORT_ALLOWLIST.some((a) => a.from === v.from && a.to === v.to);
    const violations = result.summary.violations.map((v) => ({ from: v.from, to: v.to, rule: v.rule.name }));
    expect(violations.filter((v) => !allowed(v)).map((v) => `${v.rule}: ${v.from} → ${v.to}`)).toEqual([]);
    // A listed break that is gone is removed from the list, so it only ever shrinks.
    const stale = IMPORT_ALLOWLIST.filter((a) => !violations.some((v) => v.from === a.from && v.to === a.to));
    expect(stale.map((a) => `${a.from} → ${a.to} no longer imported; remove it from the allowlist`)).toEqual([]);
  });

  it('no import cycle between libs', () => {
    expect(cyclesOf(libGraph(result))).toEqual([]);
  });

  it('finds a cycle between libs when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
    ]);
    expect(cyclesOf(graph)).toEqual(['a → b → c → a']);
  });
});
