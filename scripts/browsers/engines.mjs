// @ts-check
// Where the three browser engines and WebKit's two helpers are on this machine (Debian paths
// first, then PATH), and which engines a `--browsers` list names. Plain Node, no dependencies.
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */
/**
 * Paths of what the engines need; null where missing, absent where not asked for.
 * @typedef {{ chromium?: string | null, firefox?: string | null, webkitDriver?: string | null, miniBrowser?: string | null, xvfb?: string | null }} Found
 */

/** @type {readonly Engine[]} */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {string} name
 * @param {string[]} [fallbacks] directories to look in after PATH
 */
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
    /** @type {string[]} */
    let entries = [];
    try {
      entries = readdirSync(lib);
    } catch {
      continue;
    }
    const candidates = [lib, ...entries.map((e) => path.join(lib, e))];
    for (const dir of candidates) {
      /** @type {string[]} */
      let sub = [];
      try {
        sub = readdirSync(dir)
          .filter((e) => /^webkit2?gtk-[\d.]+$/.test(e))
          .sort()
          .reverse();
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

/**
 * Paths of everything needed for the given engines; null where missing.
 * @param {readonly Engine[]} [engines]
 * @returns {Found}
 */
export function findEngines(engines = ENGINES) {
  /** @type {Found} */
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

/**
 * The engines of a comma list (all three when empty); throws on an unknown name.
 * @param {string | null | undefined} list
 * @returns {Engine[]}
 */
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
  const unknown = engines.filter((e) => !ENGINES.includes(/** @type {Engine} */ (e)));
  if (unknown.length) {
    throw new Error(`unknown browser(s): ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
  }
  return /** @type {Engine[]} */ (engines);
}
