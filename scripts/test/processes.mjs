// @ts-check
// The processes `npm test` starts (tsc, the build, node --test, web-test-runner): run to the
// end, or stopped in order when the run is interrupted.
import { spawn } from 'node:child_process';

/**
 * @typedef {{ code: number, signal?: NodeJS.Signals | null, out: string, ms: number }} RunResult
 * @typedef {import('node:child_process').ChildProcess & { group?: boolean }} Child
 */

/** @type {Set<Child>} */
const running = new Set();
let stopping = false;

/** True once the run is being stopped (a signal, an internal error): results no longer count. */
export const isStopping = () => stopping;
/** Marks the run as stopping; false if it already was. */
export function beginStopping() {
  if (stopping) return false;
  stopping = true;
  return true;
}

/**
 * Runs a command to its end. `capture` also collects its output (still shown); `group` gives it
 * a process group of its own, so that stopping it also stops the browsers it started.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ env?: Record<string, string>, capture?: boolean, group?: boolean, label?: string }} [options]
 * @returns {Promise<RunResult>}
 */
export function run(cmd, args, { env, capture = false, group = false, label } = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    /** @type {Child} */
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
      detached: group, // own process group: stopping it also stops the browsers it started
    });
    child.group = group;
    running.add(child);
    let out = '';
    if (capture) {
      child.stdout?.on('data', (d) => {
        process.stdout.write(d);
        out += d;
      });
      child.stderr?.on('data', (d) => {
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

/** @param {NodeJS.Signals} signal */
function signalRunning(signal) {
  for (const child of running) {
    try {
      if (child.group) process.kill(-(/** @type {number} */ (child.pid)), signal);
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
 * scripts/browsers when this process exits.
 */
export async function stopRunning(graceMs = 10000) {
  if (running.size === 0) return;
  const closed = [...running].map((c) => new Promise((resolve) => c.once('close', resolve)));
  signalRunning('SIGINT');
  await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, graceMs))]);
  signalRunning('SIGKILL');
}

process.on('exit', () => signalRunning('SIGKILL'));
