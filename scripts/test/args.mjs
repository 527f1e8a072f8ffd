// @ts-check
// `npm test`'s command line (see the usage in scripts/test.mjs).
import { parseEngines } from '../browsers/engines.mjs';

/**
 * @typedef {object} Options
 * @property {string | null} browsers the --browsers list as given (or $TE_BROWSERS)
 * @property {import('../browsers/engines.mjs').Engine[]} engines the engines it names
 * @property {string[]} files --files and positional files
 * @property {boolean} typecheck
 * @property {boolean} lint
 * @property {boolean} build
 * @property {boolean} node
 * @property {boolean} browser
 * @property {boolean} help
 * @property {string[]} wtrArgs everything else, for web-test-runner
 */

// wtr options that take a value (so the next argument is not a test file).
const WTR_VALUE_FLAGS = new Set([
  '--root-dir',
  '--concurrent-browsers',
  '--concurrency',
  '--config',
  '--port',
  '--groups',
  '--group',
  '--esbuild-target',
]);

/**
 * @param {string[]} argv
 * @returns {Options}
 */
export function parseArgs(argv) {
  /** @type {Options} */
  const opts = {
    browsers: process.env.TE_BROWSERS || null,
    engines: [],
    files: [],
    typecheck: true,
    lint: true,
    build: true,
    node: true,
    browser: true,
    help: false,
    wtrArgs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = /** @type {string} */ (argv[i]);
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--browsers') {
      opts.browsers = inline ?? argv[++i] ?? '';
    } else if (flag === '--files') {
      if (inline !== undefined) opts.files.push(inline);
      while (i + 1 < argv.length && !argv[i + 1]?.startsWith('--')) opts.files.push(/** @type {string} */ (argv[++i]));
    } else if (a === '--no-typecheck') {
      opts.typecheck = false;
    } else if (a === '--no-lint') {
      opts.lint = false;
    } else if (a === '--no-build') {
      opts.build = false;
    } else if (a === '--no-node') {
      opts.node = false;
    } else if (a === '--no-browser') {
      opts.browser = false;
    } else if (a === '-h' || a === '--help') {
      opts.help = true; // the usage is printed and nothing else is read
      return opts;
    } else if (a.startsWith('-')) {
      opts.wtrArgs.push(a);
      if (inline === undefined && WTR_VALUE_FLAGS.has(flag) && i + 1 < argv.length) opts.wtrArgs.push(/** @type {string} */ (argv[++i]));
    } else {
      opts.files.push(a);
    }
  }
  opts.engines = opts.browsers === 'none' || opts.browsers === '' ? [] : parseEngines(opts.browsers);
  return opts;
}
