// @ts-check
// The command-line flags every Chromium this project starts gets: the browser tests' launcher
// (test/launchers.mjs) and the bench (bench/browser.ts). Plain Node, no dependencies.

/**
 * --no-sandbox: tests and CI run as root; the rest stop Chromium calling out to the network
 * (updates, sync, first-run pages) and keep it off the GPU and the small /dev/shm of containers.
 * @type {readonly string[]}
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]);
