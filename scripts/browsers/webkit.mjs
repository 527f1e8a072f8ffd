// @ts-check
// WebKitWebDriver, which drives WebKitGTK's MiniBrowser, and the pair WebKit needs to run
// (Xvfb + WebKitWebDriver), started and stopped together.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { findEngines } from './engines.mjs';
import { log } from './log.mjs';
import { freePort, portFree } from './ports.mjs';
import { stopProcess, track } from './processes.mjs';
import { startXvfb } from './xvfb.mjs';

/**
 * Starts WebKitWebDriver on 127.0.0.1 (port 4445, or a free one if taken) with the given
 * DISPLAY and waits until GET /status answers ready. Resolves to { port, child, ms }.
 * @param {{ driver?: string, display?: string, port?: number, timeoutMs?: number }} [options]
 */
export async function startWebKitDriver({ driver = '/usr/bin/WebKitWebDriver', display, port = 4445, timeoutMs = 30000 } = {}) {
  const t0 = Date.now();
  if (!(await portFree(port))) port = await freePort();
  const child = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ...(display ? { DISPLAY: display } : {}) },
  });
  let output = '';
  /** @param {Buffer | string} d */
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
      const body = /** @type {{ value?: { ready?: boolean } } | null} */ (await res.json());
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
 * @param {import('./engines.mjs').Found} [found]
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
  const driver = d.child;
  return {
    display: x.display,
    port: d.port,
    driverOutput: d.output,
    /** @type {Record<string, string>} */
    env: {
      DISPLAY: x.display,
      TE_WEBKIT_PORT: String(d.port),
      ...(found.miniBrowser ? { TE_WEBKIT_BINARY: found.miniBrowser } : {}),
    },
    async stop() {
      await stopProcess(driver);
      await stopProcess(x.child);
    },
  };
}
