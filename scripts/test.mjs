// @ts-check
// The single entry of `npm test`:
//   (a) make sure the browser engines are installed (scripts/browsers.mjs)
//   (b) typecheck (tsc -p tsconfig.json, and tsconfig.scripts.json for the .mjs files), lint and
//       format (ESLint, Prettier): a failure counts, but the tests still run; then the build
//       (dist/, CDN files, size budget)
//   (c) Node tests: test/cli/**/*.test.ts and test/node/**/*.test.ts with node:test + tsx
//   (d) browser tests: @web/test-runner in Chromium, Firefox ESR and WebKit (Xvfb + WebKitWebDriver)
//   (e) one closing line `N passed, N failed[, N skipped]` over every runner and every browser
//
// Usage: npm test [-- options] [files...]
//   --browsers chromium,firefox,webkit | none   engines to run (default: $TE_BROWSERS or all)
//   --files <glob...> / positional files         only these test files (Node and browser alike)
//   --no-typecheck                               skip tsc
//   --no-lint                                    skip ESLint and Prettier's check
//   --no-build                                   skip npm run build (dist/, CDN files, size budget)
//   --no-node / --no-browser                     skip a runner
//   anything else is passed to web-test-runner (e.g. --concurrency 1, --update-snapshots)
// With CI set, a test marked `.only` fails the run.
//
// The steps live in scripts/test/: args, files, checks (typecheck, build), forbid-only,
// node-runner, browser-runner, processes, tally.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowsers } from './browsers/install.mjs';
import { parseArgs } from './test/args.mjs';
import { build, lint, typecheck } from './test/checks.mjs';
import { selectTestFiles } from './test/files.mjs';
import { filesWithOnly } from './test/forbid-only.mjs';
import { runBrowserTests } from './test/browser-runner.mjs';
import { runNodeTests } from './test/node-runner.mjs';
import { beginStopping, stopRunning } from './test/processes.mjs';
import { closingLine, fail, problems, secs, step, summary, totals } from './test/tally.mjs';

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));

const opts = parseArgs(process.argv.slice(2));
if (opts.help) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .replace('// @ts-check\n', '')
      .split('\nimport ')[0],
  );
  process.exit(0);
}
const tAll = Date.now();

for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(sig, async () => {
    if (!beginStopping()) return;
    console.log(`\n[test] ${sig}: stopping`);
    await stopRunning();
    totals.failed++;
    process.stdout.write(`interrupted: ${closingLine()}\n`, () => process.exit(sig === 'SIGINT' ? 130 : 143));
  });
}
// A bug here must not end the run without its closing line.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (e) => {
    console.log(`[test] internal error: ${e?.stack ?? e}`);
    if (!beginStopping()) return;
    totals.failed++;
    stopRunning().finally(() => process.stdout.write(`${closingLine()}\n`, () => process.exit(1)));
  });
}

// Which test files each runner gets.
let { matched, nodeFiles, browserFiles } = selectTestFiles(opts.files);
if (!matched) {
  console.log(`[test] no files match: ${opts.files.join(' ')}`);
  fail('no files match --files');
}
if (!opts.node) nodeFiles = [];
if (!opts.browser) opts.engines = [];
const runBrowsers = browserFiles.length > 0 && opts.engines.length > 0;

// (a) browsers installed?
let found = null;
if (runBrowsers) {
  step(`browsers: ${opts.engines.join(', ')}`);
  try {
    const t0 = Date.now();
    found = ensureBrowsers(opts.engines);
    console.log(`[test] engines found in ${secs(Date.now() - t0)}`);
  } catch (e) {
    console.log(`[test] ${/** @type {Error} */ (e).message}`);
    fail('browser engines missing', opts.engines.length);
  }
}

// (b) typecheck, lint and build
if (opts.typecheck) await typecheck();
if (opts.lint) await lint();
if (opts.build) await build();

// (c) Node tests (in CI, none may be marked .only: the browser runner has mocha's forbidOnly)
if (process.env.CI) for (const where of filesWithOnly(nodeFiles)) fail(`.only is not allowed in CI: ${where}`);
if (nodeFiles.length) {
  await runNodeTests(nodeFiles);
} else if (opts.node) {
  console.log('\n[test] no Node test files (test/cli, test/node): skipped');
}

// (d) browser tests
if (runBrowsers && found) {
  await runBrowserTests(browserFiles, opts.engines, found, { narrowed: opts.files.length > 0, wtrArgs: opts.wtrArgs });
} else if (opts.engines.length && browserFiles.length === 0) {
  console.log('\n[test] no browser test files (test/**/*.test.ts outside test/cli, test/node): skipped');
}

// (e) closing line
console.log('\n[test] ── summary');
for (const line of summary) console.log(`[test]   ${line}`);
for (const p of problems) console.log(`[test]   ! ${p}`);
console.log(`[test]   total ${secs(Date.now() - tAll)}`);
if (totals.passed + totals.failed + totals.skipped === 0) {
  console.log('[test]   note: no tests found');
}
process.stdout.write(`${closingLine()}\n`, () => process.exit(totals.failed > 0 ? 1 : 0));
