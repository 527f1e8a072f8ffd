// @web/test-runner config: browser tests (test/**/*.test.ts except the Node-only test/cli and
// test/node) in Chromium, Firefox ESR and WebKit (WebKitGTK MiniBrowser), all from Debian.
// Normally started by `npm test` (scripts/test.mjs), which also starts Xvfb + WebKitWebDriver.
//
// Env:
//   TE_BROWSERS        comma list of chromium,firefox,webkit (default: all three)
//   TE_SHARED_DIR      directory served read-only at /shared/ (default: ../shared)
//   TE_WEBKIT_PORT     WebKitWebDriver port on 127.0.0.1 (default 4445)
//   TE_WEBKIT_BINARY   MiniBrowser path (default: the x86_64 Debian path)
//   TE_CHROMIUM_BIN, TE_FIREFOX_BIN   browser executables (default /usr/bin/chromium, /usr/bin/firefox-esr)
//   TE_COUNT_FILE      if set, scripts/wtr-count-reporter.mjs writes per-browser counts there
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;

const ENGINES = ['chromium', 'firefox', 'webkit'];
const selected = (env.TE_BROWSERS || ENGINES.join(','))
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
for (const name of selected) {
  if (!ENGINES.includes(name)) {
    throw new Error(`TE_BROWSERS: unknown browser "${name}" (known: ${ENGINES.join(', ')})`);
  }
}

// Test files run at once per browser (Chromium, Firefox). WebKit always runs one at a time: with
// more, the webdriver launcher would run the files in iframes of one window.
const pages = Number(env.TE_PAGES || 1);

const launchers = {
  chromium: () =>
    chromeLauncher({
      concurrency: pages,
      launchOptions: {
        executablePath: env.TE_CHROMIUM_BIN || '/usr/bin/chromium',
        headless: true,
        // --no-sandbox: we run as root; the rest stop Chromium calling out to the network.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  firefox: () =>
    puppeteerLauncher({
      concurrency: pages,
      launchOptions: {
        browser: 'firefox', // WebDriver BiDi; no geckodriver needed
        executablePath: env.TE_FIREFOX_BIN || '/usr/bin/firefox-esr',
        headless: true,
      },
    }),
  webkit: () =>
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: Number(env.TE_WEBKIT_PORT || 4445),
      path: '/',
      logLevel: 'error',
      // No browserName: 'MiniBrowser' does not match; MiniBrowser's --headless hangs the session.
      capabilities: {
        'webkitgtk:browserOptions': {
          binary: env.TE_WEBKIT_BINARY || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      },
    }),
};

const LABELS = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/**
 * Tags a launcher with its engine (read by scripts/wtr-count-reporter.mjs) and gives it a fixed
 * label: the webdriver launcher would call itself '' (no browserName in its capabilities), the
 * Chrome launcher calls Debian's Chromium 'Chrome'.
 */
function named(launcher, engine) {
  launcher.teEngine = engine;
  Object.defineProperty(launcher, 'name', { get: () => LABELS[engine], set() {}, configurable: true });
  return launcher;
}

const MIME = {
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jwk': 'application/jwk+json',
  '.pem': 'application/x-pem-file',
};

/** Serves `dir` read-only under `prefix` (e.g. /shared/vectors/x.json -> <dir>/vectors/x.json). */
function serveDirectory(prefix, dir) {
  const root = path.resolve(dir);
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('Allow', 'GET, HEAD');
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(ctx.path.slice(prefix.length));
    } catch {
      ctx.status = 400;
      return;
    }
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      ctx.status = 403;
      return;
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      info = null;
    }
    if (!info?.isFile()) {
      ctx.status = 404;
      ctx.body = `not found: ${ctx.path}`;
      return;
    }
    ctx.status = 200;
    ctx.type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    ctx.length = info.size;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(file);
  };
}

/**
 * Pages and files a test makes at run time (signed documents, key sets, HTML pages with their own
 * Content-Security-Policy): `PUT /__fixtures/<name>` stores the body, with the content type and an
 * optional `x-fixture-csp` header; `GET /__fixtures/<name>` serves it with those headers. Each
 * test uses names of its own, so the engines running side by side never collide.
 */
function fixtureStore(prefix = '/__fixtures/') {
  const files = new Map();
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    if (ctx.method === 'PUT') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      files.set(ctx.path, { body: Buffer.concat(chunks), type: ctx.get('content-type') || 'application/octet-stream', csp: ctx.get('x-fixture-csp') });
      ctx.status = 204;
      return;
    }
    const file = files.get(ctx.path);
    if (!file) {
      ctx.status = 404;
      ctx.body = `no fixture ${ctx.path}`;
      return;
    }
    ctx.status = 200;
    ctx.type = file.type;
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Access-Control-Allow-Origin', '*');
    if (file.csp) ctx.set('Content-Security-Policy', file.csp);
    ctx.body = file.body;
  };
}

const sharedDir = path.resolve(here, env.TE_SHARED_DIR || '../shared');

/**
 * React for test/react: react, react-dom and react-dom/client (with scheduler) are CommonJS only.
 * Imports of exactly these names go to /__react__/<name>.js, an ES module re-exporting the names
 * Node sees (asked of a separate node: React's development build patches `console` on load), from
 * one esbuild bundle of the three (one React, development build), made on first request. Nothing
 * else is touched. (@rollup/plugin-commonjs through @web/dev-server-rollup does not work here:
 * since v22 it needs rollup's module graph, `this.load`, which that adapter lacks.)
 */
function reactCommonjs() {
  const names = ['react', 'react-dom', 'react-dom/client'];
  let bundle;
  let exportNames;
  return {
    name: 'react-commonjs',
    resolveImport: ({ source }) => (names.includes(source) ? `/__react__/${source}.js` : undefined),
    async serve(context) {
      if (context.path === '/__react__/bundle.js') {
        bundle ??= build({
          stdin: { contents: `export default { ${names.map((n) => `'${n}': require('${n}')`).join(', ')} };`, resolveDir: here },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          define: { 'process.env.NODE_ENV': '"development"' },
          write: false,
          logLevel: 'warning',
        }).then((r) => r.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      const name = context.path.match(/^\/__react__\/(.+)\.js$/)?.[1];
      if (!names.includes(name)) return undefined;
      exportNames ??= JSON.parse(
        execFileSync(process.execPath, ['-p', `JSON.stringify(${JSON.stringify(names)}.map((n) => Object.keys(require(n))))`], { cwd: here, encoding: 'utf8' }),
      );
      const keys = exportNames[names.indexOf(name)].filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
      const body = `import all from '/__react__/bundle.js';\nconst m = all['${name}'];\nexport default m;\nexport const { ${keys.join(', ')} } = m;\n`;
      return { body, type: 'js' };
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: here,
  files: ['test/**/*.test.ts', '!test/cli/**', '!test/node/**'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), reactCommonjs()],
  middleware: [serveDirectory('/shared/', sharedDir), fixtureStore()],
  browsers: selected.map((name) => named(launchers[name](), name)),
  // 2 cores: measured fastest with all three engines at once, one test file each. concurrency 1
  // is also what WebKit needs (one window, navigated from file to file).
  concurrentBrowsers: Number(env.TE_CONCURRENT_BROWSERS || 3),
  concurrency: 1,
  // A cold WebKit (MiniBrowser under Xvfb) or Firefox can take a while to come up.
  browserStartTimeout: 120_000,
  testsStartTimeout: 90_000,
  testsFinishTimeout: 600_000,
  // Every file would print Lit's dev-mode notice.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: {
    config: { ui: 'bdd', timeout: 20_000 },
  },
  // No progress bar redrawing when the output is a log file (CI).
  staticLogging: Boolean(env.CI) || !process.stdout.isTTY,
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: true }),
    countReporter({ file: env.TE_COUNT_FILE }),
  ],
};
