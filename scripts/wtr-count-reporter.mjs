// A @web/test-runner reporter that counts tests per browser and writes the counts as JSON, for
// scripts/test.mjs to sum up. Used alongside the default reporter (it prints nothing itself).
//
// Every test file runs once per browser (a "session"). Tests are counted recursively through
// suites. A session that did not pass but has no failed test (the file failed to load, the
// browser failed to start or crashed, a hook or an uncaught error failed, a timeout) counts as
// one failure, so a broken run never shows as zero.
//
// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {import('@web/test-runner').TestSession} TestSession
 * @typedef {import('@web/test-runner').TestSuiteResult} TestSuiteResult
 * @typedef {{ passed: number, failed: number, skipped: number }} Count
 * @typedef {Count & { files: number, fileErrors: { file: string, errors: string[] }[] }} EngineCount
 * @typedef {{ finished: boolean, browsers: Record<string, EngineCount>, total: Count, testFiles?: number | null, browserNames?: string[] | null }} Summary
 */

/**
 * Counts the tests of one suite tree.
 * @param {TestSuiteResult | undefined} suite
 * @param {Count} [into]
 * @returns {Count}
 */
export function countSuite(suite, into = { passed: 0, failed: 0, skipped: 0 }) {
  if (!suite) return into;
  for (const test of suite.tests ?? []) {
    if (test.skipped) into.skipped++;
    else if (test.passed) into.passed++;
    else into.failed++;
  }
  for (const child of suite.suites ?? []) countSuite(child, into);
  return into;
}

/**
 * The engine name a launcher was tagged with in test/launchers.mjs, else its own name.
 * @param {(import('@web/test-runner').BrowserLauncher & { teEngine?: string }) | undefined} browser
 */
function browserKey(browser) {
  return browser?.teEngine ?? browser?.name ?? 'unknown';
}

/**
 * @param {Iterable<TestSession>} sessions
 * @returns {Summary}
 */
export function summarize(sessions, { finished = true } = {}) {
  /** @type {Record<string, EngineCount>} */
  const browsers = {};
  for (const session of sessions) {
    const key = browserKey(session.browser);
    const b = (browsers[key] ??= { passed: 0, failed: 0, skipped: 0, files: 0, fileErrors: [] });
    b.files++;
    const c = countSuite(session.testResults);
    b.passed += c.passed;
    b.skipped += c.skipped;
    b.failed += c.failed;
    const done = session.status === 'FINISHED';
    if ((session.passed !== true || !done) && c.failed === 0) {
      b.failed++;
      const messages = (session.errors ?? []).map((e) => e?.message ?? String(e));
      b.fileErrors.push({
        file: path.relative(process.cwd(), session.testFile),
        errors: messages.length ? messages : [done ? 'session failed' : `session not finished (${session.status})`],
      });
    }
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const b of Object.values(browsers)) {
    total.passed += b.passed;
    total.failed += b.failed;
    total.skipped += b.skipped;
  }
  return { finished, browsers, total };
}

/**
 * @param {{ file?: string }} [options] where to write the JSON; nothing is written without it.
 * @returns {import('@web/test-runner').Reporter}
 */
export function countReporter({ file } = {}) {
  let written = false;
  /** @type {{ testFiles?: string[], browsers?: import('@web/test-runner').BrowserLauncher[] } | undefined} */
  let startArgs;
  /** @type {(sessions: Iterable<TestSession>, finished: boolean) => void} */
  const write = (sessions, finished) => {
    if (!file) return;
    const summary = summarize(sessions, { finished });
    summary.testFiles = startArgs?.testFiles?.length ?? null;
    summary.browserNames = startArgs?.browsers?.map(browserKey) ?? null;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(summary, null, 2));
    written = true;
  };
  return {
    start(args) {
      startArgs = args;
    },
    onTestRunFinished({ sessions }) {
      write(sessions, true);
    },
    stop({ sessions }) {
      // Stopped before the run finished (e.g. SIGINT): unfinished sessions count as failed.
      if (!written) write(sessions, false);
    },
  };
}
