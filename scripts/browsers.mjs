// Finds (and, as root, installs from Debian) the three browser engines the browser tests run
// in, and starts/stops the two helper processes WebKit needs: Xvfb and WebKitWebDriver.
// Plain Node, no dependencies. Used by scripts/test.mjs and .ci/run:
//   node scripts/browsers.mjs [--browsers chromium,firefox,webkit]   # ensure installed
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Debian package that provides each thing we look for. */
const PACKAGES = {
  chromium: 'chromium',
  firefox: 'firefox-esr',
  webkitDriver: 'webkit2gtk-driver',
  miniBrowser: 'webkit2gtk-driver', // MiniBrowser is in libwebkit2gtk-4.1-0, a dependency of the driver
  xvfb: 'xvfb',
};

const log = (...a) => console.log('[browsers]', ...a);

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name, fallbacks = []) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of [...dirs, ...fallbacks]) {
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

/** MiniBrowser lives under /usr/lib/<multiarch>/webkit2gtk-4.x/; look there whatever the arch. */
function findMiniBrowser() {
  const preferred = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  if (isExecutable(preferred)) return preferred;
  for (const lib of ['/usr/lib', '/usr/libexec', '/usr/lib64']) {
    let entries = [];
    try {
      entries = readdirSync(lib);
    } catch {
      continue;
    }
    const candidates = [lib, ...entries.map((e) => path.join(lib, e))];
    for (const dir of candidates) {
      let sub = [];
      try {
        sub = readdirSync(dir).filter((e) => /^webkit2?gtk-[\d.]+$/.test(e)).sort().reverse();
      } catch {
        continue;
      }
      for (const s of sub) {
        const file = path.join(dir, s, 'MiniBrowser');
        if (isExecutable(file)) return file;
      }
    }
  }
  return null;
}

/** Paths of everything needed for the given engines; null where missing. */
export function findEngines(engines = ENGINES) {
  const found = {};
  if (engines.includes('chromium')) {
    found.chromium = ['/usr/bin/chromium'].find(isExecutable) ?? onPath('chromium');
  }
  if (engines.includes('firefox')) {
    found.firefox = ['/usr/bin/firefox-esr'].find(isExecutable) ?? onPath('firefox-esr');
  }
  if (engines.includes('webkit')) {
    found.webkitDriver = onPath('WebKitWebDriver', ['/usr/bin']);
    found.miniBrowser = findMiniBrowser();
    found.xvfb = onPath('Xvfb', ['/usr/bin']);
  }
  return found;
}

export function parseEngines(list) {
  if (list == null || list === '') return [...ENGINES];
  const engines = [
    ...new Set(
      String(list)
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const unknown = engines.filter((e) => !ENGINES.includes(e));
  if (unknown.length) {
    throw new Error(`unknown browser(s): ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
  }
  return engines;
}

/**
 * Makes sure the engines are installed. As root, installs what is missing with apt-get;
 * otherwise prints the command to run and throws. Returns the paths found.
 */
export function ensureBrowsers(engines = ENGINES) {
  let found = findEngines(engines);
  let missing = Object.keys(found).filter((k) => !found[k]);
  if (missing.length === 0) return found;

  const packages = [...new Set(missing.map((k) => PACKAGES[k]))];
  const cmd = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  log(`missing: ${missing.join(', ')} -> Debian packages: ${packages.join(' ')}`);
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    const msg =
      `Browser engines missing. Install them with:\n` +
      `  sudo apt-get update && sudo ${cmd}\n`;
    console.error(msg);
    const err = new Error('browser engines missing (not root, cannot install)');
    err.exitCode = 2;
    throw err;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    log(`$ ${args.join(' ')}`);
    const r = spawnSync(args[0], args.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  };
  const started = Date.now();
  // Wait for another apt/dpkg run to finish instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  run(['apt-get', ...lock, 'update', '-q']);
  // Without recommends: checked with all three engines (Lit fixture, axe, WebCrypto) passing
  // with only the 86 packages this pulls in, instead of 333 with recommends.
  run(['apt-get', ...lock, 'install', '-y', '-q', '--no-install-recommends', ...packages]);
  log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  found = findEngines(engines);
  missing = Object.keys(found).filter((k) => !found[k]);
  if (missing.length) throw new Error(`still missing after install: ${missing.join(', ')}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Helper processes (Xvfb, WebKitWebDriver). Each runs in its own process group so that stopping
// it also ends its children (MiniBrowser and its WebKit processes).

const children = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Stops a helper started here: SIGTERM to its group, SIGKILL if it lingers. */
export async function stopProcess(child, graceMs = 3000) {
  if (!child || !children.has(child)) return;
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // leftovers in its group, if any
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const t = await Promise.race([exited.then(() => 'exited'), sleep(graceMs).then(() => 'timeout')]);
  // Whether it exited or not, make sure nothing of its group survives.
  killGroup(child, 'SIGKILL');
  if (t === 'timeout') {
    await Promise.race([exited, sleep(1000)]);
    removeXFiles(child);
  }
}

/** Synchronous last resort for process exit. */
function killAllSync() {
  for (const child of children) {
    killGroup(child, 'SIGKILL');
    removeXFiles(child);
  }
  children.clear();
}

let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      // A host with its own handler (scripts/test.mjs) shuts down in order and then exits,
      // which ends the helpers through the 'exit' handler above.
      if (process.listenerCount(sig) > 1) return;
      log(`${sig}: stopping helpers`);
      killAllSync();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

function track(child, name) {
  installExitHandlers();
  children.add(child);
  child.once('exit', (code, signal) => {
    if (children.has(child)) log(`${name} exited unexpectedly (${signal ?? code})`);
  });
  return child;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** In use if its lock names a live process (Xvfb itself takes over stale locks). */
function displayInUse(n) {
  let pid;
  try {
    pid = Number.parseInt(readFileSync(`/tmp/.X${n}-lock`, 'utf8').trim(), 10);
  } catch (e) {
    return e.code !== 'ENOENT'; // unreadable lock: leave that display alone
  }
  return !Number.isFinite(pid) || pidAlive(pid);
}

/** After a SIGKILL, Xvfb leaves its lock and socket behind: remove them if they are ours. */
function removeXFiles(child) {
  const n = child.xDisplay;
  if (n == null) return;
  try {
    const pid = Number.parseInt(readFileSync(`/tmp/.X${n}-lock`, 'utf8').trim(), 10);
    if (pid !== child.pid) return;
    rmSync(`/tmp/.X${n}-lock`, { force: true });
    rmSync(`/tmp/.X11-unix/X${n}`, { force: true });
  } catch {
    /* nothing to clean */
  }
}

/**
 * Starts Xvfb on a free display (:98 first, then upward). Resolves to { display, child, ms }.
 */
export async function startXvfb({ xvfb = '/usr/bin/Xvfb', first = 98, tries = 30 } = {}) {
  const t0 = Date.now();
  for (let n = first; n < first + tries; n++) {
    if (displayInUse(n)) continue;
    const child = spawn(
      xvfb,
      [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
    );
    child.xDisplay = n;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    track(child, 'Xvfb');
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (existsSync(`/tmp/.X${n}-lock`) && (await xReady(n))) {
        child.stderr.removeAllListeners('data');
        child.stderr.resume();
        return { display: `:${n}`, child, ms: Date.now() - t0 };
      }
      await sleep(50);
    }
    await stopProcess(child);
    if (/already active|server is already|Cannot establish any listening sockets/i.test(stderr)) {
      continue; // lost a race for this display: try the next one
    }
    throw new Error(`Xvfb :${n} did not start:\n${stderr.trim()}`);
  }
  throw new Error(`no free X display in :${first}..:${first + tries - 1}`);
}

/** True once the X server on display n accepts connections on its unix socket. */
async function xReady(n) {
  const file = `/tmp/.X11-unix/X${n}`;
  // Linux also has an abstract socket of the same name; either one will do.
  return (await canConnect(file)) || (await canConnect(`\0${file}`));
}

function canConnect(socketPath) {
  return new Promise((resolve) => {
    const sock = net.connect({ path: socketPath });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

function portFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts WebKitWebDriver on 127.0.0.1 (port 4445, or a free one if taken) with the given
 * DISPLAY and waits until GET /status answers ready. Resolves to { port, child, ms }.
 */
export async function startWebKitDriver({
  driver = '/usr/bin/WebKitWebDriver',
  display,
  port = 4445,
  timeoutMs = 30000,
} = {}) {
  const t0 = Date.now();
  if (!(await portFree(port))) port = await freePort();
  const child = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ...(display ? { DISPLAY: display } : {}) },
  });
  let output = '';
  const collect = (d) => {
    output += d;
    if (output.length > 20000) output = output.slice(-10000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  track(child, 'WebKitWebDriver');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(2000) });
      const body = await res.json();
      if (res.ok && body?.value?.ready !== false) {
        return { port, child, ms: Date.now() - t0, output: () => output };
      }
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  await stopProcess(child);
  throw new Error(`WebKitWebDriver did not answer /status on port ${port}:\n${output.trim()}`);
}

/**
 * Starts Xvfb + WebKitWebDriver; returns { env, stop() } where env holds DISPLAY and the
 * TE_WEBKIT_* variables the wtr config reads.
 */
export async function startWebKitHelpers(found = findEngines(['webkit'])) {
  const x = await startXvfb({ xvfb: found.xvfb ?? undefined });
  log(`Xvfb ${x.display} ready in ${x.ms} ms (pid ${x.child.pid})`);
  let d;
  try {
    d = await startWebKitDriver({ driver: found.webkitDriver ?? undefined, display: x.display });
  } catch (e) {
    await stopProcess(x.child);
    throw e;
  }
  log(`WebKitWebDriver :${d.port} ready in ${d.ms} ms (pid ${d.child.pid})`);
  return {
    display: x.display,
    port: d.port,
    driverOutput: d.output,
    env: {
      DISPLAY: x.display,
      TE_WEBKIT_PORT: String(d.port),
      ...(found.miniBrowser ? { TE_WEBKIT_BINARY: found.miniBrowser } : {}),
    },
    async stop() {
      await stopProcess(d.child);
      await stopProcess(x.child);
    },
  };
}

// CLI: ensure the engines are installed.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--browsers');
  const list = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--browsers='))?.slice(10);
  try {
    const found = ensureBrowsers(parseEngines(list ?? process.env.TE_BROWSERS));
    for (const [k, v] of Object.entries(found)) log(`${k}: ${v}`);
  } catch (e) {
    console.error(`[browsers] ${e.message}`);
    process.exit(e.exitCode ?? 1);
  }
}
