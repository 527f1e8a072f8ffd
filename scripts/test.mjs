// The single entry of `npm test`:
//   (a) make sure the browser engines are installed (scripts/browsers.mjs)
//   (b) typecheck (tsc -p tsconfig.json): a failure counts, but the tests still run
//   (c) Node tests: test/cli/**/*.test.ts and test/node/**/*.test.ts with node:test + tsx
//   (d) browser tests: @web/test-runner in Chromium, Firefox ESR and WebKit (Xvfb + WebKitWebDriver)
//   (e) one closing line `N passed, N failed[, N skipped]` over every runner and every browser
//
// Usage: npm test [-- options] [files...]
//   --browsers chromium,firefox,webkit | none   engines to run (default: $TE_BROWSERS or all)
//   --files <glob...> / positional files         only these test files (Node and browser alike)
//   --no-typecheck                               skip tsc
//   --no-build                                   skip npm run build (dist/, CDN files, size budget)
//   --no-node / --no-browser                     skip a runner
//   anything else is passed to web-test-runner (e.g. --concurrency 1, --update-snapshots)
import { spawn } from 'node:child_process';
import net from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowsers, parseEngines, startWebKitHelpers } from './browsers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(import.meta.url);

const NODE_GLOBS = ['test/cli/**/*.test.ts', 'test/node/**/*.test.ts'];
const BROWSER_GLOBS = ['test/**/*.test.ts'];
const isNodeTestFile = (f) => /^test\/(cli|node)\//.test(f);

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

/** Sums over every runner; every browser's tests count on their own. */
const totals = { passed: 0, failed: 0, skipped: 0 };

function closingLine() {
  return `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = {
    browsers: process.env.TE_BROWSERS || null,
    files: [],
    typecheck: true,
    build: true,
    node: true,
    browser: true,
    wtrArgs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--browsers') {
      opts.browsers = inline ?? argv[++i] ?? '';
    } else if (flag === '--files') {
      if (inline !== undefined) opts.files.push(inline);
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) opts.files.push(argv[++i]);
    } else if (a === '--no-typecheck') {
      opts.typecheck = false;
    } else if (a === '--no-build') {
      opts.build = false;
    } else if (a === '--no-node') {
      opts.node = false;
    } else if (a === '--no-browser') {
      opts.browser = false;
    } else if (a === '-h' || a === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]);
      process.exit(0);
    } else if (a.startsWith('-')) {
      opts.wtrArgs.push(a);
      if (inline === undefined && WTR_VALUE_FLAGS.has(flag) && i + 1 < argv.length) opts.wtrArgs.push(argv[++i]);
    } else {
      opts.files.push(a);
    }
  }
  if (opts.browsers === 'none' || opts.browsers === '') {
    opts.engines = [];
  } else {
    opts.engines = parseEngines(opts.browsers);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Minimal glob (**, *, ?, {a,b}) over the work tree, enough for test file patterns.

function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = dir === '.' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Files (relative, posix, sorted) matching any of the globs; plain paths are taken as they are. */
function expandGlobs(globs) {
  const found = new Set();
  for (let g of globs) {
    g = path.relative(root, path.resolve(root, g)).split(path.sep).join('/');
    if (!/[*?{]/.test(g)) {
      if (existsSync(g)) {
        // A directory means every test file under it.
        try {
          if (readdirSync(g)) for (const f of walk(g)) if (f.endsWith('.test.ts')) found.add(f);
        } catch {
          found.add(g);
        }
      }
      continue;
    }
    const base = g.split('/').filter((s, i, all) => !all.slice(0, i + 1).some((p) => /[*?{]/.test(p))).join('/') || '.';
    const re = globToRegExp(g);
    for (const f of walk(base)) if (re.test(f)) found.add(f);
  }
  return [...found].sort();
}

// ---------------------------------------------------------------------------------------------
// Processes

const running = new Set();
let stopping = false;

function run(cmd, args, { env, capture = false, group = false, label } = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
      detached: group, // own process group: stopping it also stops the browsers it started
    });
    child.group = group;
    running.add(child);
    let out = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        process.stdout.write(d);
        out += d;
      });
      child.stderr.on('data', (d) => {
        process.stderr.write(d);
        out += d;
      });
    }
    child.on('error', (e) => {
      running.delete(child);
      console.log(`[test] ${label ?? cmd}: ${e.message}`);
      resolve({ code: 127, out, ms: Date.now() - t0 });
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (stopping) return; // interrupted: the signal handler ends the run
      resolve({ code: code ?? (signal ? 128 : 1), signal, out, ms: Date.now() - t0 });
    });
  });
}

function signalRunning(signal) {
  for (const child of running) {
    try {
      if (child.group) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      /* gone */
    }
  }
}

/**
 * Stops whatever still runs, in order: web-test-runner gets SIGINT, on which puppeteer closes
 * Chromium and Firefox (they live in process groups of their own, so killing wtr's group would
 * orphan them); only if that takes too long, SIGKILL. Xvfb and WebKitWebDriver are ended by
 * scripts/browsers.mjs when this process exits.
 */
async function stopRunning(graceMs = 10000) {
  if (running.size === 0) return;
  const closed = [...running].map((c) => new Promise((resolve) => c.once('close', resolve)));
  signalRunning('SIGINT');
  await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, graceMs))]);
  signalRunning('SIGKILL');
}

process.on('exit', () => signalRunning('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[test] ${sig}: stopping`);
    await stopRunning();
    totals.failed++;
    process.stdout.write(`interrupted: ${closingLine()}\n`, () => process.exit(sig === 'SIGINT' ? 130 : 143));
  });
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const step = (msg) => console.log(`\n[test] ── ${msg}`);

// ---------------------------------------------------------------------------------------------

const opts = parseArgs(process.argv.slice(2));
const summary = []; // one line per runner, printed before the closing line
const problems = [];
const tAll = Date.now();

function fail(what, n = 1) {
  totals.failed += n;
  problems.push(what);
}

// A bug here must not end the run without its closing line.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (e) => {
    console.log(`[test] internal error: ${e?.stack ?? e}`);
    if (stopping) return;
    stopping = true;
    totals.failed++;
    stopRunning().finally(() => process.stdout.write(`${closingLine()}\n`, () => process.exit(1)));
  });
}

// Which test files each runner gets.
let nodeFiles;
let browserFiles;
if (opts.files.length) {
  const files = expandGlobs(opts.files).filter((f) => f.endsWith('.ts') || f.endsWith('.js') || f.endsWith('.mjs'));
  if (files.length === 0) {
    console.log(`[test] no files match: ${opts.files.join(' ')}`);
    fail('no files match --files');
  }
  nodeFiles = files.filter(isNodeTestFile);
  browserFiles = files.filter((f) => !isNodeTestFile(f));
} else {
  nodeFiles = expandGlobs(NODE_GLOBS);
  browserFiles = expandGlobs(BROWSER_GLOBS).filter((f) => !isNodeTestFile(f));
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
    console.log(`[test] ${e.message}`);
    fail('browser engines missing', opts.engines.length);
  }
}

// (b) typecheck
if (opts.typecheck) {
  step('typecheck: tsc -p tsconfig.json');
  const tsc = require.resolve('typescript/bin/tsc');
  const r = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { label: 'tsc' });
  if (r.code === 0) {
    console.log(`[test] typecheck passed (${secs(r.ms)})`);
    summary.push(`typecheck: ok (${secs(r.ms)})`);
  } else {
    console.log(`[test] typecheck FAILED (exit ${r.code}, ${secs(r.ms)})`);
    summary.push(`typecheck: FAILED (${secs(r.ms)})`);
    fail('typecheck');
  }
}

// (b2) build: dist/ and the CDN files, which the package and CDN tests use; the size budget fails it
if (opts.build) {
  step('build: npm run build (size budget checked)');
  const r = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--check-budget'], { label: 'build' });
  if (r.code === 0) {
    summary.push(`build: ok, within the size budget (${secs(r.ms)})`);
  } else {
    console.log(`[test] build FAILED (exit ${r.code}): see above (over the size budget?)`);
    summary.push(`build: FAILED (${secs(r.ms)})`);
    fail('build');
  }
}

// (c) Node tests
if (nodeFiles.length) {
  step(`node tests: ${nodeFiles.length} file(s)`);
  const r = await run(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeFiles],
    { capture: true, label: 'node --test' },
  );
  // spec reporter's closing lines: "ℹ tests 3", "ℹ pass 2", "ℹ fail 0", "ℹ skipped 1", ...
  const num = (name) => {
    const m = [...r.out.matchAll(new RegExp(`^\\s*ℹ ${name} (\\d+)\\s*$`, 'gm'))].pop();
    return m ? Number(m[1]) : null;
  };
  const pass = num('pass');
  const failN = num('fail');
  const cancelled = num('cancelled') ?? 0;
  const skipped = (num('skipped') ?? 0) + (num('todo') ?? 0);
  if (pass === null || failN === null) {
    fail('node tests: no summary from node --test');
    summary.push(`node: no result (exit ${r.code}, ${secs(r.ms)})`);
  } else {
    totals.passed += pass;
    totals.failed += failN + cancelled;
    totals.skipped += skipped;
    let extra = '';
    if (r.code !== 0 && failN + cancelled === 0) {
      fail('node --test exited non-zero without a failed test');
      extra = `, exit ${r.code}`;
    }
    if (pass + failN + cancelled + skipped === 0) fail('node tests: zero tests ran');
    summary.push(
      `node: ${pass} passed, ${failN + cancelled} failed${skipped ? `, ${skipped} skipped` : ''} (${nodeFiles.length} files, ${secs(r.ms)}${extra})`,
    );
  }
} else if (opts.node) {
  console.log('\n[test] no Node test files (test/cli, test/node): skipped');
}

// (d) browser tests
if (runBrowsers && found) {
  step(`browser tests: ${browserFiles.length} file(s) x ${opts.engines.join(', ')}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'te-wtr-'));
  const countFile = path.join(tmp, 'counts.json');
  let helpers = null;
  const env = {
    TE_BROWSERS: opts.engines.join(','),
    TE_COUNT_FILE: countFile,
    ...(found.chromium ? { TE_CHROMIUM_BIN: found.chromium } : {}),
    ...(found.firefox ? { TE_FIREFOX_BIN: found.firefox } : {}),
  };
  try {
    if (opts.engines.includes('webkit')) {
      helpers = await startWebKitHelpers(found);
      Object.assign(env, helpers.env);
    }
  } catch (e) {
    console.log(`[test] could not start WebKit helpers: ${e.message}`);
  }
  const engines = opts.engines.filter((e) => e !== 'webkit' || helpers);
  for (const e of opts.engines) if (!engines.includes(e)) fail(`${e}: could not start`);
  if (engines.length) {
    env.TE_BROWSERS = engines.join(',');
    const wtr = path.join(path.dirname(require.resolve('@web/test-runner')), 'bin.js');
    // A free port for the test server, so that runs side by side never collide on wtr's default 8000.
    const port = await new Promise((resolve, reject) => {
      const probe = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address();
        probe.close(() => resolve(p));
      });
    });
    const args = [wtr, '--config', 'web-test-runner.config.mjs', '--port', String(port), ...opts.wtrArgs];
    if (opts.files.length) args.push('--files', ...browserFiles);
    const r = await run(process.execPath, args, { env, group: true, label: 'web-test-runner' });
    let counts = null;
    try {
      counts = JSON.parse(readFileSync(countFile, 'utf8'));
    } catch {
      /* no counts: wtr failed before or while running */
    }
    if (!counts) {
      for (const e of engines) {
        fail(`${e}: web-test-runner gave no results (exit ${r.code})`);
        summary.push(`${e}: NO RESULTS (web-test-runner exit ${r.code})`);
      }
    } else {
      let failedHere = 0;
      for (const e of engines) {
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
        summary.push(
          `${e}: ${b.passed} passed, ${b.failed} failed${b.skipped ? `, ${b.skipped} skipped` : ''} (${b.files} files)`,
        );
      }
      if (!counts.finished) fail('web-test-runner stopped before the run finished');
      if (r.code !== 0 && failedHere === 0) fail(`web-test-runner exited ${r.code} without a counted failure`);
      summary.push(`web-test-runner: ${secs(r.ms)} for ${engines.join(' + ')}`);
    }
  }
  if (helpers) await helpers.stop();
  rmSync(tmp, { recursive: true, force: true });
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
