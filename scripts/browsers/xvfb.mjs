// @ts-check
// Xvfb, the virtual X display WebKitGTK's MiniBrowser draws into: started on a free display.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopProcess, track } from './processes.mjs';

/** @param {number} pid */
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
  }
}

/**
 * In use if its lock names a live process (Xvfb itself takes over stale locks).
 * @param {number} n
 */
function displayInUse(n) {
  let pid;
  try {
    pid = Number.parseInt(readFileSync(`/tmp/.X${n}-lock`, 'utf8').trim(), 10);
  } catch (e) {
    return /** @type {NodeJS.ErrnoException} */ (e).code !== 'ENOENT'; // unreadable lock: leave that display alone
  }
  return !Number.isFinite(pid) || pidAlive(pid);
}

/**
 * After a SIGKILL, Xvfb leaves its lock and socket behind: remove them if they are ours.
 * @param {number} n the display
 * @param {number | undefined} ownPid
 */
function removeXFiles(n, ownPid) {
  try {
    const pid = Number.parseInt(readFileSync(`/tmp/.X${n}-lock`, 'utf8').trim(), 10);
    if (pid !== ownPid) return;
    rmSync(`/tmp/.X${n}-lock`, { force: true });
    rmSync(`/tmp/.X11-unix/X${n}`, { force: true });
  } catch {
    /* nothing to clean */
  }
}

/**
 * Starts Xvfb on a free display (:98 first, then upward). Resolves to { display, child, ms }.
 * @param {{ xvfb?: string, first?: number, tries?: number }} [options]
 */
export async function startXvfb({ xvfb = '/usr/bin/Xvfb', first = 98, tries = 30 } = {}) {
  const t0 = Date.now();
  for (let n = first; n < first + tries; n++) {
    if (displayInUse(n)) continue;
    const child = spawn(xvfb, [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    const helper = Object.assign(child, { cleanup: () => removeXFiles(n, child.pid) });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    track(helper, 'Xvfb');
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (existsSync(`/tmp/.X${n}-lock`) && (await xReady(n))) {
        child.stderr.removeAllListeners('data');
        child.stderr.resume();
        return { display: `:${n}`, child: helper, ms: Date.now() - t0 };
      }
      await sleep(50);
    }
    await stopProcess(helper);
    if (/already active|server is already|Cannot establish any listening sockets/i.test(stderr)) {
      continue; // lost a race for this display: try the next one
    }
    throw new Error(`Xvfb :${n} did not start:\n${stderr.trim()}`);
  }
  throw new Error(`no free X display in :${first}..:${first + tries - 1}`);
}

/**
 * True once the X server on display n accepts connections on its unix socket.
 * @param {number} n
 */
async function xReady(n) {
  const file = `/tmp/.X11-unix/X${n}`;
  // Linux also has an abstract socket of the same name; either one will do.
  return (await canConnect(file)) || (await canConnect(`\0${file}`));
}

/**
 * @param {string} socketPath
 * @returns {Promise<boolean>}
 */
function canConnect(socketPath) {
  return new Promise((resolve) => {
    const sock = net.connect({ path: socketPath });
    /** @param {boolean} ok */
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}
