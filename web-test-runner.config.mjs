// @ts-check
// @web/test-runner config: browser tests (test/**/*.test.ts except the Node-only test/cli and
// test/node) in Chromium, Firefox ESR and WebKit (WebKitGTK MiniBrowser), all from Debian.
// Normally started by `npm test` (scripts/test.mjs), which also starts Xvfb + WebKitWebDriver.
// Launchers: test/launchers.mjs (and its TE_* variables); servers: test/servers; plugins: test/plugins.
//
// Env:
//   TE_SHARED_DIR      directory served read-only at /shared/ (default: ../shared)
//   TE_COUNT_FILE      if set, scripts/wtr-count-reporter.mjs writes per-browser counts there
//   CI                 set: static logging, and `.only` fails the run
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { launchers } from './test/launchers.mjs';
import { heapUsage } from './test/plugins/heap-usage.mjs';
import { reactCommonjs } from './test/plugins/react-commonjs.mjs';
import { fixtureStore } from './test/servers/fixture-store.mjs';
import { hostileServer } from './test/servers/hostile-server.mjs';
import { serveDirectory } from './test/servers/shared-directory.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: here,
  files: ['test/**/*.test.ts', '!test/cli/**', '!test/node/**'],
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    reactCommonjs(here),
    heapUsage(),
    a11ySnapshotPlugin(),
  ],
  middleware: [serveDirectory('/shared/', path.resolve(here, env.TE_SHARED_DIR || '../shared')), fixtureStore(), hostileServer()],
  browsers: launchers(env),
  // 2 cores: measured fastest with all three engines at once, one test file each. concurrency 1
  // is also what WebKit needs (one window, navigated from file to file).
  concurrentBrowsers: Number(env.TE_CONCURRENT_BROWSERS || 3),
  concurrency: 1,
  // A cold WebKit (MiniBrowser under Xvfb) or Firefox can take a while to come up.
  browserStartTimeout: 120_000,
  testsStartTimeout: 90_000,
  // Slowest file 27 s (hostile/documents in WebKit, all three engines on 2 shared cores): ~4x margin.
  testsFinishTimeout: 120_000,
  // Every file would print Lit's dev-mode notice.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: {
    // forbidOnly in CI: an `it.only` would silently drop the file's other tests from the count.
    config: { ui: 'bdd', timeout: 20_000, forbidOnly: Boolean(env.CI) },
  },
  // No progress bar redrawing when the output is a log file (CI).
  staticLogging: Boolean(env.CI) || !process.stdout.isTTY,
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: true }), countReporter({ file: env.TE_COUNT_FILE })],
};
