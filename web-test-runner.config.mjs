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

/**
 * A server that misbehaves on purpose, for test/hostile/network.test.ts: `GET /__hostile/<mode>/<id>`,
 * where <id> is the test's own name, and `GET /__hostile/stats/<id>` for what the server did for it
 * (requests, bytes written before the client went away, whether the client closed first). Modes:
 * hang, drip, status-<code>, loop (redirects forever), html, truncated, large (10 MB, declared),
 * endless, bad-utf8, no-cors (no Access-Control-Allow-Origin; ask for it cross-origin). Every
 * response that could outlive its client stops on the request's 'close'.
 */
function hostileServer(prefix = '/__hostile/') {
  const stats = new Map();
  const MB = 1024 * 1024;
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    const [mode = '', id = 'anonymous'] = ctx.path.slice(prefix.length).split('/');
    if (mode === 'stats') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = stats.get(id) ?? { requests: 0, written: 0, clientClosed: false };
      return;
    }
    const stat = stats.get(id) ?? { requests: 0, written: 0, clientClosed: false };
    stats.set(id, stat);
    stat.requests++;
    const { req, res } = ctx;
    ctx.respond = false; // this middleware writes the raw response itself
    ctx.status = 200; // for the runner's log only (it lists every 404)
    const cors = mode === 'no-cors' ? {} : { 'Access-Control-Allow-Origin': '*' };
    const head = (status, type, extra = {}) => res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...cors, ...extra });
    // Resolves when the client goes away (or the response ends); stops whatever still writes.
    let stopped = false;
    let timer;
    const gone = new Promise((resolve) => {
      const stop = () => {
        if (stopped) return;
        stopped = true;
        clearTimeout(timer);
        if (!res.writableFinished) stat.clientClosed = true;
        resolve();
      };
      req.once('close', stop);
      res.once('close', stop);
    });
    const sleep = (ms) => new Promise((r) => (timer = setTimeout(r, ms)));
    // Writes `chunk` every 5 ms (~12 MB/s, slower than a browser reads, so socket buffers stay
    // empty and `written` is close to what the client took) until it goes or `total` is out.
    const pump = async (chunk, total = Infinity) => {
      while (!stopped && stat.written < total) {
        const part = total - stat.written < chunk.length ? chunk.subarray(0, total - stat.written) : chunk;
        stat.written += part.length;
        if (!res.write(part)) await Promise.race([new Promise((r) => res.once('drain', r)), gone]);
        await Promise.race([sleep(5), gone]);
      }
      if (!stopped) res.end();
    };
    const status = /^status-(\d{3})$/.exec(mode);
    if (mode === 'hang') {
      // Nothing, not even headers, until the client gives up.
    } else if (mode === 'drip') {
      head(200, 'application/json');
      const body = Buffer.from('{"version":1,"issuer":"http://localhost","dripping":"slowly"}');
      for (let i = 0; i < body.length && !stopped; i++) {
        res.write(body.subarray(i, i + 1));
        stat.written++;
        await Promise.race([sleep(250), gone]);
      }
      if (!stopped) res.end();
    } else if (status) {
      ctx.status = Number(status[1]);
      head(Number(status[1]), 'text/plain; charset=utf-8');
      res.end(`${status[1]}: the server says no`);
    } else if (mode === 'loop') {
      const hop = Number(ctx.query.hop ?? 0) + 1;
      res.writeHead(302, { Location: `${prefix}loop/${id}?hop=${hop}`, 'Cache-Control': 'no-store', ...cors });
      res.end();
    } else if (mode === 'html') {
      head(200, 'text/html; charset=utf-8');
      res.end('<!doctype html><title>Not found</title><p>Oops, this is a web page, not JSON.</p>');
    } else if (mode === 'truncated') {
      const body = Buffer.from('{"payload":"eyJ2ZXJzaW9uIjox","signatures":[{"protected":"');
      head(200, 'application/json', { 'Content-Length': String(body.length + 5000) });
      res.write(body);
      stat.written += body.length;
      await Promise.race([sleep(100), gone]);
      res.destroy(); // the connection drops with 5000 promised bytes missing
    } else if (mode === 'large' || mode === 'endless') {
      const total = mode === 'large' ? 10 * MB : Infinity;
      head(200, 'application/json', mode === 'large' ? { 'Content-Length': String(total) } : {});
      res.write('{"padding":"');
      stat.written += 12;
      await pump(Buffer.alloc(64 * 1024, 'a'), total);
    } else if (mode === 'bad-utf8') {
      const body = Buffer.concat([Buffer.from('{"payload":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('","signatures":[]}')]);
      head(200, 'application/json; charset=utf-8', { 'Content-Length': String(body.length) });
      res.end(body);
      stat.written += body.length;
    } else if (mode === 'no-cors') {
      head(200, 'application/json');
      res.end('{"payload":"e30","signatures":[]}');
    } else {
      head(400, 'text/plain; charset=utf-8');
      res.end(`unknown hostile mode "${mode}"`);
    }
    if (res.writableEnded || res.destroyed) stopped = true;
    if (!stopped) await gone;
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

/**
 * `executeServerCommand('heap-usage')`: garbage-collects the test page and returns its used JS heap
 * in bytes, through the DevTools protocol (Chromium only; other engines answer -1).
 */
function heapUsage() {
  return {
    name: 'heap-usage',
    async executeCommand({ command, session }) {
      if (command !== 'heap-usage') return undefined;
      const page = session.browser.type === 'puppeteer' && session.browser.name === 'Chromium' ? session.browser.getPage?.(session.id) : undefined;
      if (!page) return -1; // (null or undefined would read as 'unknown command')
      const cdp = await page.createCDPSession();
      try {
        for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      } finally {
        await cdp.detach();
      }
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: here,
  files: ['test/**/*.test.ts', '!test/cli/**', '!test/node/**'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), reactCommonjs(), heapUsage()],
  middleware: [serveDirectory('/shared/', sharedDir), fixtureStore(), hostileServer()],
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
