// @ts-check
// The helper processes scripts/browsers starts (Xvfb, WebKitWebDriver). Each runs in its own
// process group so that stopping it also ends its children (MiniBrowser and its WebKit
// processes), and whatever is still running when Node exits is killed.
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log.mjs';

/**
 * A started helper; `cleanup` removes what it leaves behind if it has to be killed (Xvfb's lock).
 * @typedef {import('node:child_process').ChildProcess & { cleanup?: () => void }} Helper
 */

/** @type {Set<Helper>} */
const children = new Set();

/**
 * @param {Helper} child
 * @param {NodeJS.Signals} signal
 */
function killGroup(child, signal) {
  try {
    process.kill(-(/** @type {number} */ (child.pid)), signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Stops a helper started here: SIGTERM to its group, SIGKILL if it lingers.
 * @param {Helper | undefined} child
 */
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
    child.cleanup?.();
  }
}

/** Synchronous last resort for process exit. */
function killAllSync() {
  for (const child of children) {
    killGroup(child, 'SIGKILL');
    child.cleanup?.();
  }
  children.clear();
}

let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllSync);
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
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

/**
 * Registers a started helper, so that it is stopped with this process.
 * @template {Helper} T
 * @param {T} child
 * @param {string} name
 * @returns {T}
 */
export function track(child, name) {
  installExitHandlers();
  children.add(child);
  child.once('exit', (code, signal) => {
    if (children.has(child)) log(`${name} exited unexpectedly (${signal ?? code})`);
  });
  return child;
}
