// @ts-check
// In CI, a test marked `.only` fails the run: left in by mistake, it drops the other tests of its
// file from the count (mocha; node:test under --test-only). The browser runner has mocha's
// forbidOnly (web-test-runner.config.mjs); node:test has no such switch, so its files are read.
import { readFileSync } from 'node:fs';

// it.only( / test.only( / describe.only( / suite.only( and node:test's { only: true } option.
const ONLY = /\b(?:it|test|describe|suite)\.only\s*\(|\bonly\s*:\s*true\b/;

/**
 * The files (with the line) that mark a test `.only`.
 * @param {string[]} files
 */
export function filesWithOnly(files) {
  const found = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((line) => ONLY.test(line));
    if (i >= 0) found.push(`${file}:${i + 1}: ${lines[i]?.trim()}`);
  }
  return found;
}
