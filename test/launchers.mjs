// @ts-check
// The browser launchers of the browser tests: Chromium (puppeteer over CDP), Firefox ESR
// (puppeteer over WebDriver BiDi) and WebKitGTK's MiniBrowser (WebKitWebDriver, which
// scripts/browsers.mjs starts with Xvfb), each tagged with its engine and a fixed label.
//
// Env:
//   TE_BROWSERS        comma list of chromium,firefox,webkit (default: all three)
//   TE_PAGES           test files at once per browser in Chromium and Firefox (default 1)
//   TE_WEBKIT_PORT     WebKitWebDriver port on 127.0.0.1 (default 4445)
//   TE_WEBKIT_BINARY   MiniBrowser path (default: the x86_64 Debian path)
//   TE_CHROMIUM_BIN, TE_FIREFOX_BIN   browser executables (default /usr/bin/chromium, /usr/bin/firefox-esr)
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */
/** @typedef {import('@web/test-runner').BrowserLauncher & { teEngine?: Engine }} TaggedLauncher */

/** @type {readonly Engine[]} */
const ENGINES = ['chromium', 'firefox', 'webkit'];
/** @type {Record<Engine, string>} */
const LABELS = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/**
 * The engines named in a comma list (TE_BROWSERS), all three when it is empty.
 * @param {string | undefined} list
 * @returns {Engine[]}
 */
export function selectedEngines(list) {
  const names = (list || ENGINES.join(','))
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const name of names) {
    if (!ENGINES.includes(/** @type {Engine} */ (name))) {
      throw new Error(`TE_BROWSERS: unknown browser "${name}" (known: ${ENGINES.join(', ')})`);
    }
  }
  return /** @type {Engine[]} */ (names);
}

/**
 * One launcher per engine, as the environment configures it.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Record<Engine, () => import('@web/test-runner').BrowserLauncher>}
 */
function launcherFactories(env) {
  // Test files run at once per browser (Chromium, Firefox). WebKit always runs one at a time: with
  // more, the webdriver launcher would run the files in iframes of one window.
  const pages = Number(env.TE_PAGES || 1);
  return {
    chromium: () =>
      chromeLauncher({
        concurrency: pages,
        launchOptions: {
          executablePath: env.TE_CHROMIUM_BIN || '/usr/bin/chromium',
          headless: true,
          args: [...CHROMIUM_FLAGS],
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
        // WebKitGTK's own capability, which WebdriverIO's types do not list.
        capabilities: /** @type {WebdriverIO.Capabilities} */ ({
          'webkitgtk:browserOptions': {
            binary: env.TE_WEBKIT_BINARY || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
            args: ['--automation'],
          },
        }),
      }),
  };
}

/**
 * Tags a launcher with its engine (read by scripts/wtr-count-reporter.mjs) and gives it a fixed
 * label: the webdriver launcher would call itself '' (no browserName in its capabilities), the
 * Chrome launcher calls Debian's Chromium 'Chrome'.
 * @param {import('@web/test-runner').BrowserLauncher} launcher
 * @param {Engine} engine
 * @returns {TaggedLauncher}
 */
function named(launcher, engine) {
  const tagged = /** @type {TaggedLauncher} */ (launcher);
  tagged.teEngine = engine;
  Object.defineProperty(tagged, 'name', { get: () => LABELS[engine], set() {}, configurable: true });
  return tagged;
}

/**
 * The launchers for the engines TE_BROWSERS names (all three by default).
 * @param {NodeJS.ProcessEnv} env
 */
export function launchers(env) {
  const factories = launcherFactories(env);
  return selectedEngines(env.TE_BROWSERS).map((name) => named(factories[name](), name));
}
