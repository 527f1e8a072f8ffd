// @ts-check
// The run's tally: tests passed, failed and skipped over every runner and every browser, one
// summary line per step, the problems to list, and the closing `N passed, N failed[, N skipped]`.

/** Sums over every runner; every browser's tests count on their own. */
export const totals = { passed: 0, failed: 0, skipped: 0 };
/** One line per step, printed before the closing line. @type {string[]} */
export const summary = [];
/** @type {string[]} */
export const problems = [];

/**
 * Counts a failure that is not a failed test (a step, a runner that gave no result).
 * @param {string} what
 */
export function fail(what, n = 1) {
  totals.failed += n;
  problems.push(what);
}

export function closingLine() {
  return `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
}

/** @param {number} ms */
export const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** @param {string} msg */
export const step = (msg) => console.log(`\n[test] ── ${msg}`);
