#!/usr/bin/env node
/**
 * The first page's JavaScript budget: reads the built apps/web/dist/index.html, takes its initial
 * <script type="module" src> and <link rel="modulepreload" href> chunks (and, to be safe, every chunk
 * those import statically), gzips each (zlib default level, as a web server would) and prints the
 * total. Exits 1 when the total is over the budget (300 KB gzipped, the 首页 budget) or the build
 * is missing; `npm run build:web` runs it, so a build over budget fails.
 *
 *   node scripts/web-bundle-size.mjs [--budget-kb 300] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'apps/web/dist');
const args = process.argv.slice(2);
const budgetKb = Number(args[args.indexOf('--budget-kb') + 1]) || 300;
const asJson = args.includes('--json');

const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`web-bundle-size: ${indexPath} is missing; run npm run build:web first`);
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');

const initial = new Set();
for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
  const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
  if (src && /type="module"/.test(tag)) initial.add(src);
}
for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
  const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
  if (href && /rel="modulepreload"/.test(tag)) initial.add(href);
}

/** Static imports of a built chunk (`import{a}from"./x.js"`, `import"./y.js"`), not `import()`. */
function staticImports(code, from) {
  const found = [];
  const pattern = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (let m; (m = pattern.exec(code)); ) found.push(posix.join(posix.dirname(from), m[1]));
  const exportsFrom = /(?:^|[;}\s])export\s*[\w$*{}\s,]+?\s*from\s*["']([^"']+\.js)["']/g;
  for (let m; (m = exportsFrom.exec(code)); ) found.push(posix.join(posix.dirname(from), m[1]));
  return found;
}

const chunks = new Map();
const queue = [...initial].map((p) => (p.startsWith('/') ? p : `/${p}`));
while (queue.length) {
  const url = queue.shift();
  if (chunks.has(url)) continue;
  const file = join(dist, url);
  if (!existsSync(file)) {
    console.error(`web-bundle-size: ${url} is referenced by index.html but missing from the build`);
    process.exit(1);
  }
  const code = readFileSync(file);
  chunks.set(url, { raw: code.length, gzip: gzipSync(code).length });
  queue.push(...staticImports(code.toString('utf8'), url));
}

const kb = (n) => (n / 1024).toFixed(1);
const total = [...chunks.values()].reduce((s, c) => s + c.gzip, 0);
const rawTotal = [...chunks.values()].reduce((s, c) => s + c.raw, 0);
if (asJson) {
  console.log(JSON.stringify({ chunks: Object.fromEntries(chunks), totalGzipBytes: total, budgetKb }, null, 2));
} else {
  console.log('First page JavaScript (initial script + modulepreload chunks, gzipped):');
  for (const [url, c] of chunks) console.log(`  ${url}  ${kb(c.raw)} KB raw, ${kb(c.gzip)} KB gzip`);
  console.log(`Total: ${kb(total)} KB gzipped (${kb(rawTotal)} KB raw) of a ${budgetKb} KB budget`);
}
if (total > budgetKb * 1024) {
  console.error(`web-bundle-size: over budget by ${kb(total - budgetKb * 1024)} KB`);
  process.exit(1);
}
