// @ts-check
// Installs the missing browser engines from Debian (as root), or says which command would.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ENGINES, findEngines } from './engines.mjs';
import { log } from './log.mjs';

/** @typedef {import('./engines.mjs').Engine} Engine */
/** @typedef {import('./engines.mjs').Found} Found */

/** Debian package that provides each thing we look for. @type {Record<keyof Found, string>} */
const PACKAGES = {
  chromium: 'chromium',
  firefox: 'firefox-esr',
  webkitDriver: 'webkit2gtk-driver',
  miniBrowser: 'webkit2gtk-driver', // MiniBrowser is in libwebkit2gtk-4.1-0, a dependency of the driver
  xvfb: 'xvfb',
};

/**
 * Japanese glyphs, as a Japanese visitor's system has them: the tests that measure whether the words
 * fit (badge-words, languages) then measure real CJK text, not boxes or a fallback with other metrics
 * (a CJK font's ascent and descent are taller than Latin fonts'). Wanted, not required: installed with
 * the engines as root; otherwise a note, and the Japanese cases measure whatever the machine has.
 */
const CJK_FONT = { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', package: 'fonts-noto-cjk' };

/** @param {Found} found */
const missingOf = (found) => /** @type {(keyof Found)[]} */ (Object.keys(found)).filter((k) => !found[k]);

/**
 * Makes sure the engines (and the CJK font) are installed. As root, installs what is missing with
 * apt-get; otherwise prints the command to run and throws (a missing font alone is only a note).
 * Returns the paths found.
 * @param {readonly Engine[]} [engines]
 * @returns {Found}
 */
export function ensureBrowsers(engines = ENGINES) {
  let found = findEngines(engines);
  let missing = missingOf(found);
  const fontMissing = !existsSync(CJK_FONT.file);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (missing.length === 0 && !fontMissing) return found;
  if (missing.length === 0 && !root) {
    log(`no CJK font: Japanese is measured with this machine's fallback (apt-get install ${CJK_FONT.package})`);
    return found;
  }

  const packages = [...new Set(missing.map((k) => PACKAGES[k]))];
  if (fontMissing) packages.push(CJK_FONT.package);
  const cmd = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  log(`missing: ${[...missing, ...(fontMissing ? ['CJK font'] : [])].join(', ')} -> Debian packages: ${packages.join(' ')}`);
  if (!root) {
    const msg = `Browser engines missing. Install them with:\n` + `  sudo apt-get update && sudo ${cmd}\n`;
    console.error(msg);
    const err = Object.assign(new Error('browser engines missing (not root, cannot install)'), { exitCode: 2 });
    throw err;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  /** @param {string[]} args */
  const run = (args) => {
    log(`$ ${args.join(' ')}`);
    const r = spawnSync(/** @type {string} */ (args[0]), args.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env });
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
  missing = missingOf(found);
  if (missing.length) throw new Error(`still missing after install: ${missing.join(', ')}`);
  return found;
}
