/** Debian's Chromium, headless, driven by puppeteer-core, with the browser tests' own flags. */
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';

export const CHROMIUM = process.env.TE_CHROMIUM_BIN || '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // window.gc() between runs, so one run's garbage is not collected during the next.
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
  });
}
