// @ts-check
// Browser tests: web-test-runner (web-test-runner.config.mjs) in the engines asked for, with
// Xvfb + WebKitWebDriver for WebKit; counted per engine by scripts/wtr-count-reporter.mjs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../browsers/ports.mjs';
import { startWebKitHelpers } from '../browsers/webkit.mjs';
import { run } from './processes.mjs';
import { fail, problems, secs, step, summary, totals } from './tally.mjs';

const require = createRequire(import.meta.url);

/**
 * What wtr-count-reporter.mjs writes.
 * @typedef {{ passed: number, failed: number, skipped: number, files: number, fileErrors: { file: string, errors: string[] }[] }} EngineCounts
 * @typedef {{ finished: boolean, browsers: Record<string, EngineCounts | undefined> }} Counts
 */

/**
 * @param {string[]} files the browser test files
 * @param {import('../browsers/engines.mjs').Engine[]} engines
 * @param {import('../browsers/engines.mjs').Found} found the engines' paths
 * @param {{ narrowed: boolean, wtrArgs: string[] }} options narrowed: --files was given
 */
export async function runBrowserTests(files, engines, found, { narrowed, wtrArgs }) {
  step(`browser tests: ${files.length} file(s) x ${engines.join(', ')}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'te-wtr-'));
  const countFile = path.join(tmp, 'counts.json');
  let helpers = null;
  /** @type {Record<string, string>} */
  const env = {
    TE_BROWSERS: engines.join(','),
    TE_COUNT_FILE: countFile,
    ...(found.chromium ? { TE_CHROMIUM_BIN: found.chromium } : {}),
    ...(found.firefox ? { TE_FIREFOX_BIN: found.firefox } : {}),
  };
  try {
    if (engines.includes('webkit')) {
      helpers = await startWebKitHelpers(found);
      Object.assign(env, helpers.env);
    }
  } catch (e) {
    console.log(`[test] could not start WebKit helpers: ${/** @type {Error} */ (e).message}`);
  }
  const started = engines.filter((e) => e !== 'webkit' || helpers);
  for (const e of engines) if (!started.includes(e)) fail(`${e}: could not start`);
  if (started.length) {
    env.TE_BROWSERS = started.join(',');
    const wtr = path.join(path.dirname(require.resolve('@web/test-runner')), 'bin.js');
    // A free port for the test server, so that runs side by side never collide on wtr's default 8000.
    const port = await freePort();
    const args = [wtr, '--config', 'web-test-runner.config.mjs', '--port', String(port), ...wtrArgs];
    if (narrowed) args.push('--files', ...files);
    const r = await run(process.execPath, args, { env, group: true, label: 'web-test-runner' });
    /** @type {Counts | null} */
    let counts = null;
    try {
      counts = JSON.parse(readFileSync(countFile, 'utf8'));
    } catch {
      /* no counts: wtr failed before or while running */
    }
    if (!counts) {
      for (const e of started) {
        fail(`${e}: web-test-runner gave no results (exit ${r.code})`);
        summary.push(`${e}: NO RESULTS (web-test-runner exit ${r.code})`);
      }
    } else {
      let failedHere = 0;
      for (const e of started) {
        const b = counts.browsers[e];
        if (!b) {
          fail(`${e}: no sessions`);
          failedHere++;
          summary.push(`${e}: NO RESULTS`);
          continue;
        }
        totals.passed += b.passed;
        totals.failed += b.failed;
        totals.skipped += b.skipped;
        failedHere += b.failed;
        if (b.passed + b.failed + b.skipped === 0) {
          fail(`${e}: zero tests ran`);
          failedHere++;
        }
        for (const fe of b.fileErrors) problems.push(`${e}: ${fe.file}: ${fe.errors.join(' | ').slice(0, 300)}`);
        summary.push(`${e}: ${b.passed} passed, ${b.failed} failed${b.skipped ? `, ${b.skipped} skipped` : ''} (${b.files} files)`);
      }
      if (!counts.finished) fail('web-test-runner stopped before the run finished');
      if (r.code !== 0 && failedHere === 0) fail(`web-test-runner exited ${r.code} without a counted failure`);
      summary.push(`web-test-runner: ${secs(r.ms)} for ${started.join(' + ')}`);
    }
  }
  if (helpers) await helpers.stop();
  rmSync(tmp, { recursive: true, force: true });
}
