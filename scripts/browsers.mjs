// @ts-check
// Finds (and, as root, installs from Debian) the three browser engines the browser tests run
// in, and starts/stops the two helper processes WebKit needs: Xvfb and WebKitWebDriver.
// Plain Node, no dependencies (.ci/run calls it before `npm ci`): nothing under
// scripts/browsers/ may import an npm package. Used by scripts/test.mjs and .ci/run:
//   node scripts/browsers.mjs [--browsers chromium,firefox,webkit]   # ensure installed
//
//   scripts/browsers/engines.mjs     where the engines are; which ones a list names
//   scripts/browsers/install.mjs     apt-get what is missing
//   scripts/browsers/xvfb.mjs, webkit.mjs, processes.mjs, ports.mjs   WebKit's helper processes
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEngines } from './browsers/engines.mjs';
import { ensureBrowsers } from './browsers/install.mjs';
import { log } from './browsers/log.mjs';

export { ENGINES, findEngines, parseEngines } from './browsers/engines.mjs';
export { ensureBrowsers } from './browsers/install.mjs';
export { stopProcess } from './browsers/processes.mjs';
export { startWebKitDriver, startWebKitHelpers } from './browsers/webkit.mjs';
export { startXvfb } from './browsers/xvfb.mjs';

// CLI: ensure the engines are installed.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--browsers');
  const list = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--browsers='))?.slice('--browsers='.length);
  try {
    const found = ensureBrowsers(parseEngines(list ?? process.env.TE_BROWSERS));
    for (const [k, v] of Object.entries(found)) log(`${k}: ${v}`);
  } catch (e) {
    const err = /** @type {Error & { exitCode?: number }} */ (e);
    console.error(`[browsers] ${err.message}`);
    process.exit(err.exitCode ?? 1);
  }
}
